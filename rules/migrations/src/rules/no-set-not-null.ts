// migrations/no-set-not-null: SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock and
// fails on the first NULL, unless a validated CHECK (col IS NOT NULL) already proves it.
import { defineRule } from "@deploylint/core/rule-api";
import { docsUrl, migrationOf, upOperations } from "../model/index.js";

function mentionsNotNull(body: string, column: string): boolean {
  const escaped = column.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`"?${escaped}"?\\s+IS\\s+NOT\\s+NULL`, "i").test(body);
}

export default defineRule({
  id: "no-set-not-null",
  meta: {
    description: "Disallow SET NOT NULL on an existing column unless a validated CHECK constraint proves it.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    presets: { recommended: "warn", strict: "error" },
    messages: {
      setNotNull:
        "SET NOT NULL on {{table}}.{{column}} scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes, and fails the deploy if any row is NULL.",
    },
    help: "Add CHECK (column IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the CHECK.",
    docs: { url: docsUrl("no-set-not-null") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationOf(ctx);
        if (migration === null) return;
        const judged = upOperations(migration);
        for (const { operation, index, newTable } of judged) {
          if (operation.type !== "set_not_null" || newTable) continue;
          const before = migration.up.slice(0, index);
          // A VALIDATE on the table earlier in this migration: the CHECK … NOT VALID + VALIDATE path.
          const validated = before.some((op) => op.type === "validate_constraint" && op.table === operation.table);
          const checked = before.some(
            (op) =>
              op.type === "add_constraint" &&
              op.kind === "check" &&
              !op.notValid &&
              mentionsNotNull(op.body, operation.column),
          );
          if (validated || checked) continue;
          ctx.report({
            messageId: "setNotNull",
            data: { table: operation.table, column: operation.column },
            help: `Add CHECK (${operation.column} IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the CHECK.`,
            range: operation.range,
          });
        }
      },
    };
  },
});
