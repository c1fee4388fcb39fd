// The schema of a PostgreSQL database (PGlite or a server) from its catalogs: tables, columns with
// type, nullability, default and identity, indexes, constraints, enum and other types, views,
// functions, triggers, sequences and extensions, each keyed by name so two snapshots compare.
import type { Schema } from "../types.js";

export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'`;

// Objects an extension owns come and go with the extension: only the extension itself is compared.
const NOT_FROM_EXTENSION = (oid: string, catalog: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = ${oid} AND d.classid = '${catalog}'::regclass AND d.deptype = 'e')`;

const QUERIES: { kind: string; sql: string }[] = [
  {
    kind: "relation",
    sql: `SELECT n.nspname AS schema, c.relname AS name,
            CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' END AS kind,
            CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) ELSE '' END AS def
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND ${USER_SCHEMAS} AND ${NOT_FROM_EXTENSION("c.oid", "pg_class")}`,
  },
  {
    kind: "column",
    sql: `SELECT n.nspname AS schema, c.relname AS rel, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS notnull, pg_get_expr(ad.adbin, ad.adrelid) AS dflt, a.attidentity AS identity, a.attgenerated AS generated
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
          WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${USER_SCHEMAS}
            AND ${NOT_FROM_EXTENSION("c.oid", "pg_class")}`,
  },
  {
    kind: "index",
    sql: `SELECT n.nspname AS schema, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
          FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
          WHERE ${USER_SCHEMAS} AND ${NOT_FROM_EXTENSION("i.indrelid", "pg_class")}`,
  },
  {
    kind: "constraint",
    sql: `SELECT n.nspname AS schema, coalesce(c.relname, t.typname) AS rel, con.conname AS name,
            pg_get_constraintdef(con.oid) AS def
          FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
          LEFT JOIN pg_class c ON c.oid = con.conrelid LEFT JOIN pg_type t ON t.oid = con.contypid
          -- PostgreSQL 18 lists NOT NULL as constraints too; the column already says it.
          WHERE con.contype <> 'n' AND ${USER_SCHEMAS} AND ${NOT_FROM_EXTENSION("con.oid", "pg_constraint")}`,
  },
  {
    kind: "type",
    sql: `SELECT n.nspname AS schema, t.typname AS name, t.typtype AS typtype,
            coalesce((SELECT string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '') AS labels,
            CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) ELSE '' END AS base
          FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE t.typtype IN ('e', 'd', 'r') AND ${USER_SCHEMAS} AND ${NOT_FROM_EXTENSION("t.oid", "pg_type")}`,
  },
  {
    kind: "function",
    sql: `SELECT n.nspname AS schema, p.proname AS name, pg_get_function_identity_arguments(p.oid) AS args,
            pg_get_function_result(p.oid) AS result, md5(p.prosrc) AS body
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE ${USER_SCHEMAS} AND ${NOT_FROM_EXTENSION("p.oid", "pg_proc")}`,
  },
  {
    kind: "trigger",
    sql: `SELECT n.nspname AS schema, c.relname AS rel, tg.tgname AS name, pg_get_triggerdef(tg.oid) AS def
          FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE NOT tg.tgisinternal AND ${USER_SCHEMAS}`,
  },
  {
    kind: "extension",
    sql: `SELECT extname AS name, extversion AS version FROM pg_extension WHERE extname <> 'plpgsql'`,
  },
  {
    kind: "schema",
    sql: `SELECT n.nspname AS name FROM pg_namespace n WHERE ${USER_SCHEMAS} AND n.nspname <> 'public'`,
  },
];

function qualified(schema: unknown, name: unknown): string {
  return schema === "public" || schema === undefined ? String(name) : `${String(schema)}.${String(name)}`;
}

function column(row: Record<string, unknown>): string {
  const parts = [String(row.type)];
  if (row.notnull === true) parts.push("NOT NULL");
  if (row.dflt !== null && row.dflt !== undefined) parts.push(`DEFAULT ${String(row.dflt)}`);
  if (row.identity === "a") parts.push("GENERATED ALWAYS AS IDENTITY");
  if (row.identity === "d") parts.push("GENERATED BY DEFAULT AS IDENTITY");
  if (row.generated === "s") parts.push("GENERATED … STORED");
  return parts.join(" ");
}

function entry(kind: string, row: Record<string, unknown>): [string, string] {
  switch (kind) {
    case "relation":
      return [
        `${String(row.kind)} ${qualified(row.schema, row.name)}`,
        String(row.def ?? "")
          .replace(/\s+/g, " ")
          .trim(),
      ];
    case "column":
      return [`column ${qualified(row.schema, row.rel)}.${String(row.name)}`, column(row)];
    case "index":
      return [`index ${qualified(row.schema, row.name)}`, String(row.def)];
    case "constraint":
      // Whether a constraint is validated is a fact about the rows, not the schema's shape: a down
      // cannot (and need not) undo VALIDATE CONSTRAINT.
      return [
        `constraint ${qualified(row.schema, row.rel)}.${String(row.name)}`,
        String(row.def).replace(/ NOT VALID$/, ""),
      ];
    case "type": {
      const what = row.typtype === "e" ? "enum" : row.typtype === "d" ? "domain" : "range";
      return [`type ${qualified(row.schema, row.name)}`, `${what} ${String(row.labels || row.base)}`.trim()];
    }
    case "function":
      return [
        `function ${qualified(row.schema, row.name)}(${String(row.args)})`,
        `returns ${String(row.result)}, body md5 ${String(row.body)}`,
      ];
    case "trigger":
      return [`trigger ${qualified(row.schema, row.rel)}.${String(row.name)}`, String(row.def)];
    case "extension":
      return [`extension ${String(row.name)}`, String(row.version)];
    default:
      return [`schema ${String(row.name)}`, ""];
  }
}

export async function postgresSnapshot(query: Query): Promise<Schema> {
  const schema: Schema = new Map();
  for (const { kind, sql } of QUERIES) {
    for (const row of await query(sql)) {
      const [key, value] = entry(kind, row);
      schema.set(key, value);
    }
  }
  return schema;
}
