// Runs a migration section statement by statement (so that each failure has a position, and
// CONCURRENTLY outside a transaction works), inside BEGIN … COMMIT when the framework wraps it.
import type { Engine, RunnableSection, RunnableStatement } from "./types.js";
import { EngineError, EngineStoppedError } from "./types.js";

/** The engine stopped (timed out or died) while running `statement`: the database is gone with it. */
export class SectionStopped extends Error {
  constructor(
    readonly statement: RunnableStatement,
    readonly stopped: EngineStoppedError,
  ) {
    super(stopped.message);
  }
}

export type SectionOutcome = { ok: true } | { ok: false; statement: RunnableStatement; error: EngineError };

const TRANSACTION_KINDS = new Set(["begin", "commit", "rollback"]);

export async function runSection(options: {
  engine: Engine;
  section: RunnableSection;
  /** Decides per statement: run it, or leave it out (a CREATE EXTENSION the engine lacks). */
  skip?: (statement: RunnableStatement) => boolean;
}): Promise<SectionOutcome> {
  const { engine, section } = options;
  // MySQL commits DDL implicitly; a section that opens its own transaction keeps it.
  const wrap =
    section.transactional &&
    engine.dialect !== "mysql" &&
    !section.statements.some((statement) => TRANSACTION_KINDS.has(statement.kind));
  if (wrap) await engine.exec("BEGIN");
  for (const statement of section.statements) {
    if (options.skip?.(statement)) continue;
    try {
      await engine.exec(statement.text);
    } catch (error) {
      if (wrap) await engine.exec("ROLLBACK").catch(() => undefined);
      if (error instanceof EngineStoppedError) throw new SectionStopped(statement, error);
      const engineError = error instanceof EngineError ? error : new EngineError(String(error));
      return { ok: false, statement, error: engineError };
    }
  }
  if (wrap) {
    try {
      await engine.exec("COMMIT");
    } catch (error) {
      const last = section.statements[section.statements.length - 1];
      if (last === undefined) throw error;
      if (error instanceof EngineStoppedError) throw new SectionStopped(last, error);
      return {
        ok: false,
        statement: last,
        error: error instanceof EngineError ? error : new EngineError(String(error)),
      };
    }
  }
  return { ok: true };
}
