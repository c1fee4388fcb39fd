// Chooses the engine: a real server when --database-url names one, else PGlite for PostgreSQL
// and sql.js for SQLite (in a worker thread). MySQL has no embedded engine, so it needs a server.
import type { SqlDialect } from "@deploylint/core/rule-api";
import type { Engine } from "../types.js";

export type EngineChoice = "pglite" | "sqljs";

export class EngineUnavailableError extends Error {}

export async function openEngine(options: {
  dialect: SqlDialect;
  engine?: EngineChoice;
  databaseUrl?: string;
  allowNonEmpty?: boolean;
  extensions: string[];
  /** What one migration may take (--timeout), in milliseconds. */
  timeoutMs: number;
}): Promise<Engine> {
  const allowNonEmpty = options.allowNonEmpty === true;
  const { timeoutMs } = options;
  if (options.databaseUrl !== undefined) {
    const protocol = new URL(options.databaseUrl).protocol;
    if (protocol === "postgres:" || protocol === "postgresql:") {
      return (await import("./postgres.js")).openPostgres({ url: options.databaseUrl, allowNonEmpty, timeoutMs });
    }
    if (protocol === "mysql:" || protocol === "mariadb:") {
      const url = options.databaseUrl.replace(/^mariadb:/, "mysql:");
      return (await import("./mysql.js")).openMysql({ url, allowNonEmpty, timeoutMs });
    }
    throw new EngineUnavailableError(
      `--database-url must start with postgres://, postgresql:// or mysql://, not ${protocol}//.`,
    );
  }
  const engine =
    options.engine ?? (options.dialect === "sqlite" ? "sqljs" : options.dialect === "postgresql" ? "pglite" : null);
  // Embedded engines run in a worker thread, the only way to stop WebAssembly stuck in a statement.
  if (engine === "sqljs" || engine === "pglite") {
    const kind = engine;
    return (await import("./worker-engine.js")).openWorkerEngine({ kind, extensions: options.extensions, timeoutMs });
  }
  throw new EngineUnavailableError(
    `There is no embedded engine for ${options.dialect} migrations: pass --database-url mysql://… for a server verify may create a throwaway database on.`,
  );
}
