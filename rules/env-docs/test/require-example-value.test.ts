// Tests for env-docs/require-example-value: a value or @example for each entry, a placeholder for secrets.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("require-example-value", {
  valid: [
    {
      name: "an empty value in a file whose opening comment links to the variables' documentation",
      filename: ".env.sample",
      code: "# Full list of environment variables with descriptions: https://docs.example.app/env\n\nAPP_SECRET=\n",
    },
    { name: "a value", filename: ".env.example", code: "# URL.\nDATABASE_URL=postgres://localhost/app\n" },
    {
      name: "an empty value with @example",
      filename: ".env.example",
      code: "# DSN.\n# @example=https://key@sentry.example/1\nSENTRY_DSN=\n",
    },
    { name: "an empty value with @default", filename: ".env.example", code: "# Level.\n# @default=info\nLOG_LEVEL=\n" },
    {
      name: "a sensitive entry with a placeholder",
      filename: ".env.example",
      code: "# Key.\n# @sensitive\nAPI_KEY=replace-me\n",
    },
    { name: "a commented-out entry", filename: ".env.example", code: "# Optional.\n# FEATURE_X=\n" },
    { name: "not an example file", filename: ".env", code: "SENTRY_DSN=\n" },
    {
      name: "an empty value its own comment describes (recommended leaves the style to strict)",
      filename: ".env.example",
      code: "# Error reporting DSN; leave empty to turn reporting off.\nSENTRY_DSN=\n",
    },
    {
      name: "empty values under a comment heading their group",
      filename: ".env.example",
      code: "# Additional optional settings\nPAGINATION_TAKE_COUNT=\nSTORAGE_FOLDER=\n",
    },
  ],
  invalid: [
    {
      name: "an empty value without @example (acme-shop SENTRY_DSN)",
      filename: ".env.example",
      code: "# Log level.\nLOG_LEVEL=info\n\nSENTRY_DSN=\n",
      errors: [{ messageId: "emptyValue", line: 4, column: 1, endColumn: 11, data: { name: "SENTRY_DSN" } }],
    },
    {
      name: "described empty values with describedEntries (the strict preset)",
      filename: ".env.example",
      options: { describedEntries: true },
      code: "# Additional optional settings\nPAGINATION_TAKE_COUNT=\n",
      errors: [{ messageId: "emptyValue", line: 2, column: 1, data: { name: "PAGINATION_TAKE_COUNT" } }],
    },
    {
      name: "an undescribed empty value after a described group",
      filename: ".env.example",
      code: "# Optional settings\nA=\n\nB=\n",
      errors: [{ messageId: "emptyValue", line: 4, column: 1, data: { name: "B" } }],
    },
    {
      name: "empty quotes and an empty @example",
      filename: ".env.example",
      options: { describedEntries: true },
      code: '# A.\nA=""\n# B.\n# @example=\nB=\n',
      errors: [
        { messageId: "emptyValue", line: 2, column: 1 },
        { messageId: "emptyValue", line: 5, column: 1 },
      ],
    },
    {
      name: "a sensitive entry needs a placeholder even with @example",
      filename: ".env.example",
      code: "# Stripe key.\n# @sensitive @example=sk_test_123\nSTRIPE_KEY=\n",
      errors: [{ messageId: "sensitiveEmpty", line: 3, column: 1, data: { name: "STRIPE_KEY" } }],
    },
  ],
});
