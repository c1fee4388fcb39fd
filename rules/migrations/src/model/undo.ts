// What a down must do to undo each operation of its up (static: by object names), for
// down-reverses-up. Operations on a table the down drops are undone with the table.
import type { OperationFact } from "./facts.js";

/** An operation as down-reverses-up judges it (see reversal.ts): its name may be the engine's default. */
export type PreparedOperation = OperationFact & {
  /** The name is the one the engine gives an unnamed index or constraint, not one written in the SQL. */
  derivedName?: boolean;
};

export interface UndoRequirement {
  /** The up's change, as SQL words: "CREATE TABLE coupons". */
  change: string;
  /** What the down must do: "DROP TABLE coupons". */
  expected: string;
  satisfied(down: DownIndex): boolean;
}

type Field = "table" | "column" | "name" | "to";
const FIELDS: readonly Field[] = ["table", "column", "name", "to"];
type Match = Partial<Record<Field, string>>;

// One key per (type, the fields a query names): fields left out of a query match anything; a field
// the operation lacks is kept apart from "" (`undefined === ""` is false in a direct comparison).
function key(type: string, fields: Match, named: readonly Field[]): string {
  return JSON.stringify([type, ...FIELDS.map((f) => (named.includes(f) ? (fields[f] ?? null) : 0))]);
}

// The field combinations the checks below ask about (each in FIELDS order); only these are indexed.
const SHAPES: readonly (readonly Field[])[] = [
  ["table"],
  ["table", "column"],
  ["column", "to"],
  ["table", "to"],
  ["name"],
];
const SHAPE_IDS = new Set(SHAPES.map((shape) => shape.join(",")));

/**
 * The down's operations by type and names: each undo check is one lookup, where scanning the down
 * for every operation of the up made a long migration quadratic.
 */
export class DownIndex {
  private readonly keys = new Set<string>();
  /** Every `<prefix>_` of a dropped index's name: "drops some index named after table t" is one lookup. */
  private readonly droppedIndexPrefixes = new Set<string>();
  /** Tables the down gives a primary key (whatever its name). */
  private readonly primaryKeyTables = new Set<string>();

  constructor(down: readonly OperationFact[]) {
    for (const op of down) {
      for (const shape of SHAPES) this.keys.add(key(op.type, op, shape));
      if (op.type === "add_constraint" && op.keyKind === "primary_key" && op.table) this.primaryKeyTables.add(op.table);
      if (op.type !== "drop_index" || op.name === undefined) continue;
      for (let at = op.name.indexOf("_"); at !== -1; at = op.name.indexOf("_", at + 1)) {
        this.droppedIndexPrefixes.add(op.name.slice(0, at + 1));
      }
    }
  }

  /** Does the down drop an index whose name starts with `<table>_` (the engine's name for an unnamed one)? */
  dropsIndexNamedAfter(table: string): boolean {
    return this.droppedIndexPrefixes.has(`${table}_`);
  }

  /** Does the down give the table a primary key? */
  addsPrimaryKeyTo(table: string): boolean {
    return this.primaryKeyTables.has(table);
  }

  /** Does the down hold an operation of this type whose given fields equal these values? */
  has(type: OperationFact["type"], fields: Match): boolean {
    const named = FIELDS.filter((f) => f in fields);
    if (!SHAPE_IDS.has(named.join(","))) throw new Error(`DownIndex: fields ${named.join(",")} are not indexed`);
    return this.keys.has(key(type, fields, named));
  }
}

/** A primary key's name by the engines' conventions: PostgreSQL's `<table>_pkey`, MySQL's `PRIMARY`. */
const isPrimaryKeyName = (name: string) => name.endsWith("_pkey") || name === "PRIMARY";

const dropsTable = (down: DownIndex, table: string | undefined) =>
  table !== undefined && table !== "" && down.has("drop_table", { table });

/**
 * Does the down drop a column the index or constraint is built on (PostgreSQL, MySQL and SQLite drop
 * such an index or constraint with the column)? Unknown columns: any column of the table.
 */
function dropsKeyColumn(down: DownIndex, op: PreparedOperation): boolean {
  const table = op.table ?? "";
  if (table === "") return false;
  const columns = op.dependsOn ?? op.keyColumns;
  if (columns === undefined) return op.type === "add_constraint" && down.has("drop_column", { table });
  return columns.some((column) => column !== "expr" && down.has("drop_column", { table, column }));
}

