// What verify reports: its finding ids (command findings, not lint rules), their metadata for the
// reporters, and the LintResult every reporter and exit code of the CLI already understands.
import { createHash } from "node:crypto";
import type { Finding, LintResult, ReporterRuleInfo } from "@deploylint/core";

export const VERIFY_DOCS = "https://github.com/deploylint/deploylint/blob/main/docs/guides/migrations-verify.md";

export const VERIFY_IDS = {
  failed: "migrations/verify-failed",
  rollbackIncomplete: "migrations/rollback-incomplete",
  notRerunnable: "migrations/not-rerunnable",
  timeout: "migrations/verify-timeout",
  skipped: "migrations/verify-skipped",
} as const;

export type VerifyId = (typeof VERIFY_IDS)[keyof typeof VERIFY_IDS];

export const VERIFY_RULES: Record<VerifyId, ReporterRuleInfo> = {
  [VERIFY_IDS.failed]: {
    description: "A migration statement that the database engine rejects.",
    help: "Fix the statement so that it runs on the engine your databases use; the engine's message says why it failed.",
    url: `${VERIFY_DOCS}#migrationsverify-failed`,
    severity: "error",
  },
  [VERIFY_IDS.rollbackIncomplete]: {
    description: "The schema after a migration's down differs from the schema before its up.",
    help: "Make the down undo every change of the up (drop what it creates, restore what it drops or alters, with the same types, defaults and constraints).",
    url: `${VERIFY_DOCS}#migrationsrollback-incomplete`,
    severity: "error",
  },
  [VERIFY_IDS.notRerunnable]: {
    description: "A migration's up fails, or gives another schema, when it runs again after its down.",
    help: "Make the down leave nothing the up would trip over, and the up independent of what a previous run left.",
    url: `${VERIFY_DOCS}#migrationsnot-rerunnable`,
    severity: "error",
  },
  [VERIFY_IDS.timeout]: {
    description: "A migration that does not finish within the time verify gives it (--timeout, 60 s by default).",
    help: "Find the statement that runs away (an unbounded recursive CTE, a sleep, a lock wait) and bound it; raise --timeout only for a migration that is slow by design.",
    url: `${VERIFY_DOCS}#migrationsverify-timeout`,
    severity: "error",
  },
  [VERIFY_IDS.skipped]: {
    description: "A migration verify could not run (an extension the engine lacks, no down, an earlier failure).",
    help: "Run verify against a real server that has what the migration needs: --database-url postgres://….",
    url: `${VERIFY_DOCS}#migrationsverify-skipped`,
    severity: "info",
  },
};

export interface VerifyFinding {
  ruleId: VerifyId;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** What identifies the finding for baselines: the migration and what went wrong, not positions. */
  identity: string;
}

function fingerprint(finding: VerifyFinding): string {
  return createHash("sha256")
    .update(`${finding.ruleId}\0${finding.file}\0${finding.identity}`)
    .digest("hex")
    .slice(0, 32);
}

export function toLintResult(findings: VerifyFinding[], files: number): LintResult {
  const converted: Finding[] = findings.map((finding) => {
    const info = VERIFY_RULES[finding.ruleId];
    return {
      ruleId: finding.ruleId,
      severity: info.severity === "info" ? "info" : "error",
      message: finding.message,
      ...(info.help ? { help: info.help } : {}),
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      fingerprint: fingerprint(finding),
    };
  });
  return {
    version: 1,
    findings: converted,
    summary: {
      files,
      errors: converted.filter((f) => f.severity === "error").length,
      warnings: 0,
      suppressed: 0,
    },
    suppressed: [],
    skipped: [],
  };
}
