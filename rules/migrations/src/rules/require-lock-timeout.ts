// migrations/require-lock-timeout: a DDL statement that waits for an ACCESS EXCLUSIVE lock queues
// every later query on the table behind it; a lock timeout makes it give up instead.
import { defineRule } from "@deploylint/core/rule-api";
import {
  docsUrl,
  isMysql,
  isPostgres,
  MIGRATION_FILES,
  migrationToCheck,
  type Operation,
  upOperations,
} from "../model/index.js";

/** Operations that take an ACCESS EXCLUSIVE lock (PostgreSQL) or a metadata lock (MySQL) on an existing table. */
function locksTable(operation: Operation): boolean {
  switch (operation.type) {
    case "add_column":
    case "drop_column":
    case "rename_column":
    case "rename_table":
    case "alter_column_type":
    case "set_not_null":
    case "add_constraint":
    case "drop_constraint":
    case "drop_table":
    case "truncate":
      return true;
    case "drop_index":
      return !operation.concurrently;
    case "maintenance":
      return (
        (operation.verb === "vacuum" && operation.full) ||
        operation.verb === "cluster" ||
        operation.verb === "lock_table"
      );
    default:
      return false;
  }
}

/**
 * Whether the operation sets the lock timeout itself: `SET [SESSION|LOCAL] lock_timeout` or
 * PostgreSQL's `set_config('lock_timeout', …)`. Only the exact name counts: `SET myapp.lock_timeout`
 * is a custom setting PostgreSQL stores and never reads, so the DDL after it still waits forever.
 */
function setsTimeout(operation: Operation, statementText: string, setting: string, postgres: boolean): boolean {
  if (operation.type === "set") return operation.name === setting;
  return postgres && /\bset_config\s*\(\s*'lock_timeout'\s*,/i.test(statementText);
}

export default defineRule({
  id: "require-lock-timeout",
  meta: {
    description: "Require a lock timeout before DDL that takes an exclusive lock on an existing table.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "off", strict: "error" },
    messages: {
      noLockTimeout:
        "This statement takes an exclusive lock on {{table}} with no {{setting}} set before it: while it waits behind a long query, every other query on the table queues behind it.",
    },
    help: "Start the migration with SET lock_timeout = '5s' (MySQL: SET SESSION lock_wait_timeout = 5) and retry the deploy when it times out.",
    docs: { url: docsUrl("require-lock-timeout") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null) return;
        const postgres = isPostgres(migration.dialect);
        if (!postgres && !isMysql(migration.dialect)) return;
        const setting = postgres ? "lock_timeout" : "lock_wait_timeout";
        let timeout = false;
        for (const { operation, newTable } of upOperations(migration)) {
          const text = migration.statements[operation.statementIndex]?.text ?? "";
          if (setsTimeout(operation, text, setting, postgres)) timeout = true;
          if (timeout || newTable || !locksTable(operation)) continue;
          const table = "table" in operation ? operation.table : "";
          ctx.report({
            messageId: "noLockTimeout",
            data: { table: table || "the table", setting },
            help: postgres
              ? "Start the migration with SET lock_timeout = '5s' and retry the deploy when it times out."
              : "Start the migration with SET SESSION lock_wait_timeout = 5 and retry the deploy when it times out.",
            range: operation.range,
          });
          // One finding per migration: the fix is one SET at the top.
          return;
        }
      },
    };
  },
});
