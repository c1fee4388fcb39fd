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

/** Column types as the migrations so far leave them, keyed by "table.column". */
class ColumnTypes {
  private readonly types = new Map<string, string>();

  apply(op: OperationFact): void {
    const table = op.table ?? "";
    if (op.type === "create_table") {
      for (const column of op.columns ?? []) this.types.set(`${table}.${column.column}`, column.dataType);
    } else if ((op.type === "add_column" || op.type === "alter_column_type") && op.dataType) {
      this.types.set(`${table}.${op.column}`, op.dataType);
    } else if (op.type === "drop_column") {
      this.types.delete(`${table}.${op.column}`);
    } else if (op.type === "rename_column") {
      this.move(`${table}.${op.column}`, `${table}.${op.to}`);
    } else if (op.type === "rename_table") {
      for (const key of [...this.types.keys()].filter((k) => k.startsWith(`${table}.`))) {
        this.move(key, `${op.to}.${key.slice(table.length + 1)}`);
      }
    } else if (op.type === "drop_table") {
      for (const key of [...this.types.keys()].filter((k) => k.startsWith(`${table}.`))) this.types.delete(key);
    }
  }

  get(table: string, column: string): string | undefined {
    return this.types.get(`${table}.${column}`);
  }

  private move(from: string, to: string): void {
    const type = this.types.get(from);
    this.types.delete(from);
    if (type !== undefined) this.types.set(to, type);
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
