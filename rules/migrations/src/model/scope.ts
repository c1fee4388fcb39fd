// The up operations a rule judges, each with whether its table is new in this migration: a table
// created earlier in the same migration is empty and unseen by running code, so changing it is safe.
import { EmptiedTables } from "./emptied-tables.js";
import type { Migration, Operation } from "./types.js";

export interface JudgedOperation {
  operation: Operation;
  index: number;
  /** The operation's table was created earlier in this migration (or renamed from such a table). */
  newTable: boolean;
  /**
   * The operation's table holds no rows: new in this migration, or emptied earlier in it (a DELETE
   * without WHERE, a TRUNCATE) and not written to since. A required column or a rewrite cannot fail
   * or take long on it; running code still sees it, so only rules about the rows may use this.
   */
  emptyTable: boolean;
  /** Names of indexes created earlier in this migration. */
  newIndexes: NameLookup;
}

/** Membership test over names; a view rather than a copied Set, so that each operation costs O(1). */
export interface NameLookup {
  has(name: string): boolean;
}

function tableOf(operation: Operation): string | null {
  return "table" in operation && typeof operation.table === "string" ? operation.table : null;
}

// Every rule of the pack asks for the judged operations of the same migration: work them out once.
const judgedByMigration = new WeakMap<Migration, JudgedOperation[]>();

/** The up operations in order, with the same-migration exemption worked out (linear in their number). */
export function upOperations(migration: Migration): JudgedOperation[] {
  const cached = judgedByMigration.get(migration);
  if (cached !== undefined) return cached;
  const created = new Set<string>();
  const emptied = new EmptiedTables();
  // Where each index name was first created: "created earlier than operation i" is one comparison,
  // where a snapshot Set per operation made a long migration quadratic.
  const indexCreatedAt = new Map<string, number>();
  const judged = migration.up.map((operation, index) => {
    const table = tableOf(operation);
    const entry: JudgedOperation = {
      operation,
      index,
      newTable: table !== null && table !== "" && created.has(table),
      emptyTable: table !== null && table !== "" && (created.has(table) || emptied.has(table)),
      newIndexes: { has: (name) => (indexCreatedAt.get(name) ?? index) < index },
    };
    if (operation.type === "create_table") created.add(operation.table);
    if (operation.type === "rename_table" && created.has(operation.table)) created.add(operation.to);
    if (operation.type === "drop_table") created.delete(operation.table);
    emptied.apply(operation);
    if (operation.type === "create_index" && operation.name !== null && !indexCreatedAt.has(operation.name)) {
      indexCreatedAt.set(operation.name, index);
    }
    return entry;
  });
  judgedByMigration.set(migration, judged);
  return judged;
}

/** Up operations of one type, on tables that existed before this migration. */
export function existingTableOperations<T extends Operation["type"]>(
  migration: Migration,
  type: T,
): Extract<Operation, { type: T }>[] {
  return upOperations(migration)
    .filter((judged) => judged.operation.type === type && !judged.newTable)
    .map((judged) => judged.operation as Extract<Operation, { type: T }>);
}
