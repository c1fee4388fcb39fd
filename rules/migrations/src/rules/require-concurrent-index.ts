// migrations/require-concurrent-index: building an index on an existing table blocks its writes
// unless it is built concurrently (PostgreSQL) or online (MySQL ALGORITHM=INPLACE, LOCK=NONE).
import { defineRule } from "@deploylint/core/rule-api";
import type { Operation } from "../model/index.js";
import {
  docsUrl,
  isMysql,
  isPostgres,
  MIGRATION_FILES,
  migrationToCheck,
  outsideTransactionHelp,
  upOperations,
} from "../model/index.js";

const MYSQL_HELP =
  "Add ALGORITHM=INPLACE, LOCK=NONE to the statement: MySQL then builds the index while writes go on, or refuses the statement instead of locking.";

export default defineRule({
  id: "require-concurrent-index",
  meta: {
    description:
      "Require CREATE INDEX CONCURRENTLY (PostgreSQL) or ALGORITHM=INPLACE, LOCK=NONE (MySQL) on existing tables.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "error", strict: "error" },
    messages: {
      notConcurrent:
        "Index {{index}} on {{table}} is built without CONCURRENTLY: the build holds a SHARE lock that blocks every INSERT, UPDATE and DELETE on the table until it finishes.",
      notOnline:
        "Index {{index}} on {{table}} is built without ALGORITHM=INPLACE, LOCK=NONE: MySQL may copy the table or block writes while it builds.",
    },
    help: "Use CREATE INDEX CONCURRENTLY in a migration of its own that runs outside a transaction (the finding names the framework's switch); on MySQL add ALGORITHM=INPLACE, LOCK=NONE.",
    docs: { url: docsUrl("require-concurrent-index") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null) return;
        const postgres = isPostgres(migration.dialect);
        const mysql = isMysql(migration.dialect);
        if (!postgres && !mysql) return;
        const online = onlineStatements(migration.up);
        const help = postgres ? outsideTransactionHelp(migration.framework, "CREATE INDEX CONCURRENTLY") : MYSQL_HELP;
        for (const { operation, newTable } of upOperations(migration)) {
          if (operation.type !== "create_index" || newTable) continue;
          const data = { index: operation.name ?? "(unnamed)", table: operation.table };
          if (postgres && !operation.concurrently) {
            ctx.report({ messageId: "notConcurrent", data, help, range: operation.range });
          } else if (mysql && !operation.online && !online.has(operation.statementIndex)) {
            ctx.report({ messageId: "notOnline", data, help, range: operation.range });
          }
        }
      },
    };
  },
});

/**
 * Statements (by index) that say ALGORITHM=INPLACE|INSTANT, LOCK=NONE: an ALTER TABLE … ADD INDEX
 * among them runs online. Collected once, not searched for per index.
 */
function onlineStatements(operations: Operation[]): Set<number> {
  const online = new Set<number>();
  for (const op of operations) {
    if (op.type === "table_options" && op.lock === "NONE" && op.algorithm !== "COPY") online.add(op.statementIndex);
  }
  return online;
}
