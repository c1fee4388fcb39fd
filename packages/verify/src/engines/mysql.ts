// A real MySQL or MariaDB server (--database-url mysql://…): a throwaway database, dropped at the end.
import type { Connection } from "mysql2/promise";
import { mysqlSnapshot } from "../snapshot/mysql.js";
import { type Engine, EngineError } from "../types.js";
import { NonEmptyDatabaseError, throwawayName } from "./throwaway.js";

export async function openMysql(options: { url: string; allowNonEmpty: boolean }): Promise<Engine> {
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
    await create();
  } catch (error) {
    await drop().catch(() => undefined);
    await connection.end();
    throw error;
  }
  return {
    name: "mysql",
    dialect: "mysql",
    async exec(sql) {
      try {
        await query(sql);
      } catch (error) {
        throw new EngineError(error instanceof Error ? error.message : String(error));
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
