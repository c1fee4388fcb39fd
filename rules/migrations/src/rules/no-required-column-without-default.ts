// migrations/no-required-column-without-default: ADD COLUMN … NOT NULL with nothing to fill the
// existing rows (and nothing for old code's INSERTs, which do not name the column).
import { defineRule } from "@deploylint/core/rule-api";
import { docsUrl, MIGRATION_FILES, migrationToCheck, parseDataType, upOperations } from "../model/index.js";

const SERIAL = new Set(["serial", "bigserial", "smallserial"]);

export default defineRule({
  id: "no-required-column-without-default",
  meta: {
    description: "Disallow adding a NOT NULL column without a default to an existing table.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "error", strict: "error" },
    messages: {
      requiredColumn:
        "Column {{column}} is added to {{table}} as NOT NULL without a default: the migration fails if the table has rows, and old code's INSERTs that do not name the column fail after it.",
    },
    help: "Add the column nullable (or with a constant DEFAULT), backfill it in batches, deploy code that writes it, then set NOT NULL in a later migration.",
    docs: { url: docsUrl("no-required-column-without-default") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null) return;
        // On a table this migration created or emptied (DELETE without WHERE, TRUNCATE) there is no
        // row to fill, and the author who emptied it knows no running code needs its rows.
        for (const { operation, emptyTable } of upOperations(migration)) {
          if (operation.type !== "add_column" || emptyTable || !operation.notNull) continue;
          if (operation.defaultExpr !== null && !/^NULL$/i.test(operation.defaultExpr)) continue;
          // Identity, auto-increment, generated and serial columns fill themselves.
          if (operation.generated !== null || SERIAL.has(parseDataType(operation.dataType).base)) continue;
          ctx.report({
            messageId: "requiredColumn",
            data: { column: operation.column, table: operation.table },
            range: operation.range,
          });
        }
      },
    };
  },
});
