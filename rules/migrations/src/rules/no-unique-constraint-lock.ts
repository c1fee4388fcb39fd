// migrations/no-unique-constraint-lock: ADD UNIQUE / ADD PRIMARY KEY builds an index while holding
// an ACCESS EXCLUSIVE lock; building the index concurrently first and attaching it avoids that.
import { defineRule } from "@deploylint/core/rule-api";
import {
  constraintLabel,
  docsUrl,
  isPostgres,
  MIGRATION_FILES,
  migrationToCheck,
  upOperations,
} from "../model/index.js";

export default defineRule({
  id: "no-unique-constraint-lock",
  meta: {
    description: "Disallow ADD UNIQUE and ADD PRIMARY KEY on an existing table without USING INDEX (PostgreSQL).",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "warn", strict: "error" },
    messages: {
      uniqueLock:
        "Adding {{kind}} {{name}} to {{table}} builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes for the whole build.",
    },
    help: "CREATE UNIQUE INDEX CONCURRENTLY first (its own migration), then ADD CONSTRAINT … UNIQUE USING INDEX (or PRIMARY KEY USING INDEX).",
    docs: { url: docsUrl("no-unique-constraint-lock") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null || !isPostgres(migration.dialect)) return;
        for (const { operation, newTable } of upOperations(migration)) {
          if (operation.type !== "add_constraint" || newTable || operation.usingIndex) continue;
          if (operation.kind !== "unique" && operation.kind !== "primary_key") continue;
          ctx.report({
            messageId: "uniqueLock",
            data: {
              kind: operation.kind === "unique" ? "UNIQUE" : "PRIMARY KEY",
              name: constraintLabel(operation),
              table: operation.table,
            },
            range: operation.range,
          });
        }
      },
    };
  },
});
