// migrations/no-drop-column: dropping a column that the running application may still read.
import { defineRule } from "@deploylint/core/rule-api";
import { byStatement, docsUrl, MIGRATION_FILES, migrationToCheck, nameList, type OperationOf } from "../model/index.js";

export default defineRule({
  id: "no-drop-column",
  meta: {
    description: "Disallow dropping a column of an existing table in a migration.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "error", strict: "error" },
    messages: {
      dropColumn:
        "Dropping column {{column}} of {{table}} breaks every running instance that still reads or writes it, because the deploy runs the migration before the old code is gone.",
      dropColumns:
        "Dropping columns {{columns}} of {{table}} breaks every running instance that still reads or writes them, because the deploy runs the migration before the old code is gone.",
    },
    help: "Stop reading and writing the column first (ignore it in the ORM), deploy that, then drop the column in a later migration.",
    docs: { url: docsUrl("no-drop-column") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null) return;
        // Only the up section is judged: a down undoes the migration's own changes.
        // Tables created so far, kept as we go (a rescan per DROP COLUMN made long migrations quadratic).
        const created = new Set<string>();
        const dropped: OperationOf<"drop_column">[] = [];
        for (const operation of migration.up) {
          if (operation.type === "create_table") created.add(operation.table);
          if (operation.type === "drop_column" && !created.has(operation.table)) dropped.push(operation);
        }
        // An ALTER TABLE dropping several columns is one decision: one finding naming them all.
        for (const statement of byStatement(dropped)) {
          const first = statement[0];
          if (first === undefined) continue;
          // One ALTER TABLE changes one table, so the statement's columns all belong to `first.table`.
          const columns = statement.map((operation) => operation.column);
          ctx.report({
            messageId: new Set(columns).size === 1 ? "dropColumn" : "dropColumns",
            data: { column: first.column, columns: nameList(columns), table: first.table },
            range: first.range,
          });
        }
      },
    };
  },
});
