// migrations/no-concurrent-in-transaction: CONCURRENTLY (and VACUUM) cannot run inside a transaction
// block; in a file the framework wraps, or between BEGIN and COMMIT, the deploy fails.
import { defineRule } from "@deploylint/core/rule-api";
import {
  cannotRunInTransaction,
  docsUrl,
  isPostgres,
  MIGRATION_FILES,
  migrationToCheck,
  type Operation,
  OUTSIDE_TRANSACTION_SWITCH,
  upTransactions,
} from "../model/index.js";

function statementName(operation: Operation): string {
  switch (operation.type) {
    case "create_index":
      return "CREATE INDEX CONCURRENTLY";
    case "drop_index":
      return "DROP INDEX CONCURRENTLY";
    case "maintenance":
      return operation.verb === "vacuum" ? "VACUUM" : `${operation.verb.replace("_", " ").toUpperCase()} CONCURRENTLY`;
    default:
      return operation.statementKind;
  }
}

export default defineRule({
  id: "no-concurrent-in-transaction",
  meta: {
    description:
      "Disallow CONCURRENTLY operations inside a transaction, explicit or opened by the migration framework.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "error", strict: "error" },
    messages: {
      fileTransaction:
        "This {{statement}} runs between BEGIN and COMMIT, and PostgreSQL refuses it inside a transaction block: the deploy fails.",
      frameworkTransaction:
        "This {{statement}} runs in the transaction {{framework}} wraps this migration in, and PostgreSQL refuses it inside a transaction block: the deploy fails.",
      implicitTransaction:
        "This {{statement}} is sent with the other statements of this file as one query, which PostgreSQL runs as one implicit transaction and refuses it in: the deploy fails.",
    },
    help: "Run the statement outside any transaction: in a migration file of its own, with the framework's opt-out marker.",
    docs: { url: docsUrl("no-concurrent-in-transaction") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null || !isPostgres(migration.dialect)) return;
        const owners = upTransactions(migration);
        migration.up.forEach((operation, index) => {
          const owner = owners[index];
          if (owner === null || owner === undefined || !cannotRunInTransaction(operation)) return;
          const statement = statementName(operation);
          if (owner === "file") {
            ctx.report({ messageId: "fileTransaction", data: { statement }, range: operation.range });
          } else if (owner === "framework") {
            const optOut = OUTSIDE_TRANSACTION_SWITCH[migration.framework];
            ctx.report({
              messageId: "frameworkTransaction",
              data: { statement, framework: migration.framework },
              ...(optOut ? { help: `Put the statement in a migration of its own and ${optOut}.` } : {}),
              range: operation.range,
            });
          } else {
            ctx.report({
              messageId: "implicitTransaction",
              data: { statement },
              help: "Put the statement alone in a migration file of its own.",
              range: operation.range,
            });
          }
        });
      },
    };
  },
});
