// migrations/prefer-text: varchar(n) limits change only with a migration; text with a CHECK is as fast and easier to change.
import { defineRule } from "@deploylint/core/rule-api";
import { type DeclaredColumn, docsUrl, MIGRATION_FILES } from "../model/index.js";
import { typeChoiceVisitors } from "../type-choice.js";

/** varchar(n) and char(n), or arrays of them: `varchar(32)[]` limits every element the same way. */
function matches(declared: DeclaredColumn): boolean {
  const element = declared.type.base.replace(/\[\]$/, "");
  return (element === "varchar" || element === "char") && declared.type.args.length > 0;
}

export default defineRule({
  id: "prefer-text",
  meta: {
    description: "Prefer text (with a CHECK constraint if a limit is needed) over varchar(n) (PostgreSQL).",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "off", strict: "warn" },
    messages: {
      varchar:
        "Column {{column}} of {{table}} is {{type}}: the limit gains no speed in PostgreSQL, and changing it later needs a migration that may lock the table.",
    },
    help: "Use text, with CHECK (char_length(col) <= n) when the limit is a business rule.",
    docs: { url: docsUrl("prefer-text") },
  },
  create: (ctx) => typeChoiceVisitors(ctx, { messageId: "varchar", matches }),
});
