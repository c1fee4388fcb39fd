// Small lint results shared by the reporter tests.
import type { Finding, LintResult, ReporterContext } from "@deploylint/core";

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

/**
 * A raw fake secret, assembled at run time so no scanner mistakes this file for a leak. It is the
 * value a rule saw in a fixture's source; only its masked form may reach a message.
 */
export const RAW_FAKE_SECRET = ["sk", "live", "4eC39HqLyjWDarjtT1zdp7dc", "FAKEFAKE"].join("_");
export const MASKED_FAKE_SECRET = `${RAW_FAKE_SECRET.slice(0, 4)}****…`;

/** Message text every format must carry safely: markup, separators, control and astral characters. */
export const hostileFinding: Finding = {
  ruleId: "secrets/no-hardcoded-secret",
  severity: "error",
  message: `Key ${MASKED_FAKE_SECRET} in <script> & "quotes" 'too' | pipe, 100% :: colon, comma\nsecond line\u0001\u000b\uFFFE\uD800 end 🚀.`,
  help: "Move it to the secret store; rotate it: it was committed.",
  file: "src/odd dir/ключ.ts",
  line: 7,
  column: 3,
  endLine: 8,
  endColumn: 5,
  fingerprint: "ffee01",
};

export const infoFinding: Finding = {
  ruleId: "env-docs/require-description",
  severity: "info",
  message: "Variable REDIS_URL has no description.",
  file: ".env.example",
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 10,
  fingerprint: "0a0b0c",
};

/** The one result every reporter's expected output is written from. */
export const sharedResult: LintResult = {
  version: 1,
  findings: [infoFinding, dropColumn, dropIndex, secret, hostileFinding],
  summary: { files: 42, errors: 3, warnings: 1, suppressed: 1 },
  suppressed: [],
  skipped: [],
};

export const sharedContext: ReporterContext = {
  cwd: "/repo",
  color: false,
  version: "0.1.0",
  rules: {
    "migrations/no-drop-column": {
      description: "Disallow dropping a column of an existing table in a migration.",
      help: "Stop reading the column, deploy, then drop it in a later migration.",
      severity: "error",
    },
    "migrations/require-concurrent-index-drop": {
      description: "Require DROP INDEX CONCURRENTLY.",
      severity: "warn",
      url: "https://docs.example.test/rules/require-concurrent-index-drop",
    },
    "secrets/no-hardcoded-secret": {
      description: "Disallow hardcoded credentials in source.",
      help: "Read it from the environment.",
      severity: "error",
    },
    "env-docs/require-description": {
      description: "Require a description for each documented variable.",
      severity: "info",
    },
  },
};
