// migrations/no-unbatched-backfill: an UPDATE or DELETE of every row of an existing table in a
// migration locks those rows for the length of the deploy and bloats the table.
import { defineRule } from "@deploylint/core/rule-api";
import { docsUrl, MIGRATION_FILES, migrationToCheck, upOperations } from "../model/index.js";

export default defineRule({
  id: "no-unbatched-backfill",
  meta: {
    description: "Disallow UPDATE and DELETE without WHERE or a batch bound on existing tables in migrations.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "error", strict: "error" },
    messages: {
      unbatched:
        "This {{verb}} changes every row of {{table}} in one statement: it locks all of them until the migration commits and can run for minutes on a large table, blocking the deploy and the application.",
    },
    help: "Backfill in batches (WHERE id BETWEEN … or LIMIT, committed one by one), ideally as a background job after the deploy.",
    docs: { url: docsUrl("no-unbatched-backfill") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null) return;
        // A table created or emptied earlier in this migration has no rows to scan, rewrite or update.
        for (const { operation, emptyTable } of upOperations(migration)) {
          if (operation.type !== "dml" || emptyTable) continue;
          if (operation.verb !== "update" && operation.verb !== "delete") continue;
          if (operation.hasWhere || operation.batched) continue;
          ctx.report({
            messageId: "unbatched",
            data: { verb: operation.verb.toUpperCase(), table: operation.table },
            range: operation.range,
          });
        }
      },
    };
  },
});
