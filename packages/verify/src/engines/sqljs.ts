// SQLite in-process: sql.js (SQLite compiled to WebAssembly), a fresh in-memory database per run.
import type { Database } from "sql.js";
import { sqliteSnapshot } from "../snapshot/sqlite.js";
import { type Engine, EngineError } from "../types.js";

export async function openSqlJs(): Promise<Engine> {
  const initSqlJs = (await import("sql.js")).default;
  const SQL = await initSqlJs();
  const create = (): Database => {
    const db = new SQL.Database();
    // Migrations that declare foreign keys expect them enforced, as every migration tool configures it.
    db.run("PRAGMA foreign_keys = ON");
    return db;
  };
  let db = create();
  const rows = (sql: string): Record<string, unknown>[] => {
    const result = db.exec(sql)[0];
    if (result === undefined) return [];
    return result.values.map((values) => Object.fromEntries(result.columns.map((c, i) => [c, values[i]])));
  };
  return {
    name: "sqljs",
    dialect: "sqlite",
    // Runs inside the worker of worker-engine.ts, which keeps the time.
    startTimer() {},
    async exec(sql) {
      try {
        db.run(sql);
      } catch (error) {
        throw new EngineError(error instanceof Error ? error.message : String(error));
      }
    },
    async snapshot() {
      return sqliteSnapshot(rows);
    },
    async reset() {
      db.close();
      db = create();
    },
    async close() {
      db.close();
    },
  };
}
