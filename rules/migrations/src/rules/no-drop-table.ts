// migrations/no-drop-table: DROP TABLE and TRUNCATE of a table that running code may still use.
import { defineRule } from "@deploylint/core/rule-api";
import {
  byStatement,
  docsUrl,
  MIGRATION_FILES,
  migrationToCheck,
  nameList,
  type Operation,
  rebuildOperations,
  upOperations,
} from "../model/index.js";

const MESSAGES = {
  drop_table: { one: "dropTable", many: "dropTables" },
  truncate: { one: "truncate", many: "truncateTables" },
} as const;

// `DROP TABLE IF EXISTS t` then `CREATE TABLE t` is how migrations create a table defensively; the
// statement itself accepts that t may not exist, and on a first deploy it usually does not.
const DROP_IF_EXISTS = /^(?:\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*DROP\s+(?:TEMPORARY\s+)?TABLE\s+IF\s+EXISTS\b/i;

function tableOf(operation: Operation): string {
  return "table" in operation && typeof operation.table === "string" ? operation.table : "";
}

export default defineRule({
  id: "no-drop-table",
  meta: {
    description: "Disallow dropping or truncating an existing table in a migration.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "error", strict: "error" },
    messages: {
      dropTable:
        "Dropping table {{table}} breaks every running instance that still queries it and destroys its data, which a rollback of the code cannot bring back.",
      recreateTable:
        "Dropping table {{table}} and creating it again in this migration destroys its rows, and running code written for its old columns may fail on the new ones.",
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
        const migration = migrationToCheck(ctx);
        if (migration === null) return;
        const rebuild = rebuildOperations(migration);
        // Where each table is last created in this up: a drop before it re-creates the table.
        const createdAt = new Map<string, number>();
        migration.up.forEach((operation, index) => {
          if (operation.type === "create_table") createdAt.set(operation.table, index);
        });
        const createsFresh = ({ operation, index }: { operation: Operation; index: number }) =>
          operation.type === "drop_table" &&
          (createdAt.get(operation.table) ?? -1) > index &&
          DROP_IF_EXISTS.test(migration.statements[operation.statementIndex]?.text ?? "");
        const judged = upOperations(migration)
          .filter((judgedOp) => !judgedOp.newTable && !rebuild.has(judgedOp.index) && !createsFresh(judgedOp))
          .map(({ operation, index }) => ({
            ...operation,
            recreated: (createdAt.get(tableOf(operation)) ?? -1) > index,
          }));
        // `DROP TABLE a, b, c` is one decision: one finding naming every table it drops.
        for (const verb of ["drop_table", "truncate"] as const) {
          for (const statement of byStatement(judged.filter((operation) => operation.type === verb))) {
            const first = statement[0];
            if (first === undefined || !("table" in first)) continue;
            const tables = statement.map((operation) => ("table" in operation ? operation.table : ""));
            const single = new Set(tables).size === 1;
            const recreated = single && verb === "drop_table" && statement.every((operation) => operation.recreated);
            const messageId = recreated ? "recreateTable" : MESSAGES[verb][single ? "one" : "many"];
            ctx.report({ messageId, data: { table: first.table, tables: nameList(tables) }, range: first.range });
          }
        }
      },
    };
  },
});
