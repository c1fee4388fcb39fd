// migrations/require-not-valid-constraint: adding a FOREIGN KEY or CHECK validates every row under a
// lock that blocks writes; NOT VALID + a separate VALIDATE avoids it.
import { defineRule } from "@deploylint/core/rule-api";
import {
  constraintLabel,
  docsUrl,
  isPostgres,
  MIGRATION_FILES,
  migrationToCheck,
  upOperations,
  upTransactions,
} from "../model/index.js";

export default defineRule({
  id: "require-not-valid-constraint",
  meta: {
    description:
      "Require NOT VALID when adding a foreign key or check constraint to an existing table, and VALIDATE in another transaction.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "error", strict: "error" },
    messages: {
      notValid: "Adding {{kind}} {{name}} to {{table}} checks every existing row while holding {{lock}}.",
      validateSameTransaction:
        "Constraint {{name}} is validated in the same transaction that adds it NOT VALID, so the add's lock is held during the whole validation and NOT VALID gains nothing.",
    },
    help: "Add the constraint with NOT VALID (a brief lock, no scan), then VALIDATE CONSTRAINT in a later migration or outside the transaction.",
    docs: { url: docsUrl("require-not-valid-constraint") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null || !isPostgres(migration.dialect)) return;
        const owners = upTransactions(migration);
        const addedNotValid = new Map<string, number>();
        for (const { operation, index, newTable } of upOperations(migration)) {
          if (operation.type === "add_constraint" && (operation.kind === "foreign_key" || operation.kind === "check")) {
            if (operation.notValid) {
              if (operation.name !== null) addedNotValid.set(operation.name, index);
              continue;
            }
            if (newTable) continue;
            const foreignKey = operation.kind === "foreign_key";
            // PostgreSQL's locks: ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE on both tables, ADD CHECK
            // takes ALTER TABLE's ACCESS EXCLUSIVE.
            ctx.report({
              messageId: "notValid",
              data: {
                kind: foreignKey ? "foreign key" : "check constraint",
                name: constraintLabel(operation),
                table: operation.table,
                lock: foreignKey
                  ? "a SHARE ROW EXCLUSIVE lock on it and on the table it references, blocking writes to both"
                  : "an ACCESS EXCLUSIVE lock on it, blocking reads and writes",
              },
              range: operation.range,
            });
          }
          if (operation.type === "validate_constraint" && addedNotValid.has(operation.name)) {
            const addedAt = addedNotValid.get(operation.name) ?? 0;
            const owner = owners[index];
            if (owner !== null && owner !== undefined && owners[addedAt] === owner) {
              ctx.report({
                messageId: "validateSameTransaction",
                data: { name: operation.name },
                range: operation.range,
              });
            }
          }
        }
      },
    };
  },
});
