// migrations/no-drop-column: dropping a column that the running application may still read.
import { defineRule } from "@deploylint/core/rule-api";
import { migrationOf } from "../model/index.js";

export default defineRule({
  id: "no-drop-column",
  meta: {
    description: "Disallow dropping a column of an existing table in a migration.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    presets: { recommended: "error", strict: "error" },
    messages: {
      dropColumn:
        "Dropping column {{column}} of {{table}} breaks every running instance that still reads or writes it, because the deploy runs the migration before the old code is gone.",
    },
    help: "Stop reading and writing the column first (ignore it in the ORM), deploy that, then drop the column in a later migration.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/migrations/no-drop-column.md" },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationOf(ctx);
        if (migration === null) return;
        // Only the up section is judged: a down undoes the migration's own changes.
        // Tables created so far, kept as we go (a rescan per DROP COLUMN made long migrations quadratic).
        const created = new Set<string>();
        migration.up.forEach((operation) => {
          if (operation.type === "create_table") created.add(operation.table);
          if (operation.type !== "drop_column") return;
          if (created.has(operation.table)) return;
          ctx.report({
            messageId: "dropColumn",
            data: { column: operation.column, table: operation.table },
            range: operation.range,
          });
        });
      },
    };
  },
});
