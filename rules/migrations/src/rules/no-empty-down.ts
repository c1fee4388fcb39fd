// migrations/no-empty-down: a down that exists but does nothing gives a false sense of a rollback.
import { defineRule } from "@deploylint/core/rule-api";
import {
  changesetsOf,
  docsUrl,
  doesNothing,
  downAnchor,
  groupMigrations,
  irreversibleReason,
  isHistory,
  isUndoable,
  MIGRATION_FACT,
  type MigrationFact,
  startAfterOf,
} from "../model/index.js";

export default defineRule({
  id: "no-empty-down",
  scope: "project",
  meta: {
    description: "Disallow a down migration that does nothing although its up changed the schema.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    facts: [MIGRATION_FACT],
    reportsOn: "fact-files",
    presets: { recommended: "error", strict: "error" },
    messages: {
      emptyDown:
        "The down of migration {{name}} does nothing, but its up changes the schema (line {{upLine}}): a rollback would report success and leave the change in place.",
      emptyRollback:
        "The rollback of changeset {{changeset}} does nothing, but the changeset changes the schema (line {{upLine}}): a rollback would report success and leave the change in place.",
    },
    help: "Write the statements that undo the up, or delete the down if the framework allows a migration without one and say why in the up.",
    docs: { url: docsUrl("no-empty-down") },
  },
  check(ctx) {
    // Migrations at or before settings.migrations.startAfter shipped long ago: history, not news.
    const startAfter = startAfterOf(ctx.settings);
    for (const group of groupMigrations(ctx.facts<MigrationFact>(MIGRATION_FACT))) {
      if (isHistory(group.version, startAfter)) continue;
      // Liquibase formatted SQL: each changeset has its own rollback (`--rollback not required` and
      // `--rollback empty` say on purpose that there is nothing to undo).
      const changesets = group.up === null ? null : changesetsOf(group.up);
      if (group.up !== null && changesets !== null) {
        for (const changeset of changesets) {
          const undoable = changeset.up.find(isUndoable);
          if (changeset.rollback !== "written" || undoable === undefined) continue;
          if (!doesNothing({ operations: changeset.down })) continue;
          ctx.report({
            messageId: "emptyRollback",
            data: { changeset: changeset.id, upLine: undoable.line },
            file: group.up.path,
            ...(downAnchor(changeset.down) ?? { line: changeset.rollbackLine }),
          });
        }
        continue;
      }
      const down = group.down?.down;
      const upSection = group.up?.up;
      if (group.down === null || down === undefined || down === null || upSection === undefined || upSection === null) {
        continue;
      }
      const undoable = upSection.operations.find(isUndoable);
      if (undoable === undefined || !doesNothing(down)) continue;
      // Irreversible on purpose (a marker, a throw, a comment saying so): require-down notes it.
      if (irreversibleReason(group) !== null) continue;
      ctx.report({
        messageId: "emptyDown",
        data: {
          name: group.down.version === null ? group.down.name : `${group.down.version}_${group.down.name}`,
          upLine: undoable.line,
        },
        file: group.down.path,
        // At the statement that does nothing (SELECT 1), when there is one; else at the section's start.
        ...(downAnchor(down.operations) ?? { line: down.line }),
      });
    }
  },
});
