// Tests for env-ladder/no-real-data-outside-production.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { SOUND, soundWith } from "./helpers/ladder.js";

const tester = new RuleTester({ pack });

tester.run("no-real-data-outside-production", {
  valid: [
    { name: "real data in production only", files: { "company.config.yaml": SOUND } },
    {
      name: "production under its alias live",
      files: { "company.config.yaml": "environments:\n  dev: { data: seed }\n  live: { data: real }\n" },
    },
  ],
  invalid: [
    {
      name: "staging with real data, at its data key",
      files: { "company.config.yaml": soundWith("data: anonymized", "data: real") },
      errors: [{ file: "company.config.yaml", messageId: "realData", data: { name: "staging" }, line: 16, column: 5 }],
    },
    {
      name: "a local environment and a qa one",
      files: {
        "company.config.yaml": "environments:\n  dev:\n    data: real\n  qa: { data: real }\n  prod: { data: real }\n",
      },
      errors: [
        { file: "company.config.yaml", messageId: "realData", line: 3, column: 5 },
        { file: "company.config.yaml", messageId: "realData", line: 4, column: 9 },
      ],
    },
  ],
});
