// migrations/prefer-jsonb: json stores text that every query re-parses and cannot index.
import { defineRule } from "@deploylint/core/rule-api";
import { type DeclaredColumn, docsUrl, MIGRATION_FILES } from "../model/index.js";
import { typeChoiceVisitors } from "../type-choice.js";

function matches(declared: DeclaredColumn): boolean {
  return declared.type.base === "json" || declared.type.base === "json[]";
}

export default defineRule({
  id: "prefer-jsonb",
  meta: {
    description: "Prefer jsonb over json (PostgreSQL).",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "off", strict: "warn" },
    messages: {
      json: "Column {{column}} of {{table}} is {{type}}: it is re-parsed on every access, cannot be indexed with GIN and has no equality operator, and changing it later rewrites the table.",
    },
    help: "Use jsonb unless key order or duplicate keys must be kept verbatim.",
    docs: { url: docsUrl("prefer-jsonb") },
  },
  create: (ctx) => typeChoiceVisitors(ctx, { messageId: "json", matches }),
});
