// migrations/no-rename-column: renaming a column that running code reads by its old name.
import { defineRule } from "@deploylint/core/rule-api";
import { docsUrl, MIGRATION_FILES, migrationToCheck, upOperations } from "../model/index.js";

export default defineRule({
  id: "no-rename-column",
  meta: {
    description: "Disallow renaming a column of an existing table (RENAME COLUMN, MySQL CHANGE).",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "error", strict: "error" },
    messages: {
      renameColumn:
        "Renaming column {{column}} of {{table}} to {{to}} breaks every running instance that still uses the old name, from the moment the migration runs until the new code is everywhere.",
    },
    help: "Expand and contract: add the new column, write both, backfill, switch reads, then drop the old column in a later migration (or use a view).",
    docs: { url: docsUrl("no-rename-column") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null) return;
        for (const { operation, newTable } of upOperations(migration)) {
          if (operation.type !== "rename_column" || newTable) continue;
          ctx.report({
            messageId: "renameColumn",
            data: { column: operation.column, table: operation.table, to: operation.to },
            range: operation.range,
          });
        }
      },
    };
  },
});
