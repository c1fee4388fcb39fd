// Prepares an up and its down for down-reverses-up the way the database sees them: renamed tables
// and columns keep one identity, unnamed indexes and constraints get the name the engine gives
// them, and what the up creates and drops again (or drops and re-creates) nets out.
import type { Unnamed } from "./default-names.js";
import type { OperationFact } from "./facts.js";
import { DownIndex, type PreparedOperation, rebuiltTables, type UndoRequirement, undoRequirement } from "./undo.js";

export type Naming = (unnamed: Unnamed) => string | null;

/** Follows renames: each name maps to the name the object had before the up (its identity). */
class Identities {
  private readonly byName = new Map<string, string>();
  of(name: string): string {
    return this.byName.get(name) ?? name;
  }
  rename(from: string, to: string): void {
    const identity = this.of(from);
    this.byName.delete(from);
    this.byName.set(to, identity);
  }
  copy(): Identities {
    const next = new Identities();
    for (const [name, identity] of this.byName) next.byName.set(name, identity);
    return next;
  }
}

interface Renames {
  tables: Identities;
  columns: Identities;
}

const UNNAMED_KINDS: Record<string, Unnamed["kind"]> = {
  primary_key: "primary_key",
  unique: "unique",
  foreign_key: "foreign_key",
  check: "check",
  exclude: "exclude",
  index: "index",
};

/** The name the engine gives an unnamed index or constraint, with its table still as written. */
function withDefaultName(op: OperationFact, naming: Naming | null): PreparedOperation {
  if (naming === null || (op.type !== "create_index" && op.type !== "add_constraint")) return op;
  if (op.name !== undefined && op.name !== "") return op;
  const kind = UNNAMED_KINDS[op.keyKind ?? ""];
  if (kind === undefined || op.table === undefined) return op;
  // A CHECK keeps its column only when its expression names exactly one (PostgreSQL's rule).
  const columns = kind === "check" && (op.keyColumns?.length ?? 0) !== 1 ? [] : (op.keyColumns ?? []);
  if (kind !== "primary_key" && kind !== "check" && columns.length === 0) return op;
  const name = naming({ table: op.table, columns, kind });
  return name === null ? op : { ...op, name, derivedName: true };
}

/** The operation with its table and column named by identity (renames themselves keep their names). */
function identified(op: PreparedOperation, renames: Renames): PreparedOperation {
  if (op.type === "rename_table" && op.table !== undefined && op.to !== undefined) {
    renames.tables.rename(op.table, op.to);
    return op;
  }
  if (op.table === undefined) return op;
  const table = renames.tables.of(op.table);
  if (op.type === "rename_column" && op.column !== undefined && op.to !== undefined) {
    renames.columns.rename(`${table}.${op.column}`, `${table}.${op.to}`);
    return table === op.table ? op : { ...op, table };
  }
  if (op.column === undefined) return table === op.table ? op : { ...op, table };
  const column = renames.columns.of(`${table}.${op.column}`).slice(table.length + 1);
  return { ...op, table, column };
}

// Pairs of operations that cancel out within one up, by the key of the object they touch.
const INVERSE: Partial<Record<OperationFact["type"], OperationFact["type"]>> = {
  create_table: "drop_table",
  drop_table: "create_table",
  add_column: "drop_column",
  drop_column: "add_column",
  create_index: "drop_index",
  drop_index: "create_index",
  add_constraint: "drop_constraint",
  drop_constraint: "add_constraint",
  create_type: "drop_type",
  drop_type: "create_type",
};

function objectKey(op: PreparedOperation): string | null {
  switch (op.type) {
    case "create_table":
    case "drop_table":
      return op.table ? `table:${op.table}` : null;
    case "add_column":
    case "drop_column":
      return op.table && op.column ? `column:${op.table}.${op.column}` : null;
    case "create_index":
    case "drop_index":
      return op.name ? `index:${op.name}` : null;
    case "add_constraint":
    case "drop_constraint":
      return op.name ? `constraint:${op.name}` : null;
    case "create_type":
    case "drop_type":
      return op.name ? `type:${op.name}` : null;
    default:
      return null;
  }
}

/** Indexes of up operations that cancel out: created then dropped (a temporary object), or dropped then re-created. */
function nettedOut(up: PreparedOperation[]): Set<number> {
  const pending = new Map<string, number>();
  const gone = new Set<number>();
  up.forEach((op, i) => {
    const key = objectKey(op);
    if (key === null) return;
    // A PRIMARY KEY or UNIQUE constraint builds its index under its own name: adding it back
    // re-creates an index of that name the up dropped (DROP INDEX roles_pkey; ADD PRIMARY KEY (id)).
    if (op.type === "add_constraint" && (op.keyKind === "primary_key" || op.keyKind === "unique") && op.name) {
      const droppedIndex = pending.get(`index:${op.name}`);
      if (droppedIndex !== undefined && up[droppedIndex]?.type === "drop_index") {
        gone.add(droppedIndex);
        pending.delete(`index:${op.name}`);
        if (!pending.has(key)) gone.add(i);
      }
    }
    const earlier = pending.get(key);
    const earlierOp = earlier === undefined ? undefined : up[earlier];
    if (earlier !== undefined && earlierOp !== undefined && INVERSE[earlierOp.type] === op.type) {
      gone.add(earlier);
      gone.add(i);
      pending.delete(key);
      return;
    }
    pending.set(key, i);
  });
  return gone;
}

