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
    {
      name: "a workspace package's example in a subfolder, read elsewhere in that package",
      files: {
        "package.json": '{ "private": true, "workspaces": ["packages/*"] }',
        "packages/api/package.json": '{ "name": "@acme/api" }',
        "packages/api/docker/.env.example": "# Port.\nAPI_PORT=4000\n# Queue.\nQUEUE_URL=\n",
        "packages/api/src/server.ts": "export const port = process.env.API_PORT;",
        "packages/api/scripts/worker.ts": "export const queue = process.env.QUEUE_URL;",
      },
    },
    {
      name: "read through a helper imported from another file, with names built from a template (linkwarden)",
      files: {
        ".env.example": "# Zoom.\nZOOM_CLIENT_ID=\nZOOM_CLIENT_SECRET=\n# OIDC.\nOIDC_CLIENT_ID=\n",
        "lib/oauth.ts":
          "export function oauth(id: string, secret: string) {\n  return { id: process.env[id], secret: process.env[secret] };\n}\nexport const oidc = (prefix: string) => process.env[`${prefix}_CLIENT_ID`];\n",
        "lib/providers.ts":
          'import { oauth, oidc } from "./oauth";\noauth("ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET");\noidc("OIDC");\n',
      },
    },
    {
      name: "read by a library the code uses (Sentry's build plugin reads SENTRY_AUTH_TOKEN)",
      files: {
        "apps/mobile/.env.sample": "SENTRY_AUTH_TOKEN=\n",
        "apps/mobile/metro.config.js":
          'const { getSentryExpoConfig } = require("@sentry/react-native/metro");\nmodule.exports = getSentryExpoConfig(__dirname);\n',
      },
    },
  ],
  invalid: [
    {
      name: "a workspace package's example entry read only by another package is unused",
      files: {
        "package.json": '{ "private": true, "workspaces": ["packages/*"] }',
        "packages/api/package.json": '{ "name": "@acme/api" }',
        "packages/web/package.json": '{ "name": "@acme/web" }',
        "packages/api/docker/.env.example": "# Port.\nAPI_PORT=4000\n# Web only.\nWEB_TITLE=\n",
        "packages/api/src/server.ts": "export const port = process.env.API_PORT;",
        "packages/web/src/page.ts": "export const title = process.env.WEB_TITLE;",
      },
      errors: [{ file: "packages/api/docker/.env.example", messageId: "unused", line: 4, column: 1 }],
    },
    {
      name: "read only as import.meta.env without the Vite app's prefix: undefined in the app, so unused",
      files: {
        ".env.example": "# Client API.\nVITE_API_URL=/api\n# Server secret.\nAPI_SECRET=\n",
        "vite.config.ts": 'import { defineConfig } from "vite";\nexport default defineConfig({});\n',
        "src/main.ts":
          "export const api = import.meta.env.VITE_API_URL;\nexport const leak = import.meta.env.API_SECRET;\n",
      },
      errors: [{ file: ".env.example", messageId: "unused", line: 4, column: 1 }],
    },
    {
      name: "a computed read nothing resolves: no entry is called unused, one info says why",
      files: {
        ".env.example": "# A.\nFEATURE_A=1\n# B.\nFEATURE_B=1\n",
        "src/flags.ts":
          "export const on = (name: string) => process.env[`FEATURE_${name}`] === '1';\nexport const handler = (q: { n: string }) => on(q.n);\n",
      },
      errors: [
        {
          file: ".env.example",
          messageId: "uncertain",
          line: 1,
          column: 1,
          data: { reader: "src/flags.ts:1", count: 1 },
        },
      ],
    },
    {
      name: "a computed read outside the example's directory leaves its entries judged",
      files: {
        "packages/api/.env.example": "# Port.\nAPI_PORT=4000\n",
        "packages/web/src/a.ts": "export const read = (name: string) => process.env[name];\nread(globalThis.name);\n",
      },
      errors: [{ file: "packages/api/.env.example", messageId: "unused", line: 2, column: 1 }],
    },
    {
      name: "the helper reads a name other than the documented one (linkwarden FORTYTWO_CLIENT_ID vs FORTY_TWO_CLIENT_ID)",
      files: {
        ".env.example": "# 42 School.\nFORTYTWO_CLIENT_ID=\n",
        "lib/providers.ts":
          'function oauth(idEnv: string) {\n  return () => process.env[idEnv];\n}\nexport const fortyTwo = oauth("FORTY_TWO_CLIENT_ID");\n',
      },
      errors: [
        {
          file: ".env.example",
          messageId: "unused",
          line: 2,
          column: 1,
          data: { name: "FORTYTWO_CLIENT_ID", where: "in the repository" },
        },
      ],
    },
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
