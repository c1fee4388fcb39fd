// migrations/no-drop-table: DROP TABLE and TRUNCATE of a table that running code may still use.
import { defineRule } from "@deploylint/core/rule-api";
import { docsUrl, migrationOf, rebuildOperations, upOperations } from "../model/index.js";

export default defineRule({
  id: "no-drop-table",
  meta: {
    description: "Disallow dropping or truncating an existing table in a migration.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    presets: { recommended: "error", strict: "error" },
    messages: {
      dropTable:
        "Dropping table {{table}} breaks every running instance that still queries it and destroys its data, which a rollback of the code cannot bring back.",
      truncate:
        "Truncating table {{table}} deletes all of its rows at deploy time; no rollback brings them back, and it takes an ACCESS EXCLUSIVE lock.",
    },
    help: "Stop using the table in code first and deploy that; drop it in a later migration after a backup, or suppress this line with the reason it is safe.",
    docs: { url: docsUrl("no-drop-table") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationOf(ctx);
        if (migration === null) return;
        const rebuild = rebuildOperations(migration);
        for (const { operation, index, newTable } of upOperations(migration)) {
          if (newTable || rebuild.has(index)) continue;
          if (operation.type === "drop_table") {
            ctx.report({ messageId: "dropTable", data: { table: operation.table }, range: operation.range });
          } else if (operation.type === "truncate") {
            ctx.report({ messageId: "truncate", data: { table: operation.table }, range: operation.range });
          }
        }
      },
    };
  },
});
