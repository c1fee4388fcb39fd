// migrations/no-rename-table: renaming a table that running code queries by its old name.
import { defineRule } from "@deploylint/core/rule-api";
import { docsUrl, MIGRATION_FILES, migrationToCheck, rebuildOperations, upOperations } from "../model/index.js";

export default defineRule({
  id: "no-rename-table",
  meta: {
    description: "Disallow renaming an existing table (ALTER TABLE … RENAME TO, RENAME TABLE).",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "error", strict: "error" },
    messages: {
      renameTable:
        "Renaming table {{table}} to {{to}} breaks every running instance that still queries the old name until the new code is everywhere.",
    },
    help: "Create the new table (or a view with the new name), move readers and writers over in steps, then drop the old name in a later migration.",
    docs: { url: docsUrl("no-rename-table") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null) return;
        const rebuild = rebuildOperations(migration);
        for (const { operation, index, newTable } of upOperations(migration)) {
          if (operation.type !== "rename_table" || newTable || rebuild.has(index)) continue;
          ctx.report({
            messageId: "renameTable",
            data: { table: operation.table, to: operation.to },
            range: operation.range,
          });
        }
      },
    };
  },
});
