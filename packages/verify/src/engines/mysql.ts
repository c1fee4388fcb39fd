// A real MySQL or MariaDB server (--database-url mysql://…): a throwaway database, dropped at the end.
import type { Connection } from "mysql2/promise";
import { mysqlSnapshot } from "../snapshot/mysql.js";
import { type Engine, EngineError, EngineStoppedError } from "../types.js";
import { NonEmptyDatabaseError, throwawayName } from "./throwaway.js";

// What a statement over the limit raises: ER_QUERY_TIMEOUT (MySQL), ER_STATEMENT_TIMEOUT (MariaDB).
const TIMEOUT_ERRNOS = new Set([3024, 1969]);
// ER_UNKNOWN_SYSTEM_VARIABLE: MariaDB names the limit max_statement_time (in seconds).
const UNKNOWN_VARIABLE = 1193;

/**
 * The server stops a statement that runs past the time a migration is given (--timeout). MySQL
 * applies max_execution_time to SELECT statements (and the SELECT of INSERT … SELECT); MariaDB's
 * max_statement_time applies to every statement.
 */
async function limitStatements(query: (sql: string) => Promise<unknown>, timeoutMs: number): Promise<void> {
  try {
    await query(`SET SESSION max_execution_time = ${Math.max(1, Math.round(timeoutMs))}`);
  } catch (error) {
    if ((error as { errno?: unknown }).errno !== UNKNOWN_VARIABLE) throw error;
    await query(`SET SESSION max_statement_time = ${Math.max(0.001, timeoutMs / 1000)}`);
  }
}

export async function openMysql(options: { url: string; allowNonEmpty: boolean; timeoutMs: number }): Promise<Engine> {
  const mysql = await import("mysql2/promise");
  const connection: Connection = await mysql.createConnection(options.url);
  const name = throwawayName();
  const query = async (sql: string, params: unknown[] = []) => {
    const [rows] = await connection.query(sql, params);
    return (Array.isArray(rows) ? rows : []) as Record<string, unknown>[];
  };
  const create = async () => {
    await query(`CREATE DATABASE \`${name}\``);
    await query(`USE \`${name}\``);
  };
  const drop = () => query(`DROP DATABASE IF EXISTS \`${name}\``);
  try {
    const named = new URL(options.url).pathname.slice(1);
    if (named !== "") {
      const [row] = await query("SELECT count(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", [named]);
      const tables = Number(row?.n ?? 0);
      if (tables > 0 && !options.allowNonEmpty) throw new NonEmptyDatabaseError(named, tables);
    }
    await limitStatements(query, options.timeoutMs);
    await create();
  } catch (error) {
    await drop().catch(() => undefined);
    await connection.end();
    throw error;
  }
  return {
    name: "mysql",
    dialect: "mysql",
    // max_execution_time bounds each statement on the server; there is no clock to start here.
    startTimer() {},
    async exec(sql) {
      try {
        await query(sql);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (TIMEOUT_ERRNOS.has(Number((error as { errno?: unknown }).errno))) {
          throw new EngineStoppedError(message, "timeout", options.timeoutMs);
        }
        throw new EngineError(message);
      }
    },
    snapshot: () => mysqlSnapshot(query, name),
    async reset() {
      await drop();
      await create();
    },
    async close() {
      try {
        await drop();
      } finally {
        await connection.end();
      }
    },
  };
}
