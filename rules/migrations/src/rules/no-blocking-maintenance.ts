// migrations/no-blocking-maintenance: REINDEX, DETACH PARTITION without CONCURRENTLY and LOCK TABLE
// hold locks that block the application for as long as they run.
import { defineRule } from "@deploylint/core/rule-api";
import { docsUrl, isPostgres, MIGRATION_FILES, migrationToCheck, upOperations } from "../model/index.js";

export default defineRule({
  id: "no-blocking-maintenance",
  meta: {
    description:
      "Disallow REINDEX and DETACH PARTITION without CONCURRENTLY, and LOCK TABLE, in migrations (PostgreSQL).",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "warn", strict: "error" },
    messages: {
      reindex: "REINDEX without CONCURRENTLY blocks writes to {{table}} (and reads that use the index) until it ends.",
      detach:
        "DETACH PARTITION without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on {{table}}, blocking reads and writes while it waits and runs.",
      lockTable: "LOCK TABLE {{table}} blocks the application's queries on it for the rest of the transaction.",
    },
    help: "Use REINDEX CONCURRENTLY / DETACH PARTITION … CONCURRENTLY (PostgreSQL 12+/14+) outside a transaction, and avoid explicit table locks in deploys.",
    docs: { url: docsUrl("no-blocking-maintenance") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null || !isPostgres(migration.dialect)) return;
        for (const { operation, newTable } of upOperations(migration)) {
          if (operation.type !== "maintenance" || newTable || operation.concurrently) continue;
          const data = { table: operation.table || "the table" };
          if (operation.verb === "reindex") ctx.report({ messageId: "reindex", data, range: operation.range });
          else if (operation.verb === "detach_partition")
            ctx.report({ messageId: "detach", data, range: operation.range });
          else if (operation.verb === "lock_table")
            ctx.report({ messageId: "lockTable", data, range: operation.range });
        }
      },
    };
  },
});
