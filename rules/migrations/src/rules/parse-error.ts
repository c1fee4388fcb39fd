// migrations/parse-error: a migration statement that neither parses nor is a known form the
// parser lacks; the rest of the file is still linted.
import { defineRule, type OffsetRange, type SqlStatement } from "@deploylint/core/rule-api";
import { MIGRATION_FILES, migrationToCheck } from "../model/index.js";

/**
 * Where the finding points: the token the parser stopped at (PostgreSQL names it: `at or near "x"`),
 * or from there to the statement's end, or the whole statement when the parser gave no position.
 */
function errorRange(statement: SqlStatement): OffsetRange {
  const { range, text } = statement;
  const at = statement.parseErrorOffset;
  if (at === undefined || at < range.start || at >= range.end) return range;
  const near = /at or near "(.+)"$/.exec(statement.parseError ?? "")?.[1];
  const local = at - range.start;
  if (near !== undefined && text.startsWith(near, local)) return { start: at, end: at + near.length };
  return { start: at, end: range.end };
}

export default defineRule({
  id: "parse-error",
  meta: {
    description: "Report migration statements that do not parse as SQL of the migration's dialect.",
    kinds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "error", strict: "error" },
    messages: {
      parseError:
        "This statement does not parse as {{dialect}} SQL ({{message}}), so the migration rules cannot judge it and the database may reject it at deploy time.",
    },
    help: "Fix the statement, or set settings.migrations.dialect if the file is written for another database.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/migrations/parse-error.md" },
  },
  create(ctx) {
    return {
      // A file() visitor, not sql(): the engine parses a file for every sql() subscriber, and a SQL
      // file outside the migration folders is none of this rule's business, so it is never parsed.
      file() {
        if (ctx.file.kind !== "sql" || migrationToCheck(ctx) === null) return;
        const source = ctx.source("sql");
        for (const statement of source.statements) {
          if (statement.parseError === null) continue;
          ctx.report({
            messageId: "parseError",
            data: { dialect: source.dialect, message: statement.parseError.replace(/\.$/, "") },
            range: errorRange(statement),
          });
        }
      },
    };
  },
});
