// Tests for env-docs/no-unused-documented-var: example entries nothing in their scope reads.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell, compose and dotenv `${X}` syntax under test.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-unused-documented-var", {
  valid: [
    {
      name: "read by dot access and by destructuring with a default (acme-shop)",
      files: {
        ".env.example":
          "# Log level.\nLOG_LEVEL=info\n# Sentry.\nSENTRY_DSN=\n# DB.\nDATABASE_URL=postgres://localhost/app\n",
        "src/config.ts":
          'const { LOG_LEVEL = "info", SENTRY_DSN } = process.env;\nexport const db = process.env.DATABASE_URL;\n',
      },
    },
    {
      name: "read in Ruby, Go, shell scripts and compose files",
      files: {
        ".env.example": "# A.\nRUBY_VAR=1\n# B.\nGO_VAR=1\n# C.\nSHELL_VAR=1\n# D.\nCOMPOSE_VAR=1\n",
        "app/x.rb": 'ENV.fetch("RUBY_VAR")\n',
        "cmd/main.go": 'os.Getenv("GO_VAR")\n',
        "scripts/deploy.sh": 'echo "$SHELL_VAR"\n',
        "compose.yaml": "services:\n  a:\n    image: x:${COMPOSE_VAR}\n",
      },
    },
    {
      name: "expanded by another entry's value",
      files: {
        ".env.example": "# Host.\nDB_HOST=localhost\n# URL.\nDATABASE_URL=postgres://${DB_HOST}/app\n",
        "src/a.ts": "process.env.DATABASE_URL;",
      },
    },
    {
      name: "platform variables and allowed names",
      files: { ".env.example": "# Env.\nNODE_ENV=development\n# Port.\nPORT=3000\n# Tool.\nOTEL_SERVICE_NAME=app\n" },
      options: { allow: ["OTEL_*"] },
    },
    {
      name: "a package example's entry read inside the package",
      files: {
        "packages/api/.env.example": "# Port.\nAPI_PORT=4000\n",
        "packages/api/src/a.ts": "process.env.API_PORT;",
      },
    },
  ],
  invalid: [
    {
      name: "an entry nothing reads (acme-shop REDIS_URL)",
      files: {
        ".env.example":
          "# DB.\nDATABASE_URL=postgres://localhost/app\n\n# Cache connection string.\n# @optional\nREDIS_URL=redis://localhost:6379\n",
        "src/a.ts": "process.env.DATABASE_URL;",
      },
      errors: [
        {
          file: ".env.example",
          messageId: "unused",
          line: 6,
          column: 1,
          endColumn: 10,
          data: { name: "REDIS_URL", where: "in the repository" },
        },
      ],
    },
    {
      name: "a commented-out entry nothing reads",
      files: { ".env.example": "# Sentry.\n# SENTRY_DSN=https://x@sentry.example/1\n" },
      errors: [{ file: ".env.example", messageId: "unused", line: 2, column: 3 }],
    },
    {
      name: "a package example's entry read only outside the package",
      files: {
        "packages/api/.env.example": "# Port.\nAPI_PORT=4000\n",
        "packages/web/src/a.ts": "process.env.API_PORT;",
      },
      errors: [
        {
          file: "packages/api/.env.example",
          messageId: "unused",
          line: 2,
          column: 1,
          data: { name: "API_PORT", where: "under packages/api/" },
        },
      ],
    },
    {
      name: "a platform variable under ignore is judged like any other",
      files: { ".env.example": "# Port.\nPORT=3000\n" },
      options: { ignore: ["PORT"] },
      errors: [{ file: ".env.example", messageId: "unused", line: 2, column: 1 }],
    },
    {
      name: "a written variable is not read",
      files: { ".env.example": "# Flag.\nFLAG=1\n", "test/setup.ts": 'process.env.FLAG = "1";' },
      errors: [{ file: ".env.example", messageId: "unused", line: 2, column: 1 }],
    },
  ],
});
