// migrations/prefer-bigint: integer ids run out at 2^31; changing the type later rewrites the table and its referencing keys.
import { defineRule } from "@deploylint/core/rule-api";
import { type DeclaredColumn, docsUrl, MIGRATION_FILES } from "../model/index.js";
import { typeChoiceVisitors } from "../type-choice.js";

const SMALL = new Set(["integer", "smallint", "serial", "smallserial"]);

function matches(declared: DeclaredColumn): boolean {
  return SMALL.has(declared.type.base) && /^id$|_id$|Id$/.test(declared.column);
}

export default defineRule({
  id: "prefer-bigint",
  meta: {
    description: "Prefer bigint for id and foreign key columns (PostgreSQL).",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "off", strict: "warn" },
    messages: {
      smallId:
        "Column {{column}} of {{table}} is {{type}}: a 32-bit (or 16-bit) id runs out at about 2.1 billion (32767), and widening it later rewrites the table and every table that references it.",
    },
    help: "Use bigint (or bigint GENERATED … AS IDENTITY) for ids and the columns that reference them.",
    docs: { url: docsUrl("prefer-bigint") },
  },
  create: (ctx) => typeChoiceVisitors(ctx, { messageId: "smallId", matches }),
});
