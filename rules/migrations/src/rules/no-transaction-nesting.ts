// migrations/no-transaction-nesting: BEGIN/COMMIT in a file the framework already runs in a
// transaction commits the framework's work early; a BEGIN without COMMIT leaves one open.
import { defineRule } from "@deploylint/core/rule-api";
import {
  docsUrl,
  indexesInside,
  MIGRATION_FILES,
  type Migration,
  migrationToCheck,
  type Operation,
} from "../model/index.js";

/**
 * The up operations by the unit the framework runs on its own: each Liquibase changeset (with its
 * own runInTransaction), or the whole up of other frameworks.
 */
function units(migration: Migration): { transactional: boolean | null; operations: Operation[] }[] {
  const changesets = migration.sections.filter((section) => section.changeset !== undefined);
  if (changesets.length === 0) return [{ transactional: migration.transactional, operations: migration.up }];
  const inside = indexesInside(changesets, migration.up);
  return changesets.map((section, i) => ({
    transactional: section.transactional,
    operations: (inside[i] ?? []).flatMap((index) => migration.up[index] ?? []),
  }));
}

/**
 * A COMMIT or ROLLBACK written as such: a stray `END` is more often the end of a procedure body the
 * splitter cut (MySQL without DELIMITER) than a COMMIT.
 */
function endsWithItsWord(text: string, operation: Operation): boolean {
  return /^(?:COMMIT|ROLLBACK|ABORT)\b/i.test(text.slice(operation.range.start, operation.range.end).trimStart());
}

export default defineRule({
  id: "no-transaction-nesting",
  meta: {
    description: "Disallow BEGIN/COMMIT in migrations the framework wraps in a transaction, and BEGIN without COMMIT.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    prefilter: MIGRATION_FILES,
    presets: { recommended: "warn", strict: "error" },
    messages: {
      nested:
        "This migration already runs in a transaction that {{framework}} opens: this {{verb}} nests in it or commits it early, so a failure later in the file is no longer rolled back with the rest.",
      unclosed:
        "This BEGIN has no COMMIT in the migration: the transaction stays open until the connection closes, holding its locks, and its changes may be rolled back.",
      beginInOpen:
        "This BEGIN comes while the BEGIN on line {{line}} is still open: PostgreSQL ignores it with a warning (MySQL commits the open transaction), so the statements are not grouped as the file suggests.",
      nothingOpen:
        "This {{verb}} comes with no transaction open in the migration: it ends nothing (PostgreSQL warns), and the statements before it ran on their own, not as one transaction.",
    },
    help: "Remove BEGIN/COMMIT and let the framework handle the transaction (or use its opt-out marker and manage it yourself).",
    docs: { url: docsUrl("no-transaction-nesting") },
  },
  create(ctx) {
    return {
      file() {
        const migration = migrationToCheck(ctx);
        if (migration === null) return;
        for (const unit of units(migration)) {
          let open: Operation | null = null;
          for (const operation of unit.operations) {
            if (operation.type !== "transaction") continue;
            if (unit.transactional === true) {
              ctx.report({
                messageId: "nested",
                data: { framework: migration.framework, verb: operation.verb.toUpperCase() },
                range: operation.range,
              });
            } else if (operation.verb === "begin" && open !== null) {
              const line = ctx.file.lines.positionAt(open.range.start).line;
              ctx.report({ messageId: "beginInOpen", data: { line }, range: operation.range });
              continue;
            } else if (operation.verb !== "begin" && open === null && endsWithItsWord(ctx.file.text, operation)) {
              ctx.report({
                messageId: "nothingOpen",
                data: { verb: operation.verb.toUpperCase() },
                range: operation.range,
              });
            }
            open = operation.verb === "begin" ? operation : null;
          }
          if (open !== null && unit.transactional !== true) ctx.report({ messageId: "unclosed", range: open.range });
        }
      },
    };
  },
});
