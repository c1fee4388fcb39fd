// migrations/prefer-jsonb: json stores text that every query re-parses and cannot index.
import { defineRule } from "@deploylint/core/rule-api";
import { type DeclaredColumn, declaredColumns, docsUrl, isPostgres, migrationOf } from "../model/index.js";

function matches(declared: DeclaredColumn): boolean {
  return declared.type.base === "json" || declared.type.base === "json[]";
}

export default defineRule({
  id: "prefer-jsonb",
  meta: {
    description: "Prefer jsonb over json (PostgreSQL).",
    kinds: ["sql", "script"],
    presets: { recommended: "off", strict: "warn" },
    messages: {
      json: "Column {{column}} of {{table}} is {{type}}: it is re-parsed on every access, cannot be indexed with GIN and has no equality operator, and changing it later rewrites the table.",
    },
    help: "Use jsonb unless key order or duplicate keys must be kept verbatim.",
    docs: { url: docsUrl("prefer-jsonb") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationOf(ctx);
        if (migration === null || !isPostgres(migration.dialect)) return;
        for (const declared of declaredColumns(migration)) {
          if (!matches(declared)) continue;
          ctx.report({
            messageId: "json",
            data: { table: declared.table, column: declared.column, type: declared.written },
            range: declared.range,
          });
        }
      },
    };
  },
});
