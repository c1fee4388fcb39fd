// Tests for env-ladder/require-environment-fields.
import { readFileSync } from "node:fs";
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { SOUND } from "./helpers/ladder.js";

const tester = new RuleTester({ pack });
const acme = readFileSync(new URL("./fixtures/acme-shop.company.config.yaml", import.meta.url), "utf8");

tester.run("require-environment-fields", {
  valid: [
    { name: "every field declared", files: { "company.config.yaml": SOUND } },
    {
      name: "only the fields the option names",
      files: { "company.config.yaml": "environments:\n  local: { purpose: Laptop }\n" },
      options: { fields: ["purpose"] },
    },
  ],
  invalid: [
    {
      name: "acme-shop: local lacks monitoring, reported at its key",
      files: { "company.config.yaml": acme },
      errors: [
        {
          file: "company.config.yaml",
          messageId: "missingFields",
          data: { name: "local", fields: "monitoring" },
          line: 12,
          column: 3,
        },
      ],
    },
    {
      name: "an empty environment lacks every field",
      files: { "company.config.yaml": "environments:\n  staging: {}\n  production:\n    purpose: ''\n" },
      errors: [
        {
          file: "company.config.yaml",
          messageId: "missingFields",
          data: { name: "staging", fields: "purpose, database, data, monitoring, access, log_level" },
          line: 2,
          column: 3,
        },
        { file: "company.config.yaml", messageId: "missingFields", line: 3, column: 3 },
      ],
    },
    {
      name: "custom field list",
      files: { "company.config.yaml": "environments:\n  local: { purpose: Laptop }\n" },
      options: { fields: ["purpose", "region"] },
      errors: [
        {
          file: "company.config.yaml",
          messageId: "missingFields",
          data: { name: "local", fields: "region" },
          line: 2,
          column: 3,
        },
      ],
    },
  ],
});
