// migrations/no-set-not-null: SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock and
// fails on the first NULL, unless a validated CHECK (col IS NOT NULL) already proves it.
import { defineRule } from "@deploylint/core/rule-api";
import {
  byStatement,
  docsUrl,
  MIGRATION_FILES,
  migrationToCheck,
  nameList,
  type Operation,
  type OperationOf,
  upOperations,
} from "../model/index.js";

// `col IS NOT NULL` in a CHECK body: the column (quoted or bare, qualified or not) it proves non-null.
const NOT_NULL_TEST = /("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\s+IS\s+NOT\s+NULL\b/gi;

/** A column as PostgreSQL needs it written in SQL: quoted unless it is a plain lower-case name. */
function sqlIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** Columns (lower-cased, unquoted) a CHECK body tests with IS NOT NULL. */
function columnsProvenNotNull(body: string): string[] {
  return [...body.matchAll(NOT_NULL_TEST)].map((match) => {
    const name = match[1] ?? "";
    return (name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name).toLowerCase();
  });
}

/**
 * `statement:table:column` of columns a statement makes its PRIMARY KEY. That statement's SET NOT NULL
 * on one of them costs nothing the key does not: the key needs NOT NULL and holds ACCESS EXCLUSIVE
 * for its build anyway (no-unique-constraint-lock reports that), so a CHECK NOT VALID would not help.
 */
function primaryKeyColumnsByStatement(operations: Operation[]): Set<string> {
  const keyed = new Set<string>();
  for (const operation of operations) {
    if (operation.type !== "add_constraint" || operation.kind !== "primary_key") continue;
    for (const column of operation.keyColumns ?? []) {
      keyed.add(`${operation.statementIndex}:${operation.table}:${column.toLowerCase()}`);
    }
  }
  return keyed;
}

export default defineRule({
  id: "no-set-not-null",
  meta: {
    description: "Disallow SET NOT NULL on an existing column unless a validated CHECK constraint proves it.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "warn", strict: "error" },
    messages: {
      setNotNull:
        "SET NOT NULL on {{table}}.{{column}} scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes, and fails the deploy if any row is NULL.",
      setNotNullColumns:
        "SET NOT NULL on {{columns}} of {{table}} scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes, and fails the deploy if any row is NULL.",
    },
    help: "Add CHECK (column IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the CHECK.",
    docs: { url: docsUrl("no-set-not-null") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null) return;
        // One pass: what earlier operations proved so far, instead of rescanning them per SET NOT NULL.
        const validatedTables = new Set<string>();
        const provenColumns = new Set<string>();
        const judged: OperationOf<"set_not_null">[] = [];
        // A type change in the same ALTER TABLE: PostgreSQL checks NOT NULL while it rewrites the
        // table for the new type (no second scan), and no-column-type-change reports that rewrite.
        const retyped = new Set<string>();
        const primaryKeyed = primaryKeyColumnsByStatement(upOperations(migration).map(({ operation }) => operation));
        // A table created or emptied earlier in this migration has no rows to scan, rewrite or update.
        for (const { operation, emptyTable } of upOperations(migration)) {
          if (operation.type === "validate_constraint") validatedTables.add(operation.table);
          if (operation.type === "add_constraint" && operation.kind === "check" && !operation.notValid) {
            for (const column of columnsProvenNotNull(operation.body)) provenColumns.add(column);
          }
          if (operation.type === "alter_column_type") {
            retyped.add(`${operation.statementIndex}:${operation.table}:${operation.column}`);
          }
          if (operation.type !== "set_not_null" || emptyTable) continue;
          if (validatedTables.has(operation.table) || provenColumns.has(operation.column.toLowerCase())) continue;
          if (retyped.has(`${operation.statementIndex}:${operation.table}:${operation.column}`)) continue;
          if (primaryKeyed.has(`${operation.statementIndex}:${operation.table}:${operation.column.toLowerCase()}`))
            continue;
          judged.push(operation);
        }
        // One ALTER TABLE setting several columns NOT NULL makes one scan: one finding naming them all.
        for (const statement of byStatement(judged)) {
          const first = statement[0];
          if (first === undefined) continue;
          const columns = statement.map((operation) => operation.column);
          const condition = columns.map((column) => `${sqlIdentifier(column)} IS NOT NULL`).join(" AND ");
          ctx.report({
            messageId: columns.length === 1 ? "setNotNull" : "setNotNullColumns",
            data: { table: first.table, column: first.column, columns: nameList(columns) },
            help: `Add CHECK (${condition}) NOT VALID, VALIDATE it in a later migration, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the CHECK.`,
            range: first.range,
          });
        }
      },
    };
  },
});
