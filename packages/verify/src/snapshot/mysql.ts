// The schema of a MySQL/MariaDB database from information_schema: tables, columns (type,
// nullability, default, extra), indexes, constraints, views and routines.
import type { Schema } from "../types.js";

export type MysqlQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export async function mysqlSnapshot(query: MysqlQuery, database: string): Promise<Schema> {
  const schema: Schema = new Map();
  const p = [database];
  for (const row of await query(
    "SELECT TABLE_NAME AS name, TABLE_TYPE AS type FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
    p,
  )) {
    schema.set(`${row.type === "VIEW" ? "view" : "table"} ${String(row.name)}`, "");
  }
  for (const row of await query(
    "SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt, EXTRA AS extra FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?",
    p,
  )) {
    const parts = [String(row.type)];
    if (row.nullable === "NO") parts.push("NOT NULL");
    if (row.dflt !== null && row.dflt !== undefined) parts.push(`DEFAULT ${String(row.dflt)}`);
    if (row.extra) parts.push(String(row.extra));
    schema.set(`column ${String(row.t)}.${String(row.c)}`, parts.join(" "));
  }
  for (const row of await query(
    "SELECT TABLE_NAME AS t, INDEX_NAME AS name, NON_UNIQUE AS nonunique, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) AS cols FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE",
    p,
  )) {
    schema.set(
      `index ${String(row.t)}.${String(row.name)}`,
      `${Number(row.nonunique) === 0 ? "UNIQUE " : ""}(${String(row.cols)})`,
    );
  }
  for (const row of await query(
    "SELECT TABLE_NAME AS t, CONSTRAINT_NAME AS name, CONSTRAINT_TYPE AS type FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ?",
    p,
  )) {
    schema.set(`constraint ${String(row.t)}.${String(row.name)}`, String(row.type));
  }
  for (const row of await query(
    "SELECT TABLE_NAME AS name, VIEW_DEFINITION AS def FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?",
    p,
  )) {
    schema.set(`view ${String(row.name)}`, String(row.def));
  }
  for (const row of await query(
    "SELECT ROUTINE_NAME AS name, ROUTINE_TYPE AS type, MD5(ROUTINE_DEFINITION) AS body FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?",
    p,
  )) {
    schema.set(`${String(row.type).toLowerCase()} ${String(row.name)}`, `body md5 ${String(row.body)}`);
  }
  return schema;
}
