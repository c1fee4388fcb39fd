// migrations/no-drop-table: DROP TABLE and TRUNCATE of a table that running code may still use.
import { defineRule } from "@deploylint/core/rule-api";
import { byStatement, docsUrl, migrationOf, nameList, rebuildOperations, upOperations } from "../model/index.js";

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
      dropTables:
        "Dropping tables {{tables}} breaks every running instance that still queries them and destroys their data, which a rollback of the code cannot bring back.",
      truncate:
        "Truncating table {{table}} deletes all of its rows at deploy time; no rollback brings them back, and it takes an ACCESS EXCLUSIVE lock.",
      truncateTables:
        "Truncating tables {{tables}} deletes all of their rows at deploy time; no rollback brings them back, and it takes an ACCESS EXCLUSIVE lock on each.",
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
        const judged = upOperations(migration)
          .filter(({ index, newTable }) => !newTable && !rebuild.has(index))
          .map(({ operation }) => operation);
        // `DROP TABLE a, b, c` is one decision: one finding naming every table it drops.
        for (const verb of ["drop_table", "truncate"] as const) {
          for (const statement of byStatement(judged.filter((operation) => operation.type === verb))) {
            const first = statement[0];
            if (first === undefined || !("table" in first)) continue;
            const tables = statement.map((operation) => ("table" in operation ? operation.table : ""));
            const single = new Set(tables).size === 1;
            const messageId =
              verb === "drop_table" ? (single ? "dropTable" : "dropTables") : single ? "truncate" : "truncateTables";
            ctx.report({ messageId, data: { table: first.table, tables: nameList(tables) }, range: first.range });
          }
        }
      },
    };
  },
});
