// Tests for env-ladder/require-environments.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { SOUND } from "./helpers/ladder.js";

const tester = new RuleTester({ pack });

tester.run("require-environments", {
  valid: [
    { name: "local, staging and production", files: { "company.config.yaml": SOUND } },
    {
      name: "aliases: development, preprod, live",
      files: { "company.config.yaml": "environments:\n  development: {}\n  preprod: {}\n  live: {}\n" },
    },
    {
      name: "dev, stage, prod",
      files: { "company.config.yaml": "environments:\n  dev: {}\n  stage: {}\n  prod: {}\n" },
    },
    { name: "no manifest: nothing to check", files: { "deploy/production.env": "LOG_LEVEL=warn\n" } },
    {
      name: "a manifest named in settings",
      files: { "ops/ladder.yaml": "environments:\n  local: {}\n  staging: {}\n  production: {}\n" },
      settings: { ladder: { manifest: "ops/ladder.yaml" } },
    },
  ],
  invalid: [
    {
      name: "staging missing",
      files: { "company.config.yaml": "company: { name: X }\nenvironments:\n  local: {}\n  prod: {}\n" },
      errors: [
        {
          file: "company.config.yaml",
          messageId: "missing",
          data: { rung: "staging", aliases: "staging, stage, preprod, pre-prod, pre-production" },
          line: 2,
          column: 1,
        },
      ],
    },
    {
      name: "no environments section: every rung at line 1",
      files: { "company.config.yaml": "company: { name: X }\n" },
      errors: [
        { file: "company.config.yaml", messageId: "missing", line: 1, column: 1 },
        { file: "company.config.yaml", messageId: "missing", line: 1, column: 1 },
        { file: "company.config.yaml", messageId: "missing", line: 1, column: 1 },
      ],
    },
    {
      name: "other names do not stand in for a rung",
      files: { "company.config.yaml": "environments:\n  local: {}\n  qa: {}\n  uat: {}\n  production: {}\n" },
      errors: [{ file: "company.config.yaml", messageId: "missing", line: 1, column: 1 }],
    },
  ],
});
