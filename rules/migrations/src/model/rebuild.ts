// SQLite cannot alter most of a table, so migrations rebuild it: create a new table, copy the rows,
// drop the old one and rename the new one into place (or rename the old one away first). Those
// drops and renames keep the table; they are not the destructive changes they look like.
import type { Migration } from "./types.js";

/** Indexes (into migration.up) of drop_table and rename_table operations that are part of a rebuild. */
export function rebuildOperations(migration: Migration): Set<number> {
  const ops = migration.up;
  const exempt = new Set<number>();
  const created = new Set<string>();
  ops.forEach((op, i) => {
    if (op.type === "create_table") created.add(op.table);
    const later = ops.slice(i + 1);
    // create new_t …; drop t; rename new_t to t
    if (op.type === "drop_table") {
      const renameInto = later.findIndex((o) => o.type === "rename_table" && o.to === op.table && created.has(o.table));
      if (renameInto !== -1) exempt.add(i);
    }
    // rename t to t_old; create t …; drop t_old
    if (op.type === "rename_table" && !created.has(op.table)) {
      const recreated = later.some((o) => o.type === "create_table" && o.table === op.table);
      if (!recreated) return;
      exempt.add(i);
      const drop = later.findIndex((o) => o.type === "drop_table" && o.table === op.to);
      if (drop !== -1) exempt.add(i + 1 + drop);
    }
  });
  return exempt;
}
