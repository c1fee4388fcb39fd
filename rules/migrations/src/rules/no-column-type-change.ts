// migrations/no-column-type-change: changing a column's type rewrites the table under an ACCESS
// EXCLUSIVE lock and breaks running code that reads the old type; binary-compatible widenings
// are allowed. A project rule: the old type comes from the earlier migrations of the folder.
import { defineRule } from "@deploylint/core/rule-api";
import {
  byVersion,
  compareTypes,
  docsUrl,
  groupMigrations,
  MIGRATION_FACT,
  type MigrationFact,
  type MigrationGroup,
  type OperationFact,
} from "../model/index.js";

/**
 * Column types as the migrations so far leave them, table by table: renaming or dropping a table
 * moves or drops its own map, where scanning every known column per rename made it quadratic.
 */
class ColumnTypes {
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
}

export default defineRule({
  id: "no-column-type-change",
  scope: "project",
  meta: {
    description: "Disallow changing the type of an existing column, except binary-compatible widenings.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    facts: [MIGRATION_FACT],
    presets: { recommended: "error", strict: "error" },
    messages: {
      typeChange:
        "Changing {{table}}.{{column}} from {{from}} to {{to}} rewrites the table under an ACCESS EXCLUSIVE lock, and running code that reads or writes the old type may fail.",
      typeChangeUnknown:
        "Changing the type of {{table}}.{{column}} to {{to}} can rewrite the table under an ACCESS EXCLUSIVE lock, and running code that reads or writes the old type may fail.",
    },
    help: "Add a column of the new type, write both, backfill in batches, switch reads, then drop the old column (expand and contract).",
    docs: { url: docsUrl("no-column-type-change") },
  },
  check(ctx) {
    const groups = groupMigrations(ctx.facts<MigrationFact>(MIGRATION_FACT)).filter((g) => g.up?.up);
    const roots = new Map<string, MigrationGroup[]>();
    for (const group of groups) {
      const list = roots.get(group.root);
      if (list) list.push(group);
      else roots.set(group.root, [group]);
    }
    for (const list of roots.values()) {
      const types = new ColumnTypes();
      for (const group of list.sort(byVersion)) {
        const file = group.up?.path ?? "";
        const created = new Set<string>();
        for (const op of group.up?.up?.operations ?? []) {
          if (op.type === "create_table" && op.table) created.add(op.table);
          if (op.type === "alter_column_type" && op.table && !created.has(op.table)) {
            const from = types.get(op.table, op.column ?? "");
            const to = op.dataType ?? "";
            const change = from === undefined ? "change" : compareTypes(from, to);
            if (change === "change") {
              const location = { file, line: op.line, column: op.col, endLine: op.endLine, endColumn: op.endCol };
              const names = { table: op.table, column: op.column ?? "", to };
              if (from === undefined) ctx.report({ messageId: "typeChangeUnknown", data: names, ...location });
              else ctx.report({ messageId: "typeChange", data: { ...names, from }, ...location });
            }
          }
          types.apply(op);
        }
      }
    }
  },
});
