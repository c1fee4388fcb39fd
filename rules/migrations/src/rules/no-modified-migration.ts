// migrations/no-modified-migration: editing or deleting a migration that is already merged makes
// databases that applied the old text drift from those that apply the new one.
import { defineRule } from "@deploylint/core/rule-api";
import { docsUrl, isMigrationPath, MIGRATION_FACT, type MigrationFact, migrationSettings } from "../model/index.js";

// Files that may be migrations when they are gone (no fact is left to say so).
const MIGRATION_EXTENSIONS = /\.(sql|[cm]?[jt]sx?)$/i;

export default defineRule({
  id: "no-modified-migration",
  scope: "project",
  meta: {
    description: "Disallow editing or deleting a migration that already exists on the base branch.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    facts: [MIGRATION_FACT],
    reportsOn: "fact-files",
    presets: { recommended: "error", strict: "error" },
    messages: {
      modified:
        "Migration {{name}} already exists on {{base}} and is edited by this change: databases that applied it will not run it again, so they drift from the ones that apply the new text.",
      deleted:
        "Migration {{path}} exists on {{base}} and is deleted by this change: databases that applied it keep its changes, and tools that check their history refuse to migrate or roll back.",
    },
    help: "Restore the merged migration and put the change in a new migration.",
    docs: { url: docsUrl("no-modified-migration") },
  },
  check(ctx) {
    const changes = ctx.changes;
    if (changes === null) return;
    const modified = new Set(changes.modified);
    for (const { data } of ctx.facts<MigrationFact>(MIGRATION_FACT)) {
      if (!modified.has(data.path)) continue;
      ctx.report({
        messageId: "modified",
        data: { name: data.version === null ? data.name : `${data.version}_${data.name}`, base: changes.base },
        file: data.path,
        line: 1,
      });
    }
    const { paths } = migrationSettings(ctx.settings);
    for (const path of changes.deleted) {
      if (!MIGRATION_EXTENSIONS.test(path) || !isMigrationPath(path, paths)) continue;
      ctx.report({ messageId: "deleted", data: { path, base: changes.base }, file: path, line: 1 });
    }
  },
});
