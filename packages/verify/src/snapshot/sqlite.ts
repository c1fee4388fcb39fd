// The schema of a SQLite database: tables with their columns (type, NOT NULL, default, key),
// foreign keys and indexes read through pragmas (SQLite rewrites a table's CREATE text when it is
// altered, so the text alone would differ after an add and drop), views and triggers by their text.
import type { Schema } from "../types.js";

export type SqliteQuery = (sql: string) => Record<string, unknown>[];

const squash = (text: unknown) =>
  String(text ?? "")
    .replace(/\s+/g, " ")
    .trim();
const quoted = (name: unknown) => `"${String(name).replace(/"/g, '""')}"`;

export function sqliteSnapshot(query: SqliteQuery): Schema {
  const schema: Schema = new Map();
  const objects = query(
    "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
  );
  for (const object of objects) {
    const name = String(object.name);
    if (object.type === "table") {
      schema.set(`table ${name}`, "");
      for (const col of query(`PRAGMA table_xinfo(${quoted(name)})`)) {
        const parts = [String(col.type ?? "")];
        if (col.notnull === 1) parts.push("NOT NULL");
        if (col.dflt_value !== null && col.dflt_value !== undefined) parts.push(`DEFAULT ${String(col.dflt_value)}`);
        if (Number(col.pk) > 0) parts.push(`PRIMARY KEY ${String(col.pk)}`);
        if (Number(col.hidden) > 0) parts.push("GENERATED");
        schema.set(`column ${name}.${String(col.name)}`, parts.join(" ").trim());
      }
      const fks = query(`PRAGMA foreign_key_list(${quoted(name)})`);
      for (const fk of fks) {
        schema.set(
          `constraint ${name}.fk${String(fk.id)}.${String(fk.seq)}`,
          `FOREIGN KEY (${String(fk.from)}) REFERENCES ${String(fk.table)} (${String(fk.to)}) ON UPDATE ${String(fk.on_update)} ON DELETE ${String(fk.on_delete)}`,
        );
      }
      const checks = /\bCHECK\s*\(/i.test(String(object.sql))
        ? squash(
            String(object.sql)
              .match(/\bCHECK\s*\([\s\S]*?\)\)?/gi)
              ?.join(" "),
          )
        : "";
      if (checks !== "") schema.set(`constraint ${name}.checks`, checks);
    } else if (object.type === "index") {
      const columns = query(`PRAGMA index_info(${quoted(name)})`)
        .map((c) => String(c.name))
        .join(", ");
      const unique = /^CREATE\s+UNIQUE/i.test(String(object.sql ?? ""));
      const where = /\bWHERE\b([\s\S]*)$/i.exec(String(object.sql ?? ""))?.[1];
      schema.set(
        `index ${name}`,
        `${unique ? "UNIQUE " : ""}ON ${String(object.tbl_name)} (${columns})${where ? ` WHERE ${squash(where)}` : ""}`,
      );
    } else {
      schema.set(`${String(object.type)} ${name}`, squash(object.sql));
    }
  }
  return schema;
}
