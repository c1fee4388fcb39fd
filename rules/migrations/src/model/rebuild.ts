// SQLite cannot alter most of a table, so migrations rebuild it: create a new table, copy the rows,
// drop the old one and rename the new one into place (or rename the old one away first). Those
// drops and renames keep the table; they are not the destructive changes they look like.
import type { Migration } from "./types.js";

/**
 * Indexes (into migration.up) of drop_table and rename_table operations that are part of a rebuild.
 * One pass forward (where each table is first and last created) and one backward (what comes later),
 * so a migration of 200,000 statements costs no more than its length.
 */
export function rebuildOperations(migration: Migration): Set<number> {
  const ops = migration.up;
  const firstCreated = new Map<string, number>();
  const lastCreated = new Map<string, number>();
  ops.forEach((op, i) => {
    if (op.type !== "create_table") return;
    if (!firstCreated.has(op.table)) firstCreated.set(op.table, i);
    lastCreated.set(op.table, i);
  });
  const createdBy = (table: string, i: number) => (firstCreated.get(table) ?? Number.POSITIVE_INFINITY) <= i;

  const exempt = new Set<number>();
  // Both maps describe only the operations after i while operation i is judged.
  const nextDrop = new Map<string, number>();
  // Target name -> earliest creation of a table that a later rename moves into it.
  const renamedIntoFromCreated = new Map<string, number>();
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i];
    if (op === undefined) continue;
    // create new_t …; drop t; rename new_t to t (new_t created by now, renamed later)
    if (op.type === "drop_table") {
      if ((renamedIntoFromCreated.get(op.table) ?? Number.POSITIVE_INFINITY) <= i) exempt.add(i);
      nextDrop.set(op.table, i);
    }
    if (op.type === "rename_table") {
      // rename t to t_old; create t …; drop t_old
      if (!createdBy(op.table, i) && (lastCreated.get(op.table) ?? -1) > i) {
        exempt.add(i);
        const drop = nextDrop.get(op.to);
        if (drop !== undefined) exempt.add(drop);
      }
      const created = firstCreated.get(op.table);
      if (created !== undefined) {
        renamedIntoFromCreated.set(op.to, Math.min(renamedIntoFromCreated.get(op.to) ?? created, created));
      }
    }
  }
  return exempt;
}