/**
 * An index built on each partition and then on the parent (CREATE INDEX on the parent attaches the
 * matching partition indexes, and dropping it drops them): the partition index goes with the parent's.
 */
function attachedParents(up: PreparedOperation[]): Map<number, number> {
  const parents = new Map<number, number>();
  // Each earlier index waits under every parent its table could be a partition of (`wal_0` under
  // `wal`), with its column list: one lookup per index, never a scan of the earlier ones.
  const waiting = new Map<string, number[]>();
  up.forEach((op, i) => {
    if (op.type !== "create_index" || !op.table || op.keyColumns === undefined) return;
    const columns = op.keyColumns.join(",");
    const key = `${columns}|${op.table}`;
    for (const child of waiting.get(key) ?? []) if (!parents.has(child)) parents.set(child, i);
    waiting.delete(key);
    for (let at = op.table.indexOf("_"); at > 0; at = op.table.indexOf("_", at + 1)) {
      const parentKey = `${columns}|${op.table.slice(0, at)}`;
      const list = waiting.get(parentKey) ?? [];
      list.push(i);
      waiting.set(parentKey, list);
    }
  });
  return parents;
}

/** Type renames of the up, followed to the end (a -> b, b -> c: a -> c). */
function typeRenames(up: OperationFact[]): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const op of up) {
    if (op.type !== "rename_type" || op.name === undefined || op.to === undefined) continue;
    for (const [from, to] of renamed) if (to === op.name) renamed.set(from, op.to);
    renamed.set(op.name, op.to);
  }
  return renamed;
}

/**
 * A type created and then renamed in the same up (CREATE TYPE x_new …; ALTER TYPE x_new RENAME TO x,
 * the usual way to change an enum) is undone by dropping it under its final name.
 */
function withFinalTypeName(op: PreparedOperation, finalName: ReadonlyMap<string, string>): PreparedOperation {
  if (op.type !== "create_type" || op.name === undefined) return op;
  const to = finalName.get(op.name);
  return to === undefined ? op : { ...op, name: to };
}

/** Tables and columns the up creates: renaming them is undone by undoing their creation. */
function createdInUp(up: PreparedOperation[]): Set<string> {
  const created = new Set<string>();
  for (const op of up) {
    if (op.type === "create_table" && op.table) created.add(`table:${op.table}`);
    if (op.type === "add_column" && op.table && op.column) created.add(`column:${op.table}.${op.column}`);
  }
  return created;
}

function hasInterpolatedName(op: PreparedOperation): boolean {
  return [op.table, op.column, op.name, op.to].some((name) => name?.includes("${") === true);
}

export interface Unreversed {
  operation: OperationFact;
  requirement: UndoRequirement;
}

/** The up's changes its down leaves in place, each with what the down should have done. */
export function unreversed(up: OperationFact[], down: OperationFact[], naming: Naming | null): Unreversed[] {
  const renames: Renames = { tables: new Identities(), columns: new Identities() };
  const finalName = typeRenames(up);
  const preparedUp = up.map((op) => identified(withFinalTypeName(withDefaultName(op, naming), finalName), renames));
  // The down starts where the up ends: its names map back to the same identities.
  const downRenames: Renames = { tables: renames.tables.copy(), columns: renames.columns.copy() };
  const preparedDown = down.map((op) => identified(withDefaultName(op, naming), downRenames));
  const gone = nettedOut(preparedUp);
  const parents = attachedParents(preparedUp);
  const created = createdInUp(preparedUp);
  const rebuilt = rebuiltTables(preparedUp);
  const undone = new DownIndex(preparedDown);
  const requirements = preparedUp.map((op, i) => (gone.has(i) ? null : undoRequirement(op, rebuilt)));
  return preparedUp.flatMap((op, i) => {
    const requirement = requirements[i] ?? null;
    if (requirement === null || requirement.satisfied(undone)) return [];
    // A name the script builds at run time (`${getId(table + '_pkey')}`) cannot be matched by text.
    if (hasInterpolatedName(op)) return [];
    if (op.type === "rename_table" && created.has(`table:${op.table}`)) return [];
    if (op.type === "rename_column" && created.has(`column:${op.table}.${op.column}`)) return [];
    const parent = parents.get(i);
    const parentRequirement = parent === undefined ? null : requirements[parent];
    if (parentRequirement?.satisfied(undone)) return [];
    const operation = up[i];
    return operation === undefined ? [] : [{ operation, requirement }];
  });
}
