// Runs a migration section statement by statement (so that each failure has a position, and
// CONCURRENTLY outside a transaction works), inside BEGIN … COMMIT when the framework wraps it.
import type { Engine, RunnableSection, RunnableStatement } from "./types.js";
import { EngineError } from "./types.js";

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
      return {
        ok: false,
        statement: last,
        error: error instanceof EngineError ? error : new EngineError(String(error)),
      };
    }
  }
  return { ok: true };
}
