// Tests of secrets/no-credentials-in-url: connection strings with passwords in code and config,
// and URLs whose password is a placeholder, a reference or absent.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { at } from "./helpers/lint.js";

const ts = 'const fallbackUrl = "postgres://shop_admin:Xk9vR2mQ7pLw@db.internal.example:5432/shop";\n';
const dotenv = "DATABASE_URL=postgres://shop:N7q2Lx9Vw4Rz@prod-db.example:5432/shop\n";
const yaml = "cache:\n  url: redis://:h7Gk2pQz9Lm4@cache.internal:6379/0\n";
const mongo = 'MONGO_URI = "mongodb+srv://app:Qp8zL2vX7kNm@cluster0.abcde.mongodb.net/app"\n';
const gitCredentials = "https://deploy-bot:gho_k8Tz4Qp2Lm9Vx7Rw3Yn6Bc1Df5Gh0Js2Kl4Mn@github.com\n";
const jdbc = "spring.datasource.url=jdbc:mysql://app:Wq4zT8nK2pLx@mysql.internal:3306/app\n";

const tester = new RuleTester({ pack });

tester.run("no-credentials-in-url", {
  valid: [
    {
      name: "no password",
      filename: "src/safe.ts",
      code: 'export const localUrl = "postgres://localhost:5432/dev";\n',
    },
    { name: "user only", filename: "a.env", code: "DATABASE_URL=postgres://app@db:5432/app\n" },
    {
      name: "placeholders",
      filename: "docs/setup.md",
      code: [
        "postgres://user:password@localhost:5432/app",
        "postgres://postgres:postgres@db:5432/app",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a ${VAR} reference written in config, not a JS template.
        "mysql://root:${MYSQL_PASSWORD}@db/app",
        "amqp://guest:guest@rabbitmq:5672",
        "redis://:<password>@cache:6379",
        "https://user:changeme@example.com",
        "postgres://app:$DB_PASSWORD@db/app",
      ].join("\n"),
    },
    { name: "allowed host", filename: "ci/db.env", code: dotenv, options: { allowHosts: ["prod-db.example"] } },
  ],
  invalid: [
    {
      name: "TS",
      filename: "src/db.ts",
      code: ts,
      errors: [{ messageId: "credentialsInUrl", ...at(ts, "postgres://") }],
    },
    {
      name: "dotenv, masked",
      filename: ".env.production",
      code: dotenv,
      errors: [
        {
          messageId: "credentialsInUrl",
          data: { scheme: "postgres", host: "prod-db.example", masked: "N7q****…" },
          line: 1,
          column: 14,
        },
      ],
    },
    {
      name: "redis without a user",
      filename: "config/cache.yaml",
      code: yaml,
      errors: [{ messageId: "credentialsInUrl", ...at(yaml, "redis://") }],
    },
    {
      name: "mongodb+srv in Python",
      filename: "app/settings.py",
      code: mongo,
      errors: [{ messageId: "credentialsInUrl", ...at(mongo, "mongodb+srv") }],
    },
    {
      name: ".git-credentials",
      filename: ".git-credentials",
      code: gitCredentials,
      errors: [{ messageId: "credentialsInUrl", line: 1, column: 1 }],
    },
    {
      name: "JDBC",
      filename: "application.properties",
      code: jdbc,
      errors: [{ messageId: "credentialsInUrl", ...at(jdbc, "jdbc:") }],
    },
  ],
});
