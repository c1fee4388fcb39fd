// migrations/require-concurrent-index-drop: DROP INDEX takes an ACCESS EXCLUSIVE lock on the table.
import { defineRule } from "@deploylint/core/rule-api";
import {
  docsUrl,
  isPostgres,
  MIGRATION_FILES,
  migrationToCheck,
  outsideTransactionHelp,
  upOperations,
} from "../model/index.js";

export default defineRule({
  id: "require-concurrent-index-drop",
  meta: {
    description: "Require DROP INDEX CONCURRENTLY for indexes of existing tables (PostgreSQL).",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "warn", strict: "error" },
    messages: {
      notConcurrent:
        "DROP INDEX {{index}} without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on its table, blocking reads and writes while it waits for running queries.",
    },
    help: "Use DROP INDEX CONCURRENTLY in a migration of its own that runs outside a transaction.",
    docs: { url: docsUrl("require-concurrent-index-drop") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null || !isPostgres(migration.dialect)) return;
        for (const { operation, newIndexes } of upOperations(migration)) {
          if (operation.type !== "drop_index" || operation.concurrently || newIndexes.has(operation.name)) continue;
          ctx.report({
            messageId: "notConcurrent",
            data: { index: operation.name },
            help: outsideTransactionHelp(migration.framework, "DROP INDEX CONCURRENTLY"),
            range: operation.range,
          });
        }
      },
    };
  },
});
