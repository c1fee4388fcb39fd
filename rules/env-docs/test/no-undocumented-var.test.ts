// Tests for env-docs/no-undocumented-var: reads in code and config against the nearest example.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell, compose and dotenv `${X}` syntax under test.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

const example = [
  "# Postgres connection string.",
  "# @required @type=url",
  "DATABASE_URL=postgres://localhost:5432/app",
  "",
  "# Minimum log level.",
  "LOG_LEVEL=info",
  "",
  "# Error reporting endpoint; leave unset to disable.",
  "# SENTRY_DSN=https://key@sentry.example/1",
  "",
].join("\n");

tester.run("no-undocumented-var", {
  valid: [
    {
      // linkwarden: `APPLE_CLIENT_ID || APPLE_ID` keeps honouring an older name of a documented variable.
      name: "a read that stands in for a documented variable when it is unset is an alias",
      files: {
        ".env.example": "# Apple client id.\nAPPLE_CLIENT_ID=\n",
        "src/a.ts":
          "const id = process.env.APPLE_CLIENT_ID || process.env.APPLE_ID;\nconst b = process.env?.APPLE_CLIENT_ID ?? process.env.OLD_APPLE ?? process.env.OLDER_APPLE;",
      },
    },
    {
      // linkwarden: `flagEnvs: ["NEXT_PUBLIC_ZOOM_ENABLED", "NEXT_PUBLIC_ZOOM_ENABLED_ENABLED"]`, a typo still honoured.
      name: "a later name of a list read with .some is an alternative spelling of the first",
      files: {
        ".env.example": "# Zoom sign-in.\nZOOM_ENABLED=\n",
        "src/a.ts":
          'const providers = [{ flags: ["ZOOM_ENABLED", "ZOOM_ENABLED_ENABLED"] }];\nexport const on = providers.filter((p) => p.flags.some((flag) => process.env[flag] === "true"));\n',
      },
    },
    {
      name: "every read is documented, including destructuring and commented-out entries",
      files: {
        ".env.example": example,
        "src/config.ts":
          'export const db = process.env.DATABASE_URL;\nconst { LOG_LEVEL = "info", SENTRY_DSN } = process.env;\n',
      },
    },
    {
      name: "platform variables need no documentation",
      files: {
        ".env.example": example,
        "src/a.ts":
          "process.env.NODE_ENV; process.env.CI; process.env.GITHUB_SHA; process.env.PORT; process.env.npm_package_version;",
      },
    },
    {
      name: "proxy settings are the machine's, in either case",
      files: {
        ".env.example": example,
        "src/a.ts": "process.env.HTTPS_PROXY ?? process.env.https_proxy ?? process.env.NO_PROXY;",
      },
    },
    {
      // linkwarden's mobile app: Expo sets EXPO_OS itself.
      name: "variables a framework sets at build time",
      files: { ".env.example": example, "src/a.ts": 'process.env.EXPO_OS === "web";' },
    },
    {
      // hatchet's e2e tests read HATCHET_TEST_WORKFLOW_ID; a test run is not a deploy.
      name: "reads in test files need no example entry",
      files: {
        ".env.example": example,
        "cmd/cli/crons_e2e_test.go": 'id := os.Getenv("HATCHET_TEST_WORKFLOW_ID")\n',
        "src/a.test.ts": "process.env.TEST_TOKEN;",
        "tests/load_test.ts": "process.env.TEST_EVENTS_COUNT;",
        "app/tests/test_api.py": 'os.environ["TEST_API_URL"]\n',
        "src/__tests__/b.ts": "process.env.FIXTURE_DIR;",
      },
    },
    {
      name: "allow adds names and prefixes",
      files: { ".env.example": example, "src/a.ts": "process.env.MY_TOOL_HOME; process.env.OTEL_SERVICE_NAME;" },
      options: { allow: ["MY_TOOL_HOME", "OTEL_*"] },
    },
    {
      name: "a package read falls back to the root example",
      files: {
        ".env.example": example,
        "packages/api/.env.example": "# API port.\nAPI_PORT=4000\n",
        "packages/api/src/server.ts": "process.env.API_PORT; process.env.DATABASE_URL;",
      },
    },
    {
      name: "a read in a workspace package is documented by an example elsewhere in that package",
      files: {
        "apps/api/package.json": "{}",
        "apps/api/docker/.env.sample": "# API port.\nAPI_PORT=4000\n",
        "apps/api/src/server.ts": "process.env.API_PORT;",
      },
    },
    {
      name: "the example file name is configurable",
      files: { "config/.env.dist": "# Cache.\nREDIS_URL=redis://localhost\n", "src/a.ts": "process.env.REDIS_URL;" },
      settings: { envDocs: { example: "config/.env.dist" } },
    },
    {
      name: "writes and whole-environment copies are not reads",
      files: {
        ".env.example": example,
        "src/a.ts": 'process.env.FOO = "1";\nspawn("x", { env: { ...process.env } });',
      },
    },
    {
      name: "files that never mention an environment are not parsed",
      files: { ".env.example": example, "src/broken.ts": "const = ;" },
    },
  ],
  invalid: [
    {
      name: "dot and bracket reads of undocumented variables (acme-shop)",
      files: {
        ".env.example": example,
        "src/config.ts": [
          "export const config = {",
          "  db: process.env.DATABASE_URL,",
          "  flagsUrl: process.env.FEATURE_FLAGS_URL,",
          '  token: process.env["API_TOKEN"],',
          "};",
        ].join("\n"),
      },
      errors: [
        { file: "src/config.ts", messageId: "undocumented", line: 3, column: 25, endColumn: 42 },
        { file: "src/config.ts", messageId: "undocumented", line: 4, column: 23, endColumn: 32 },
      ],
    },
    {
      name: "one finding per variable per file, at the first read",
      files: {
        ".env.example": example,
        "src/a.ts": "process.env.MISSING;\nprocess.env.MISSING;\n",
        "src/b.ts": "process.env.MISSING;",
      },
      errors: [
        { file: "src/a.ts", messageId: "undocumented", line: 1, column: 13 },
        { file: "src/b.ts", messageId: "undocumented", line: 1, column: 13 },
      ],
    },
    {
      name: "destructuring, import.meta.env, envalid and t3-env",
      files: {
        ".env.example": example,
        "src/a.ts": [
          "const { SECRET_A, B = 1 } = process.env;",
          "import.meta.env.VITE_KEY;",
          "cleanEnv(process.env, { ENVALID_X: str() });",
          "createEnv({ server: { T3_Y: z.string() } });",
        ].join("\n"),
      },
      errors: [
        { file: "src/a.ts", messageId: "undocumented", line: 1, column: 9 },
        { file: "src/a.ts", messageId: "undocumented", line: 1, column: 19 },
        { file: "src/a.ts", messageId: "undocumented", line: 2, column: 17 },
        { file: "src/a.ts", messageId: "undocumented", line: 3, column: 25 },
        { file: "src/a.ts", messageId: "undocumented", line: 4, column: 23 },
      ],
    },
    {
      name: "reads in Python, compose and Dockerfiles",
      files: {
        ".env.example": example,
        "app/settings.py": 'SECRET = os.environ["DJANGO_SECRET"]\n',
        "docker-compose.yml": "services:\n  db:\n    image: postgres:${PG_VERSION:-16}\n",
        Dockerfile: "ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}\nARG NODE_VERSION\nARG NPM_TOKEN\n",
      },
      errors: [
        // NODE_VERSION has its default in the global ARG: the Dockerfile documents it.
        { file: "Dockerfile", messageId: "undocumented", line: 4, column: 5 },
        { file: "app/settings.py", messageId: "undocumented", line: 1, column: 22 },
        { file: "docker-compose.yml", messageId: "undocumented", line: 3, column: 23 },
      ],
    },
    {
      name: "a package example does not document a sibling package's reads; fallback none drops the root",
      files: {
        ".env.example": example,
        "packages/api/.env.example": "# API port.\nAPI_PORT=4000\n",
        "packages/web/src/a.ts": "process.env.API_PORT;",
        "packages/api/src/a.ts": "process.env.DATABASE_URL;",
      },
      settings: { envDocs: { fallback: "none" } },
      errors: [
        {
          file: "packages/api/src/a.ts",
          messageId: "undocumented",
          line: 1,
          column: 13,
          data: { name: "DATABASE_URL", example: "packages/api/.env.example" },
        },
        {
          file: "packages/web/src/a.ts",
          messageId: "undocumented",
          line: 1,
          column: 13,
          data: { name: "API_PORT", example: ".env.example" },
        },
      ],
    },
    {
      name: "ignore makes a built-in platform variable one to document",
      files: { ".env.example": example, "src/a.ts": "process.env.PORT;" },
      options: { ignore: ["PORT"] },
      errors: [{ file: "src/a.ts", messageId: "undocumented", line: 1, column: 13 }],
    },
    {
      name: "no example file at all",
      files: { "src/a.ts": "process.env.API_URL;" },
      errors: [{ file: "src/a.ts", messageId: "noExample", line: 1, column: 13 }],
    },
    {
      // umami: podman/env.sample documents podman/ only; saying the repository has none would be false.
      name: "an example elsewhere that does not cover the reading file",
      files: { "podman/env.sample": "# Database.\nDATABASE_URL=\n", "src/a.ts": "process.env.API_URL;" },
      errors: [
        {
          file: "src/a.ts",
          messageId: "notCovered",
          line: 1,
          column: 13,
          data: { count: "1", names: "API_URL", examples: "podman/env.sample" },
        },
      ],
    },
    {
      name: "the variable an alias stands in for must itself be documented, and a fallback first is no alias",
      files: {
        ".env.example": "# Legacy id.\nLEGACY_ID=\n",
        "src/a.ts":
          "const id = process.env.NEW_ID || process.env.LEGACY_ID;\nconst c = process.env.LEGACY_ID && process.env.FLAG;",
      },
      errors: [
        { file: "src/a.ts", messageId: "undocumented", line: 1, column: 24 },
        { file: "src/a.ts", messageId: "undocumented", line: 2, column: 48 },
      ],
    },
    {
      name: "names a list read with .every all need: none stands in for another",
      files: {
        ".env.example": "# Client id.\nZOOM_ID=\n",
        "src/a.ts": 'export const ok = ["ZOOM_ID", "ZOOM_SECRET"].every((name) => process.env[name]);\n',
      },
      errors: [{ file: "src/a.ts", messageId: "undocumented", line: 1, column: 32 }],
    },
    {
      // hatchet: a repository with no example reads hundreds of variables; one cause, one finding.
      name: "every variable no example covers is one finding at the first read, naming them all",
      files: {
        "cmd/a.ts": "process.env.ZED_URL;\nprocess.env.API_URL;",
        "pkg/b.ts": "process.env.API_URL;\nprocess.env.QUEUE_URL;",
      },
      errors: [
        {
          file: "cmd/a.ts",
          messageId: "noExample",
          line: 1,
          column: 13,
          data: {
            count: "3",
            names: "API_URL, QUEUE_URL, ZED_URL",
            examples:
              ".env.example, .env.sample, .env.template, .example.env, env.example, env.sample, .env.dist, example.env",
          },
        },
      ],
    },
    {
      name: "a package's own example comes before the root one; another package's example is not its own",
      files: {
        ".env.example": example,
        "apps/api/package.json": "{}",
        "apps/api/config/.env.example": "# API port.\nAPI_PORT=4000\n",
        "apps/web/package.json": "{}",
        "apps/web/src/a.ts": "process.env.API_PORT;",
        "apps/api/src/a.ts": "process.env.QUEUE_URL;",
      },
      errors: [
        {
          file: "apps/api/src/a.ts",
          messageId: "undocumented",
          line: 1,
          column: 13,
          data: { name: "QUEUE_URL", example: "apps/api/config/.env.example" },
        },
        {
          file: "apps/web/src/a.ts",
          messageId: "undocumented",
          line: 1,
          column: 13,
          data: { name: "API_PORT", example: ".env.example" },
        },
      ],
    },
    {
      // linkwarden: apps/web/e2e/.env.example holds the e2e run's credentials; apps/web's reads belong at the root.
      name: "an example in a test folder of the package is not the package's example",
      files: {
        ".env.sample": example,
        "apps/web/package.json": "{}",
        "apps/web/e2e/.env.example": "# Test login.\nTEST_USERNAME=test\n",
        "apps/web/lib/stripe.ts": "process.env.STRIPE_SECRET_KEY;",
      },
      errors: [
        {
          file: "apps/web/lib/stripe.ts",
          messageId: "undocumented",
          line: 1,
          column: 13,
          data: { name: "STRIPE_SECRET_KEY", example: ".env.sample" },
        },
      ],
    },
    {
      // An example that lists nothing yet emits no entry, but it exists: "no example file" would be false.
      name: "an example with no entries is still the repository's example",
      files: { ".env.sample": "# Copy to .env and fill in.\n", "src/a.ts": "process.env.API_URL;" },
      errors: [
        {
          file: "src/a.ts",
          messageId: "undocumented",
          line: 1,
          column: 13,
          data: { name: "API_URL", example: ".env.sample" },
        },
      ],
    },
    {
      name: "a name no shell or example can hold is reported, escaped, without a fix",
      files: {
        ".env.example": example,
        "src/a.ts": 'process.env["A\\nB=evil"];\nprocess.env["HAS SPACE"];\nprocess.env["9LIVES"];\n',
      },
      errors: [
        { file: "src/a.ts", messageId: "invalidName", line: 1, column: 14, data: { name: '"A\\nB=evil"' } },
        { file: "src/a.ts", messageId: "invalidName", line: 2, column: 14, data: { name: '"HAS SPACE"' } },
        { file: "src/a.ts", messageId: "invalidName", line: 3, column: 14, data: { name: '"9LIVES"' } },
      ],
    },
    {
      name: "a computed name is reported once, as info",
      files: { ".env.example": example, "src/a.ts": "process.env[key];\nprocess.env[other];\n" },
      errors: [{ file: "src/a.ts", messageId: "dynamicAccess", line: 1, column: 1, endColumn: 17 }],
    },
  ],
});
