// Tests for env-docs/require-description: a comment above each example entry.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("require-description", {
  valid: [
    {
      // linkwarden's `.env.sample` opens by linking to where every variable is described.
      name: "a file that opens with a link to the variables' documentation describes every entry",
      filename: ".env.sample",
      code: "# Full list of environment variables with descriptions: https://docs.example.app/env\n\nAPP_URL=http://localhost:3000\nAPP_SECRET=\n",
    },
    {
      name: "comment block with decorators",
      filename: ".env.example",
      code: "# Postgres URL.\n# @required @type=url\nDATABASE_URL=postgres://localhost/app\n",
    },
    {
      name: "an inline comment describes it",
      filename: ".env.example",
      code: "LOG_LEVEL=info # debug, info, warn or error\n",
    },
    {
      name: "a commented-out entry with its description",
      filename: ".env.sample",
      code: "# Error reporting.\n# SENTRY_DSN=\n",
    },
    {
      // linkwarden's `.env.sample`: one heading per group of settings.
      name: "a comment heading a group describes every entry up to the next blank line",
      filename: ".env.sample",
      code: "# SMTP settings\nEMAIL_FROM=\nEMAIL_SERVER=\n# EMAIL_TLS=true\nBASE_URL=\n",
    },
    {
      name: "the nearest describing block wins, past rulers and decorator-only blocks",
      filename: ".env.example",
      code: "#######\n# SSO #\n#######\nSSO_ENABLED=\n# @sensitive\nSSO_SECRET=replace-me\n# -----\nSSO_ISSUER=\n",
    },
    {
      name: "a commented-out entry needs no description of its own",
      filename: ".env.example",
      code: "DATABASE_URL=postgres://localhost/app # the app database\n\n# SENTRY_DSN=\n",
    },
    {
      name: "a commented-out entry inside a described group",
      filename: ".env.example",
      code: "# Optional.\n# OLD=1\nNEW=2\n",
    },
    { name: "files that are not examples", filename: ".env.production", code: "SENTRY_DSN=\n" },
    {
      name: "a configured example name",
      filename: ".env.example",
      code: "UNDESCRIBED=1\n",
      settings: { envDocs: { example: ".env.dist" } },
    },
  ],
  invalid: [
    {
      name: "an opening comment without a link to documentation describes nothing",
      filename: ".env.sample",
      code: "# Copy this file to .env and see the docs.\n\nAPP_URL=http://localhost:3000\n",
      errors: [{ messageId: "missingDescription", line: 3, column: 1 }],
    },
    {
      name: "no comment at all (acme-shop SENTRY_DSN)",
      filename: ".env.example",
      code: "# Log level.\nLOG_LEVEL=info\n\nSENTRY_DSN=\n",
      errors: [{ messageId: "missingDescription", line: 4, column: 1, endColumn: 11, data: { name: "SENTRY_DSN" } }],
    },
    {
      name: "decorators only, a ruler, or a comment separated by a blank line",
      filename: ".env.template",
      code: "# @required @sensitive\nAPI_KEY=replace-me\n# ---------\nB=1\n# Section header.\n\nC=2\n",
      errors: [
        { messageId: "missingDescription", line: 2, column: 1 },
        { messageId: "missingDescription", line: 4, column: 1 },
        { messageId: "missingDescription", line: 7, column: 1 },
      ],
    },
    {
      name: "a comment above the group is not carried past a blank line",
      filename: ".env.example",
      code: "# SMTP settings\nEMAIL_FROM=\n\nBASE_URL=\n",
      errors: [{ messageId: "missingDescription", line: 4, column: 1 }],
    },
    {
      name: "a group headed by decorators or a ruler only is not described",
      filename: ".env.example",
      code: "# Section header.\n\n# @optional\nA=\nB=\n",
      errors: [
        { messageId: "missingDescription", line: 4, column: 1 },
        { messageId: "missingDescription", line: 5, column: 1 },
      ],
    },
    {
      // The example names shared with the secrets pack: umami keeps its example at podman/env.sample.
      name: "every shared example name is an example file",
      filename: "podman/env.sample",
      code: "DATABASE_TYPE=postgresql\n",
      errors: [{ messageId: "missingDescription", line: 1, column: 1 }],
    },
    {
      name: "a .env.dist is an example file",
      filename: ".env.dist",
      code: "DATABASE_TYPE=postgresql\n",
      errors: [{ messageId: "missingDescription", line: 1, column: 1 }],
    },
    {
      name: "exported entries are positioned at their name",
      filename: ".env.example",
      code: "export TOKEN=replace-me\n",
      errors: [{ messageId: "missingDescription", line: 1, column: 8, endColumn: 13 }],
    },
  ],
});