/** Table names a SQLite-style rebuild replaces in place: they keep existing, so their create/drop/rename pair with nothing. */
export function rebuiltTables(up: OperationFact[]): Set<string> {
  const lastCreated = new Map<string, number>();
  up.forEach((op, i) => {
    if (op.type === "create_table") lastCreated.set(op.table ?? "", i);
  });
  const names = new Set<string>();
  for (const op of up) {
    if (op.type !== "rename_table" || op.table === undefined || op.to === undefined) continue;
    if (lastCreated.has(op.table) || lastCreated.has(op.to)) {
      names.add(op.table);
      names.add(op.to);
    }
  }
  // DROP TABLE IF EXISTS t; CREATE TABLE t …: t is replaced, not gone.
  up.forEach((op, i) => {
    if (op.type !== "drop_table" || op.table === undefined) return;
    if ((lastCreated.get(op.table) ?? -1) > i) names.add(op.table);
  });
  return names;
}

export function undoRequirement(op: PreparedOperation, rebuilt: ReadonlySet<string>): UndoRequirement | null {
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
        satisfied: (d) => d.has("create_table", { table }),
      };
    case "add_column":
      return {
        change: `ADD COLUMN ${table}.${column}`,
        expected: `DROP COLUMN ${table}.${column}`,
        satisfied: (d) => dropsTable(d, table) || d.has("drop_column", { table, column }),
      };
    case "drop_column":
      return {
        change: `DROP COLUMN ${table}.${column}`,
        expected: `ADD COLUMN ${table}.${column}`,
        satisfied: (d) => d.has("add_column", { table, column }) || d.has("create_table", { table }),
      };
    case "rename_column":
      return {
        change: `RENAME COLUMN ${table}.${column} TO ${to}`,
        expected: `RENAME COLUMN ${to} TO ${column}`,
        satisfied: (d) => d.has("rename_column", { column: to, to: column }),
      };
    case "rename_table":
      return {
        change: `RENAME TABLE ${table} TO ${to}`,
        expected: `RENAME TABLE ${to} TO ${table}`,
        satisfied: (d) => d.has("rename_table", { table: to, to: table }),
      };
    case "alter_column_type":
      return {
        change: `ALTER COLUMN ${table}.${column} TYPE`,
        expected: `a type change of ${table}.${column} back`,
        satisfied: (d) =>
          dropsTable(d, table) ||
          d.has("alter_column_type", { table, column }) ||
          d.has("drop_column", { table, column }) ||
          d.has("rename_column", { table, column }),
      };
    case "create_index":
      if (name === "") return null;
      return {
        change: op.derivedName ? `CREATE INDEX on ${table} (named ${name})` : `CREATE INDEX ${name}`,
        expected: `DROP INDEX ${name}`,
        satisfied: (d) =>
          dropsTable(d, table) ||
          d.has("drop_index", { name }) ||
          dropsKeyColumn(d, op) ||
          // The engine's name is a guess (a clash adds a number): any index named after the table will do.
          (op.derivedName === true && d.dropsIndexNamedAfter(table)),
      };
    case "drop_index":
      return {
        change: `DROP INDEX ${name}`,
        expected: `CREATE INDEX ${name}`,
        // A UNIQUE or PRIMARY KEY constraint builds the index under its own name.
        satisfied: (d) =>
          d.has("create_index", { name }) ||
          d.has("add_constraint", { name }) ||
          (isPrimaryKeyName(name) && d.addsPrimaryKeyTo(table)),
      };
    case "add_constraint":
      if (name === "") return null;
      return {
        change: op.derivedName ? `ADD CONSTRAINT on ${table} (named ${name})` : `ADD CONSTRAINT ${name}`,
        expected: `DROP CONSTRAINT ${name}`,
        // Dropping the table, or a column the constraint is on, takes the constraint along.
        satisfied: (d) =>
          dropsTable(d, table) ||
          d.has("drop_constraint", { name }) ||
          // MySQL drops a UNIQUE constraint as the index it is (DROP INDEX email ON users).
          d.has("drop_index", { name }) ||
          dropsKeyColumn(d, op) ||
          (op.derivedName === true && d.has("drop_constraint", { table })),
      };
    case "drop_constraint":
      return {
        change: `DROP CONSTRAINT ${name}`,
        expected: `ADD CONSTRAINT ${name}`,
        satisfied: (d) =>
          d.has("add_constraint", { name }) ||
          d.has("create_index", { name }) ||
          d.has("create_table", { table }) ||
          // A table has one primary key: a down that gives it one back undoes the drop, whatever the
          // old key was called (logto drops a misspelt legacy name and the proper one, then adds its key).
          (isPrimaryKeyName(name) && d.addsPrimaryKeyTo(table)),
      };
    case "create_type":
      return {
        change: `CREATE TYPE ${name}`,
        expected: `DROP TYPE ${name}`,
        satisfied: (d) => d.has("drop_type", { name }),
      };
    case "create_schema":
      return {
        change: `CREATE SCHEMA ${name}`,
        expected: `DROP SCHEMA ${name}`,
        satisfied: (d) => d.has("drop_schema", { name }),
      };
    default:
      return null;
  }
}
