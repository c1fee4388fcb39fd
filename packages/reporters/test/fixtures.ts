// Small lint results shared by the reporter tests.
import type { Finding, LintResult } from "@deploylint/core";

export const dropColumn: Finding = {
  ruleId: "migrations/no-drop-column",
  severity: "error",
  message: "Dropping column email breaks running code.",
  help: "Stop reading the column, deploy, then drop it.",
  file: "db/migrations/000003_drop.up.sql",
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 40,
  fingerprint: "a1b2c3",
};

export const dropIndex: Finding = {
  ruleId: "migrations/require-concurrent-index-drop",
  severity: "warn",
  message: "DROP INDEX locks writes.",
  file: "db/migrations/000003_drop.up.sql",
  line: 12,
  column: 3,
  endLine: 12,
  endColumn: 30,
  fingerprint: "d4e5f6",
};

export const secret: Finding = {
  ruleId: "secrets/no-hardcoded-secret",
  severity: "error",
  message: "Hardcoded secret sk_l****… in source.",
  help: "Read it from the environment.",
  file: "src/config.ts",
  line: 4,
  column: 18,
  endLine: 4,
  endColumn: 52,
  fingerprint: "0718ab",
};

export const smallResult: LintResult = {
  version: 1,
  findings: [dropColumn, dropIndex, secret],
  summary: { files: 42, errors: 2, warnings: 1, suppressed: 0 },
  suppressed: [],
  skipped: [],
};

export const emptyResult: LintResult = {
  version: 1,
  findings: [],
  summary: { files: 7, errors: 0, warnings: 0, suppressed: 0 },
  suppressed: [],
  skipped: [],
};
