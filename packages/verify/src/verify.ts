// The verify procedure: apply the migrations in order on one engine and, for each migration under
// test, run up → snapshot → down → snapshot → up → snapshot, comparing what the down restored and
// what the second up rebuilt. A failure leaves the database in a known state (rolled back, or
// rebuilt from scratch) before the next migration, or stops the run with the rest skipped.
import { diffSchemas, summarise } from "./diff.js";
import { maskEngineMessage } from "./engine-message.js";
import { VERIFY_IDS, type VerifyFinding, type VerifyId } from "./findings.js";
import { runSection, type SectionOutcome, SectionStopped } from "./run-section.js";
import { stopFinding } from "./stopped.js";
import {
  type Engine,
  EngineStoppedError,
  type RunnableMigration,
  type RunnableStatement,
  type Schema,
  type Verdict,
  type VerdictStatus,
} from "./types.js";

const CREATE_EXTENSION = /^\s*CREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?("?)([\w-]+)\1/i;

/** Extensions the migrations create, by name. */
export function extensionsOf(migrations: RunnableMigration[]): string[] {
  const names = new Set<string>();
  for (const migration of migrations) {
    for (const statement of migration.up.statements) {
      const name = CREATE_EXTENSION.exec(statement.text)?.[2];
      if (name !== undefined) names.add(name.toLowerCase());
    }
  }
  return [...names];
}

export interface VerifyRunOptions {
  engine: Engine;
  migrations: RunnableMigration[];
  /** Ids of the migrations to run up → down → up; the others are only applied. Null: all of them. */
  targets: Set<string> | null;
  /** Extensions the engine cannot create; statements creating them are left out and the migration is skipped. */
  unavailableExtensions: Set<string>;
  /** What one migration may take (--timeout), for the messages; the engine enforces it. */
  timeoutMs: number;
  now?: () => number;
}

export interface VerifyRunResult {
  verdicts: Verdict[];
  findings: VerifyFinding[];
}

function at(statement: RunnableStatement): Pick<VerifyFinding, "file" | "line" | "column" | "endLine" | "endColumn"> {
  return {
    file: statement.file,
    line: statement.line,
    column: statement.column,
    endLine: statement.endLine,
    endColumn: statement.endColumn,
  };
}

function fileStart(file: string): Pick<VerifyFinding, "file" | "line" | "column" | "endLine" | "endColumn"> {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** The engine's message about a statement, literals masked. */
function engineMessage(outcome: Extract<SectionOutcome, { ok: false }>): string {
  return maskEngineMessage(outcome.error.message, outcome.statement.text);
}

/** Which part of a migration was running: where a stopped engine stopped it. */
type Phase = "up" | "down" | "second up" | "rebuild";

export async function runVerify(options: VerifyRunOptions): Promise<VerifyRunResult> {
  const { engine, migrations } = options;
  const now = options.now ?? (() => performance.now());
  const verdicts: Verdict[] = [];
  const findings: VerifyFinding[] = [];
  let missingExtension: string | null = null;
  let stoppedBy: string | null = null;

  const report = (ruleId: VerifyId, finding: Omit<VerifyFinding, "ruleId">) => findings.push({ ruleId, ...finding });
  const verdict = (migration: RunnableMigration, status: VerdictStatus, note: string, started: number) =>
    verdicts.push({ migration: migration.id, file: migration.file, status, note, ms: Math.round(now() - started) });

  const skipStatement = (migration: RunnableMigration) => (statement: RunnableStatement) => {
    const name = CREATE_EXTENSION.exec(statement.text)?.[2]?.toLowerCase();
    if (name === undefined || !options.unavailableExtensions.has(name)) return false;
    missingExtension = name;
    skippedFor.add(migration.id);
    return true;
  };
  const skippedFor = new Set<string>();

  const skip = (migration: RunnableMigration, reason: string, started: number) => {
    verdict(migration, "skipped", reason, started);
    report(VERIFY_IDS.skipped, {
      ...fileStart(migration.file),
      message: `Migration ${migration.id} was not verified: ${reason}.`,
      identity: `${migration.id}:${reason}`,
    });
  };

  const up = (migration: RunnableMigration) =>
    runSection({ engine, section: migration.up, skip: skipStatement(migration) });

  /** Back to the state right after `index`'s up: a fresh database and every up through it, each on its own clock. */
  const replayThrough = async (index: number): Promise<boolean> => {
    engine.startTimer();
    await engine.reset();
    for (const migration of migrations.slice(0, index + 1)) {
      engine.startTimer();
      if (!(await up(migration)).ok) return false;
    }
    return true;
  };

  /** A failed first up: the migration failed, or could not run without an extension the engine lacks. */
  const upFailed = (migration: RunnableMigration, outcome: Extract<SectionOutcome, { ok: false }>, started: number) => {
    const message = engineMessage(outcome);
    if (missingExtension !== null) {
      skip(
        migration,
        `it failed (${message}) after a migration needed extension ${missingExtension}, which ${engine.name} lacks`,
        started,
      );
      stoppedBy = `an earlier migration needs extension ${missingExtension}, which ${engine.name} lacks`;
      return;
    }
    verdict(migration, "failed", `up failed: ${message}`, started);
    report(VERIFY_IDS.failed, {
      ...at(outcome.statement),
      message: `The database rejects this statement of migration ${migration.id} (${engine.name}): ${message}. The deploy would stop here, with the migration half applied unless the framework wraps it in a transaction.`,
      identity: `${migration.id}:up:${message}`,
    });
    stoppedBy = `migration ${migration.id} failed`;
  };

  /** up → down → up for one migration (or only up when it is not a target); `phase` says how far it got. */
  const verifyOne = async (migration: RunnableMigration, index: number, started: number, phase: { at: Phase }) => {
    const target = options.targets === null || options.targets.has(migration.id);
    if (!target) {
      const outcome = await up(migration);
      if (outcome.ok) verdict(migration, "applied", "applied only (not changed)", started);
      else upFailed(migration, outcome, started);
      return;
    }
    const before = await engine.snapshot();
    const first = await up(migration);
    if (!first.ok) {
      upFailed(migration, first, started);
      return;
    }
    phase.at = "down";
    if (skippedFor.has(migration.id)) {
      skip(migration, `it creates extension ${missingExtension ?? ""}, which ${engine.name} lacks`, started);
      return;
    }
    if (migration.down === null) {
      skip(migration, migration.downUnsupported ?? "it has no down to run", started);
      // Marked, so the CLI can sum these up in a line per reason instead of one problem each.
      const last = verdicts.at(-1);
      if (last) last.noDown = true;
      return;
    }
    const afterUp = await engine.snapshot();
    const down = await runSection({ engine, section: migration.down });
    if (!down.ok) {
      const message = engineMessage(down);
      verdict(migration, "failed", `down failed: ${message}`, started);
      report(VERIFY_IDS.failed, {
        ...at(down.statement),
        message: `The database rejects this statement of the down of ${migration.id} (${engine.name}): ${message}. A rollback would stop here.`,
        identity: `${migration.id}:down:${message}`,
      });
      phase.at = "rebuild";
      const restored = diffSchemas(afterUp, await engine.snapshot()).length === 0 || (await replayThrough(index));
      if (!restored) stoppedBy = `the database could not be rebuilt after ${migration.id}`;
      return;
    }
    const afterDown = await engine.snapshot();
    const leftOver = diffSchemas(before, afterDown);
    if (leftOver.length > 0) {
      report(VERIFY_IDS.rollbackIncomplete, {
        ...fileStart(migration.down.file),
        message: `Rolling back ${migration.id} does not restore the schema it started from: ${summarise(leftOver, "down")}. A rollback would report success and leave a schema no version of the code expects.`,
        identity: `${migration.id}:rollback:${leftOver.map((d) => d.key).join(",")}`,
      });
    }
    phase.at = "second up";
    const again = await up(migration);
    let rebuilt: Schema | null = null;
    if (!again.ok) {
      const message = engineMessage(again);
      if (leftOver.length === 0) {
        report(VERIFY_IDS.notRerunnable, {
          ...at(again.statement),
          message: `Running ${migration.id} again after its down fails (${engine.name}): ${message}. After a rollback, the next deploy of this migration would stop here.`,
          identity: `${migration.id}:again:${message}`,
        });
      }
    } else {
      rebuilt = await engine.snapshot();
      const drift = diffSchemas(afterUp, rebuilt);
      if (drift.length > 0 && leftOver.length === 0) {
        report(VERIFY_IDS.notRerunnable, {
          ...fileStart(migration.file),
          message: `Running ${migration.id} again after its down gives another schema than its first run: ${summarise(drift, "the second up")}. Environments that rolled back and redeployed would differ from the rest.`,
          identity: `${migration.id}:drift:${drift.map((d) => d.key).join(",")}`,
        });
      }
    }
    const status: VerdictStatus =
      leftOver.length > 0
        ? "rollback-incomplete"
        : rebuilt === null || diffSchemas(afterUp, rebuilt).length > 0
          ? "not-rerunnable"
          : "passed";
    const note =
      status === "passed"
        ? "up, down and up again: rollback complete"
        : status === "rollback-incomplete"
          ? `rollback incomplete: ${summarise(leftOver, "down", 2)}`
          : "up again after down fails or differs";
    verdict(migration, status, note, started);
    // Continue from the state right after this migration's up, whatever the second run left.
    if (rebuilt === null || diffSchemas(afterUp, rebuilt).length > 0) {
      phase.at = "rebuild";
      if (!(await replayThrough(index))) stoppedBy = `the database could not be rebuilt after ${migration.id}`;
    }
  };

  /**
   * The engine stopped (past --timeout, or its worker died) and took the database with it. When the
   * migration's up had finished, a fresh engine replays the ups through it and the run goes on;
   * otherwise the later migrations have nothing to build on and are skipped.
   */
  const stopped = async (stop: {
    migration: RunnableMigration;
    index: number;
    started: number;
    phase: Phase;
    error: unknown;
  }) => {
    const { migration, index, started, phase, error } = stop;
    const statement = error instanceof SectionStopped ? error.statement : null;
    const cause = error instanceof SectionStopped ? error.stopped : (error as EngineStoppedError);
    const found = stopFinding({
      migration,
      statement,
      cause,
      phase,
      engine: engine.name,
      timeoutMs: options.timeoutMs,
    });
    report(found.ruleId, found.finding);
    // A rebuild runs after the migration's verdict: its stop is one more finding, and the end of the run.
    if (phase === "rebuild") {
      stoppedBy = `the database could not be rebuilt after ${migration.id}`;
      return;
    }
    verdict(migration, cause.reason === "timeout" ? "timed-out" : "failed", found.note, started);
    if (phase === "up") {
      stoppedBy = `migration ${migration.id} ${cause.reason === "timeout" ? "timed out" : "stopped the engine"}`;
      return;
    }
    try {
      if (!(await replayThrough(index))) stoppedBy = `the database could not be rebuilt after ${migration.id}`;
    } catch (replayError) {
      if (!isStop(replayError)) throw replayError;
      stoppedBy = `the database could not be rebuilt after ${migration.id}`;
    }
  };

  for (const [index, migration] of migrations.entries()) {
    const started = now();
    if (stoppedBy !== null) {
      skip(migration, stoppedBy, started);
      continue;
    }
    const phase: { at: Phase } = { at: "up" };
    engine.startTimer();
    try {
      await verifyOne(migration, index, started, phase);
    } catch (error) {
      if (!isStop(error)) throw error;
      await stopped({ migration, index, started, phase: phase.at, error });
    }
  }
  return { verdicts, findings };
}

function isStop(error: unknown): boolean {
  return error instanceof SectionStopped || error instanceof EngineStoppedError;
}
