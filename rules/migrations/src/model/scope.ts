// The up operations a rule judges, each with whether its table is new in this migration: a table
// created earlier in the same migration is empty and unseen by running code, so changing it is safe.
import type { Migration, Operation } from "./types.js";

export interface JudgedOperation {
  operation: Operation;
  index: number;
  /** The operation's table was created earlier in this migration (or renamed from such a table). */
  newTable: boolean;
  /** Names of indexes created earlier in this migration. */
  newIndexes: ReadonlySet<string>;
}

function tableOf(operation: Operation): string | null {
  return "table" in operation && typeof operation.table === "string" ? operation.table : null;
}

/** The up operations in order, with the same-migration exemption worked out. */
export function upOperations(migration: Migration): JudgedOperation[] {
  const created = new Set<string>();
  const indexes = new Set<string>();
  return migration.up.map((operation, index) => {
    const table = tableOf(operation);
    const judged: JudgedOperation = {
      operation,
      index,
      newTable: table !== null && table !== "" && created.has(table),
      newIndexes: new Set(indexes),
    };
    if (operation.type === "create_table") created.add(operation.table);
    if (operation.type === "rename_table" && created.has(operation.table)) created.add(operation.to);
    if (operation.type === "drop_table") created.delete(operation.table);
    if (operation.type === "create_index" && operation.name !== null) indexes.add(operation.name);
    return judged;
  });
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
