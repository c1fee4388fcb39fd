// Valid MySQL and SQLite that sql-parser-cst 0.42 rejects, found by running it over real migration
// histories (vaultwarden in three dialects): such a rejection is the parser's gap, not a broken
// statement, so it must not become a parse-error finding. PostgreSQL needs no list: it is parsed by
// PostgreSQL's own grammar (pg-parse.ts), so what that grammar rejects is really invalid.
import type { SqlDialect } from "../../rule-api/types.js";

interface KnownGap {
  dialects: SqlDialect[];
  /** Statement kinds the gap applies to; every kind when absent. */
  kinds?: RegExp;
  /** Matched against the parser's first message line, or else against the statement text. */
  message?: RegExp;
  text?: RegExp;
}

const MYSQL: SqlDialect[] = ["mysql", "mariadb"];

// Kinds the parser has no grammar for in MySQL or SQLite (LOCK TABLES, VACUUM, REINDEX, …).
const UNSUPPORTED_KINDS = new Set([
  "lock_table",
  "unlock_tables",
  "vacuum",
  "reindex",
  "optimize_table",
  "flush",
  "use",
  "load",
]);

const GAPS: KnownGap[] = [
  // MySQL support is experimental: CHANGE/MODIFY, ALGORITHM=/LOCK= clauses, DROP PRIMARY KEY,
  // DROP FOREIGN KEY, ADD/DROP INDEX, table options.
  {
    dialects: MYSQL,
    kinds: /^(alter_table|create_table|create_index|drop_index)$/,
    message:
      /Unexpected "(CHANGE|MODIFY|ALGORITHM|LOCK|FOREIGN|PRIMARY|INDEX|KEY|UNIQUE|DEFAULT|CHARSET|COLLATE|ENGINE|AUTO_INCREMENT|ROW_FORMAT|COMMENT|CONVERT|FULLTEXT|SPATIAL)"/i,
  },
  { dialects: MYSQL, kinds: /^alter_table$/, text: /\b(ADD|DROP)\s+(INDEX|KEY|FULLTEXT|SPATIAL|UNIQUE)\b/i },
  // Stored routines, triggers and events, and SET of system or user variables.
  {
    dialects: MYSQL,
    kinds: /^(create|alter|drop)_(procedure|function|trigger|event)$|^(set|prepare|execute|deallocate)$/,
  },
  // The DATABASE() function.
  { dialects: MYSQL, message: /Unexpected "DATABASE"/ },
  // GROUPS (a window-frame keyword) is taken as reserved, though SQLite accepts it as a table name.
  { dialects: ["sqlite"], message: /Unexpected "groups"/i },
];

/** Is this rejection a known gap of the parser rather than invalid SQL? */
export function isKnownParserGap(options: {
  dialect: SqlDialect;
  kind: string;
  text: string;
  message: string;
}): boolean {
  if (UNSUPPORTED_KINDS.has(options.kind)) return true;
  return GAPS.some(
    (gap) =>
      gap.dialects.includes(options.dialect) &&
      (gap.kinds === undefined || gap.kinds.test(options.kind)) &&
      (gap.message === undefined || gap.message.test(options.message)) &&
      (gap.text === undefined || gap.text.test(options.text)),
  );
}
