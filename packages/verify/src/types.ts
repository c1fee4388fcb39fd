// The shapes verify works with: an engine that runs SQL and describes its schema, a migration
// ready to run (its up and down statements with their positions), and the verdict on each.
import type { SqlDialect } from "@deploylint/core/rule-api";

/** One object of a schema by a stable key ("table orders", "column orders.status") and its definition. */
export type Schema = Map<string, string>;

/** A statement the engine rejected. */
export class EngineError extends Error {
  constructor(
    message: string,
    /** 1-based character position in the statement, when the engine says. */
    readonly position: number | null = null,
  ) {
    super(message);
  }
}

/**
 * The engine stopped before the statement finished: it ran past the time a migration is given
 * (--timeout), or the embedded engine's worker died. The engine must be reset before further use.
 */
export class EngineStoppedError extends EngineError {
  constructor(
    message: string,
    readonly reason: "timeout" | "crash",
    /** The time limit that was exceeded, in milliseconds (for "timeout"). */
    readonly limitMs: number | null = null,
  ) {
    super(message);
  }
}

export interface Engine {
  /** "pglite", "sqljs", "postgres", "mysql": what the verdicts say they ran on. */
  readonly name: string;
  readonly dialect: SqlDialect;
  /** Runs one statement; throws EngineError when the engine rejects it, EngineStoppedError when it stops. */
  exec(sql: string): Promise<void>;
  /**
   * Starts the time one migration is given (--timeout): the embedded engines stop a migration whose
   * calls together run past it; server engines bound each statement with the server's own setting.
   */
  startTimer(): void;
  snapshot(): Promise<Schema>;
  /** Back to an empty database (a fresh instance, or the throwaway database dropped and created again); after an EngineStoppedError, a restarted engine. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface RunnableStatement {
  text: string;
  /** File and 1-based position, for findings. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  kind: string;
}

export interface RunnableSection {
  file: string;
  statements: RunnableStatement[];
  /** Run inside BEGIN … COMMIT (the framework wraps it, or sends it as one multi-statement query). */
  transactional: boolean;
}

export interface RunnableMigration {
  /** `000007_coupons`, or the file name when there is no version. */
  id: string;
  version: string | null;
  /** The file findings about the migration as a whole point at (the up file). */
  file: string;
  files: string[];
  up: RunnableSection;
  /** Null when there is no down to run (missing, or a framework without one). */
  down: RunnableSection | null;
  /** Why the down cannot be run when it exists but verify does not read it (Liquibase rollbacks). */
  downUnsupported?: string;
}

export type VerdictStatus =
  | "passed"
  | "failed"
  | "timed-out"
  | "rollback-incomplete"
  | "not-rerunnable"
  | "skipped"
  | "applied";

export interface Verdict {
  migration: string;
  file: string;
  status: VerdictStatus;
  /** What happened, in a few words ("rollback complete", "no down to run", the reason for a skip). */
  note: string;
  /** Time spent on this migration: up, down and up again (or only up for applied ones). */
  ms: number;
  /** Skipped because it has no down verify can run (none written, or one verify cannot read). */
  noDown?: true;
}
