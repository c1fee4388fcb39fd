// Tests of secrets/no-shared-credentials-across-environments: one credential in two deployed
// environments' env files, compose overrides and CI jobs; per-environment credentials pass.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { fakeToken } from "./helpers/sample.js";

const shared = fakeToken("", 64, 31, "0123456789abcdef");
const other = fakeToken("", 64, 32, "0123456789abcdef");
const tester = new RuleTester({ pack });

tester.run("no-shared-credentials-across-environments", {
  valid: [
    {
      name: "different values",
      files: {
        "deploy/staging.env": `SESSION_SECRET=${shared}\n`,
        "deploy/production.env": `SESSION_SECRET=${other}\n`,
      },
    },
    {
      name: "same non-secret values",
      files: {
        "deploy/staging.env": "NODE_ENV=production\nLOG_LEVEL=info\n",
        "deploy/production.env": "NODE_ENV=production\nLOG_LEVEL=info\n",
      },
    },
    {
      name: "development and test may share",
      files: { ".env.development": `SESSION_SECRET=${shared}\n`, ".env.test": `SESSION_SECRET=${shared}\n` },
    },
    {
      name: "templates are not environments",
      files: { ".env.example": `SESSION_SECRET=${shared}\n`, ".env.production": `SESSION_SECRET=${shared}\n` },
    },
  ],
  invalid: [
    {
      name: "staging and production env files",
      files: {
        "deploy/staging.env": `# staging\nSESSION_SECRET=${shared}\n`,
        "deploy/production.env": `SESSION_SECRET=${shared}\n`,
      },
      errors: [
        { file: "deploy/production.env", messageId: "shared", line: 1, column: 16 },
        { file: "deploy/staging.env", messageId: "shared", line: 2, column: 16 },
      ],
    },
    {
      name: "the password of two database URLs",
      files: {
        ".env.staging": "DATABASE_URL=postgres://app:Qz8vK2mT7pLw@staging-db:5432/app\n",
        ".env.prod": "DATABASE_URL=postgres://app:Qz8vK2mT7pLw@prod-db:5432/app\n",
      },
      errors: [
        { file: ".env.prod", messageId: "shared", line: 1, column: 14 },
        { file: ".env.staging", messageId: "shared", line: 1, column: 14 },
      ],
    },
    {
      name: "GitHub Actions jobs with environments",
      files: {
        ".github/workflows/deploy.yml": [
          "jobs:",
          "  staging:",
          "    environment: staging",
          "    env:",
          `      API_TOKEN: "${shared}"`,
          "  production:",
          "    environment: { name: production }",
          "    env:",
          `      API_TOKEN: "${shared}"`,
          "",
        ].join("\n"),
      },
      errors: [
        { file: ".github/workflows/deploy.yml", messageId: "shared", line: 5, column: 18 },
        { file: ".github/workflows/deploy.yml", messageId: "shared", line: 9, column: 18 },
      ],
    },
    {
      name: "compose overrides",
      files: {
        "docker-compose.staging.yml": `services:\n  app:\n    environment:\n      - JWT_SECRET=${shared}\n`,
        "docker-compose.prod.yml": `services:\n  app:\n    environment:\n      JWT_SECRET: ${shared}\n`,
      },
      errors: [
        { file: "docker-compose.prod.yml", messageId: "shared", line: 4, column: 19 },
        { file: "docker-compose.staging.yml", messageId: "shared", line: 4, column: 20 },
      ],
    },
  ],
});
