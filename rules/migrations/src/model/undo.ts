// What a down must do to undo each operation of its up (static: by object names), for
// down-reverses-up. Operations on a table the down drops are undone with the table.
import type { OperationFact } from "./facts.js";

export interface UndoRequirement {
  /** The up's change, as SQL words: "CREATE TABLE coupons". */
  change: string;
  /** What the down must do: "DROP TABLE coupons". */
  expected: string;
  satisfied(down: OperationFact[]): boolean;
}

const has = (down: OperationFact[], test: (op: OperationFact) => boolean) => down.some(test);
const dropsTable = (down: OperationFact[], table: string | undefined) =>
  table !== undefined && table !== "" && has(down, (op) => op.type === "drop_table" && op.table === table);

/** Table names a SQLite-style rebuild replaces in place: they keep existing, so their create/drop/rename pair with nothing. */
export function rebuiltTables(up: OperationFact[]): Set<string> {
  const created = new Set(up.filter((op) => op.type === "create_table").map((op) => op.table ?? ""));
  const names = new Set<string>();
  for (const op of up) {
    if (op.type !== "rename_table" || op.table === undefined || op.to === undefined) continue;
    if (created.has(op.table) || created.has(op.to)) {
      names.add(op.table);
      names.add(op.to);
    }
  }
  // DROP TABLE IF EXISTS t; CREATE TABLE t …: t is replaced, not gone.
  up.forEach((op, i) => {
    if (op.type !== "drop_table" || op.table === undefined) return;
    if (up.slice(i + 1).some((later) => later.type === "create_table" && later.table === op.table)) names.add(op.table);
  });
  return names;
}

export function undoRequirement(op: OperationFact, rebuilt: ReadonlySet<string>): UndoRequirement | null {
  const { table = "", column = "", name = "", to = "" } = op;
  const tableLevel = op.type === "create_table" || op.type === "drop_table" || op.type === "rename_table";
  if (tableLevel && (rebuilt.has(table) || rebuilt.has(to))) return null;
  switch (op.type) {
    case "create_table":
      return {
        change: `CREATE TABLE ${table}`,
        expected: `DROP TABLE ${table}`,
        satisfied: (d) => dropsTable(d, table),
      };
    case "drop_table":
      return {
        change: `DROP TABLE ${table}`,
        expected: `CREATE TABLE ${table}`,
        satisfied: (d) => has(d, (o) => o.type === "create_table" && o.table === table),
      };
    case "add_column":
      return {
        change: `ADD COLUMN ${table}.${column}`,
        expected: `DROP COLUMN ${table}.${column}`,
        satisfied: (d) =>
          dropsTable(d, table) || has(d, (o) => o.type === "drop_column" && o.table === table && o.column === column),
      };
    case "drop_column":
      return {
        change: `DROP COLUMN ${table}.${column}`,
        expected: `ADD COLUMN ${table}.${column}`,
        satisfied: (d) =>
          has(
            d,
            (o) =>
              (o.type === "add_column" && o.table === table && o.column === column) ||
              (o.type === "create_table" && o.table === table),
          ),
      };
    case "rename_column":
      return {
        change: `RENAME COLUMN ${table}.${column} TO ${to}`,
        expected: `RENAME COLUMN ${to} TO ${column}`,
        satisfied: (d) => has(d, (o) => o.type === "rename_column" && o.column === to && o.to === column),
      };
    case "rename_table":
      return {
        change: `RENAME TABLE ${table} TO ${to}`,
        expected: `RENAME TABLE ${to} TO ${table}`,
        satisfied: (d) => has(d, (o) => o.type === "rename_table" && o.table === to && o.to === table),
      };
    case "alter_column_type":
      return {
        change: `ALTER COLUMN ${table}.${column} TYPE`,
        expected: `a type change of ${table}.${column} back`,
        satisfied: (d) =>
          dropsTable(d, table) ||
          has(
            d,
            (o) =>
              (o.type === "alter_column_type" || o.type === "drop_column" || o.type === "rename_column") &&
              o.table === table &&
              o.column === column,
          ),
      };
    case "create_index":
      if (name === "") return null;
      return {
        change: `CREATE INDEX ${name}`,
        expected: `DROP INDEX ${name}`,
        satisfied: (d) => dropsTable(d, table) || has(d, (o) => o.type === "drop_index" && o.name === name),
      };
    case "drop_index":
      return {
        change: `DROP INDEX ${name}`,
        expected: `CREATE INDEX ${name}`,
        satisfied: (d) => has(d, (o) => o.type === "create_index" && o.name === name),
      };
    case "add_constraint":
      if (name === "") return null;
      return {
        change: `ADD CONSTRAINT ${name}`,
        expected: `DROP CONSTRAINT ${name}`,
        // Dropping the table, or a column of it, takes the constraint along.
        satisfied: (d) =>
          dropsTable(d, table) ||
          has(
            d,
            (o) => (o.type === "drop_constraint" && o.name === name) || (o.type === "drop_column" && o.table === table),
          ),
      };
    case "drop_constraint":
      return {
        change: `DROP CONSTRAINT ${name}`,
        expected: `ADD CONSTRAINT ${name}`,
        satisfied: (d) =>
          has(
            d,
            (o) => (o.type === "add_constraint" && o.name === name) || (o.type === "create_table" && o.table === table),
          ),
      };
    case "create_type":
      return {
        change: `CREATE TYPE ${name}`,
        expected: `DROP TYPE ${name}`,
        satisfied: (d) => has(d, (o) => o.type === "drop_type" && o.name === name),
      };
    case "create_schema":
      return {
        change: `CREATE SCHEMA ${name}`,
        expected: `DROP SCHEMA ${name}`,
        satisfied: (d) => has(d, (o) => o.type === "drop_schema" && o.name === name),
      };
    default:
      return null;
  }
}
