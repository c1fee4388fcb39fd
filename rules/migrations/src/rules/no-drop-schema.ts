// migrations/no-drop-schema: DROP SCHEMA and DROP DATABASE, which take every table in them along.
import { defineRule } from "@deploylint/core/rule-api";
import { docsUrl, MIGRATION_FILES, migrationToCheck } from "../model/index.js";

export default defineRule({
  id: "no-drop-schema",
  meta: {
    description: "Disallow dropping a schema or a database in a migration.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "error", strict: "error" },
    messages: {
      dropSchema:
        "Dropping schema {{name}} drops every table, view and function in it, with their data, while running code still uses them.",
      dropDatabase:
        "Dropping database {{name}} from a migration destroys all of its data; no rollback of the deploy brings it back.",
    },
    help: "Drop schemas and databases by hand, after a backup, outside the deploy; a migration should only change objects the application owns.",
    docs: { url: docsUrl("no-drop-schema") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null) return;
        for (const operation of migration.up) {
          if (operation.type === "drop_schema") {
            ctx.report({ messageId: "dropSchema", data: { name: operation.name }, range: operation.range });
          } else if (operation.type === "drop_database") {
            ctx.report({ messageId: "dropDatabase", data: { name: operation.name }, range: operation.range });
          }
        }
      },
    };
  },
});
