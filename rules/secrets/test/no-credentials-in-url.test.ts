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
    {
      name: "stand-ins: short, one repeated character, the word password (in any spelling), references",
      filename: "config/urls.yaml",
      code: [
        "a: postgres://app:pw@db.internal:5432/app",
        "b: redis://:xxxxxxxx@cache.internal:6379",
        "c: amqp://app:mypassword@mq.internal:5672",
        "d: postgres://app:p%40ssw0rd@db.internal/app",
        "e: mysql://root:{MYSQL_PASSWORD}@db.internal/app",
        "f: amqp://app:s3cret@mq.internal:5672",
        "g: postgres://postgres:p0stgr3s@db.internal:5432/app",
      ].join("\n"),
    },
    {
      name: "documentation shows the syntax (README, reStructuredText)",
      files: { "README.md": ts, "docs/setup.rst": dotenv },
    },
    {
      name: "a prose comment giving an example",
      filename: "src/db.ts",
      code: "// Accepts a URL such as postgres://shop_admin:Xk9vR2mQ7pLw@db.internal:5432/shop\nexport {};\n",
    },
    {
      name: "a test file's URL passwords are made up, like test users' (hatchet's dsn_test.go)",
      filename: "pkg/migratediag/dsn_test.go",
      code: 'in: "clickhousess://user:Wq4zT8nK2pLx@ch.internal:9440/analytics",\n',
    },
  ],
  invalid: [
    {
      name: "a commented-out setting still holds the password",
      filename: "deploy/app.env",
      code: "# DATABASE_URL=postgres://shop:N7q2Lx9Vw4Rz@prod-db.internal:5432/shop\n",
      errors: [{ messageId: "credentialsInUrl", line: 1, column: 16 }],
    },
    {
      name: "any scheme with a real password",
      filename: "config/mirror.conf",
      code: "mirror = ftp://mirror:Hq7Lw2Zp9Xk4@files.internal/pub\nshare = smb://svc:Vb3Nq8Rt2Lm6@nas.internal/backup\n",
      errors: [
        { messageId: "credentialsInUrl", line: 1, column: 10 },
        { messageId: "credentialsInUrl", line: 2, column: 9 },
      ],
    },
    {
      name: "a test file's URL password when testPasswordSeverity asks for it",
      filename: "pkg/migratediag/dsn_test.go",
      code: 'in: "clickhousess://user:Wq4zT8nK2pLx@ch.internal:9440/analytics",\n',
      options: { testPasswordSeverity: "warn" },
      errors: [{ messageId: "credentialsInUrl", line: 1, column: 6 }],
    },
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
