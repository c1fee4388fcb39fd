// The finding for a migration the engine stopped: past the time verify gives a migration
// (migrations/verify-timeout), or an embedded engine whose worker died (migrations/verify-failed).
import { VERIFY_IDS, type VerifyFinding } from "./findings.js";
import type { EngineStoppedError, RunnableMigration, RunnableStatement } from "./types.js";

export interface StopFinding {
  ruleId: typeof VERIFY_IDS.timeout | typeof VERIFY_IDS.failed;
  finding: Omit<VerifyFinding, "ruleId">;
  /** The verdict's note. */
  note: string;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

export function stopFinding(options: {
  migration: RunnableMigration;
  /** The statement that was running, when the engine stopped inside one (not in a snapshot or reset). */
  statement: RunnableStatement | null;
  cause: EngineStoppedError;
  /** "up", "down", "second up", or "rebuild" (replaying the ups after a failure). */
  phase: string;
  engine: string;
  timeoutMs: number;
}): StopFinding {
  const { migration, statement, cause, phase, engine } = options;
  const where = statement
    ? {
        file: statement.file,
        line: statement.line,
        column: statement.column,
        endLine: statement.endLine,
        endColumn: statement.endColumn,
      }
    : { file: migration.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const running = statement ? "this statement" : "verify's schema snapshot";
  if (cause.reason === "timeout") {
    const limit = seconds(options.timeoutMs);
    return {
      ruleId: VERIFY_IDS.timeout,
      finding: {
        ...where,
        message: `Migration ${migration.id} did not finish within ${limit} (${engine}, ${phase}): verify stopped it at ${running}. A deploy would hang here as long, holding its locks; bound the statement, or pass a larger --timeout if the migration is slow by design.`,
        identity: `${migration.id}:timeout:${phase}`,
      },
      note: `timed out after ${limit} (${phase})`,
    };
  }
  return {
    ruleId: VERIFY_IDS.failed,
    finding: {
      ...where,
      message: `The embedded engine stopped while running ${running} of migration ${migration.id} (${engine}, ${phase}): ${cause.message} Verify could not judge the migration.`,
      identity: `${migration.id}:stopped:${phase}`,
    },
    note: `the engine stopped (${phase})`,
  };
}
