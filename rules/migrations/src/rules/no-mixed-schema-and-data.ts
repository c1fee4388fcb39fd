// migrations/no-mixed-schema-and-data: one migration that changes both the schema and existing
// data holds its locks for as long as the data change runs, and cannot be retried in parts.
import { defineRule } from "@deploylint/core/rule-api";
import { docsUrl, MIGRATION_FILES, migrationToCheck, type Operation, upOperations } from "../model/index.js";

const DDL_TYPES = new Set<Operation["type"]>([
  "create_table",
  "drop_table",
  "truncate",
  "rename_table",
  "add_column",
  "drop_column",
  "rename_column",
  "alter_column_type",
  "set_not_null",
  "add_constraint",
  "drop_constraint",
  "create_index",
  "drop_index",
  "create_schema",
  "drop_schema",
  "create_type",
  "drop_type",
  "rename_type",
]);

function isDdl(operation: Operation): boolean {
  if (DDL_TYPES.has(operation.type)) return true;
  return operation.type === "other" && /^(create|alter|drop)_/.test(operation.kind);
}

export default defineRule({
  id: "no-mixed-schema-and-data",
  meta: {
    description: "Disallow a migration that changes both the schema and the data of existing tables.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "error", strict: "error" },
    messages: {
      mixed:
        "This migration changes the schema (line {{ddlLine}}) and the data of {{table}}: the schema change's locks are held while the data change runs, and a failure leaves both half done.",
    },
    help: "Move the data change into its own migration, or better a batched background job run after the deploy.",
    docs: { url: docsUrl("no-mixed-schema-and-data") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null) return;
        const judged = upOperations(migration);
        const ddl = judged.find(({ operation }) => isDdl(operation));
        if (ddl === undefined) return;
        // Only a data change after a schema change runs under that change's locks. A data fix before
        // it (backfill NULLs, then SET NOT NULL; remove rows, then add the CHECK) is how the schema
        // change is made safe, and the rules on backfills and NOT NULL judge those statements.
        // Seeding a table created in this migration is part of creating it.
        const dml = judged.find(
          ({ operation, newTable, index }) => operation.type === "dml" && !newTable && index > ddl.index,
        );
        if (dml === undefined || dml.operation.type !== "dml") return;
        ctx.report({
          messageId: "mixed",
          data: { ddlLine: ctx.file.lines.positionAt(ddl.operation.range.start).line, table: dml.operation.table },
          range: dml.operation.range,
        });
      },
    };
  },
});
