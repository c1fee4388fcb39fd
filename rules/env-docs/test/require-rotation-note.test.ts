// Tests for env-docs/require-rotation-note: a @rotation period on each @sensitive entry.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("require-rotation-note", {
  valid: [
    {
      name: "sensitive with a period",
      filename: ".env.example",
      code: "# Key.\n# @sensitive @rotation=90d\nAPI_KEY=replace-me\n",
    },
    {
      name: "weeks, months, years, never",
      filename: ".env.example",
      code: "# A.\n# @sensitive @rotation=12w\nA=x\n# B.\n# @sensitive @rotation=6m\nB=x\n# C.\n# @sensitive @rotation=1y\nC=x\n# D.\n# @sensitive @rotation=never\nD=x\n",
    },
    { name: "not sensitive", filename: ".env.example", code: "# Level.\nLOG_LEVEL=info\n" },
    { name: "switched off", filename: ".env.example", code: "# Id.\n# @sensitive=false\nCLIENT_ID=abc\n" },
  ],
  invalid: [
    {
      name: "sensitive without rotation (acme-shop SESSION_SECRET)",
      filename: ".env.example",
      code: "# Signs session cookies.\n# @required @sensitive\nSESSION_SECRET=change-me\n",
      errors: [{ messageId: "missingRotation", line: 3, column: 1, endColumn: 15, data: { name: "SESSION_SECRET" } }],
    },
    {
      name: "a rotation that is not a period",
      filename: ".env.example",
      code: "# Key.\n# @sensitive @rotation=quarterly\nAPI_KEY=replace-me\n",
      errors: [{ messageId: "invalidRotation", line: 3, column: 1, data: { name: "API_KEY", rotation: "quarterly" } }],
    },
    {
      name: "a commented-out sensitive entry",
      filename: ".env.example",
      code: "# Webhook secret.\n# @sensitive\n# WEBHOOK_SECRET=replace-me\n",
      errors: [{ messageId: "missingRotation", line: 3, column: 3 }],
    },
  ],
});
