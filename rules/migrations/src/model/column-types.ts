// Column types as a folder's migrations leave them, replayed operation by operation, so that a
// project rule knows the type a column had before a migration changes it.
import type { OperationFact, SectionFact } from "./facts.js";

/** A type name as PostgreSQL resolves it: unquoted, lower-case, without the default schema. */
export function typeKey(text: string): string {
  return text
    .trim()
    .replace(/"/g, "")
    .toLowerCase()
    .replace(/^public\./, "");
}

/**
 * Column types table by table: renaming or dropping a table moves or drops its own map, where
 * scanning every known column per rename made it quadratic.
 */
export class ColumnTypes {
  private readonly tables = new Map<string, Map<string, string>>();

  apply(op: OperationFact): void {
    const table = op.table ?? "";
    if (op.type === "create_table") {
      for (const column of op.columns ?? []) this.set(table, column.column, column.dataType);
    } else if ((op.type === "add_column" || op.type === "alter_column_type") && op.dataType) {
      this.set(table, op.column ?? "", op.dataType);
    } else if (op.type === "drop_column") {
      this.tables.get(table)?.delete(op.column ?? "");
    } else if (op.type === "rename_column") {
      this.moveColumn(table, op.column ?? "", op.to ?? "");
    } else if (op.type === "rename_table") {
      this.moveTable(table, op.to ?? "");
    } else if (op.type === "drop_table") {
      this.tables.delete(table);
    } else if (op.type === "rename_type" && op.name && op.to) {
      this.renameType(op.name, op.to);
    }
  }

  get(table: string, column: string): string | undefined {
    return this.tables.get(table)?.get(column);
  }

  private set(table: string, column: string, type: string): void {
    const columns = this.tables.get(table);
    if (columns) columns.set(column, type);
    else this.tables.set(table, new Map([[column, type]]));
  }

  private moveColumn(table: string, from: string, to: string): void {
    const columns = this.tables.get(table);
    const type = columns?.get(from);
    columns?.delete(from);
    if (type !== undefined) this.set(table, to, type);
  }

  /** The renamed table's columns replace same-named columns of a table already called `to`. */
  private moveTable(from: string, to: string): void {
    const columns = this.tables.get(from);
    if (columns === undefined || from === to) return;
    this.tables.delete(from);
    const existing = this.tables.get(to);
    if (existing === undefined) this.tables.set(to, columns);
    else for (const [column, type] of columns) existing.set(column, type);
  }

  /**
   * Columns of a renamed type keep it under its new name: after `ALTER TYPE role RENAME TO role_old;
   * CREATE TYPE role …`, a column altered to `role` really changes type. Rare, so a full scan is fine.
   */
  private renameType(from: string, to: string): void {
    const key = typeKey(from);
    for (const columns of this.tables.values()) {
      for (const [column, type] of columns) {
        const element = type.trim().replace(/\[\]$/, "");
        if (typeKey(element) === key) columns.set(column, `${to}${type.trim().slice(element.length)}`);
      }
    }
  }
}

/**
 * The types a migration's down sets its columns back to, by table and column: what those columns
 * were before the up, when the history that created them is not in the folder (logto keeps its base
 * schema apart from its alterations). A column the down alters twice says nothing certain: left out.
 */
export class TypesRestoredByDown {
  private readonly types = new Map<string, string | null>();

  constructor(down: Pick<SectionFact, "operations"> | null | undefined) {
    for (const op of down?.operations ?? []) {
      if (op.type !== "alter_column_type" || !op.table || !op.column || !op.dataType) continue;
      const key = keyOf(op.table, op.column);
      this.types.set(key, this.types.has(key) ? null : op.dataType);
    }
  }

  get(table: string, column: string): string | undefined {
    return this.types.get(keyOf(table, column)) ?? undefined;
  }
}

function keyOf(table: string, column: string): string {
  return `${table}\u0000${column}`;
}
