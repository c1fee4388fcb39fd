// migrations/prefer-timestamptz: timestamp without time zone stores wall-clock times that change meaning with the server's zone.
import { defineRule } from "@deploylint/core/rule-api";
import { type DeclaredColumn, docsUrl, MIGRATION_FILES } from "../model/index.js";
import { typeChoiceVisitors } from "../type-choice.js";

function matches(declared: DeclaredColumn): boolean {
  return declared.type.base === "timestamp" || declared.type.base === "timestamp[]";
}

export default defineRule({
  id: "prefer-timestamptz",
  meta: {
    description: "Prefer timestamptz over timestamp without time zone (PostgreSQL).",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "off", strict: "warn" },
    messages: {
      timestamp:
        "Column {{column}} of {{table}} is {{type}}, which stores no time zone: values written from servers or sessions in different zones cannot be compared, and changing the type later rewrites the table.",
    },
    help: "Use timestamptz (timestamp with time zone); it takes the same 8 bytes.",
    docs: { url: docsUrl("prefer-timestamptz") },
  },
  create: (ctx) => typeChoiceVisitors(ctx, { messageId: "timestamp", matches }),
});
