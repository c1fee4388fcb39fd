// migrations/no-empty-down: a down that exists but does nothing gives a false sense of a rollback.
import { defineRule } from "@deploylint/core/rule-api";
import {
  docsUrl,
  doesNothing,
  groupMigrations,
  isUndoable,
  MIGRATION_FACT,
  type MigrationFact,
} from "../model/index.js";

export default defineRule({
  id: "no-empty-down",
  scope: "project",
  meta: {
    description: "Disallow a down migration that does nothing although its up changed the schema.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    facts: [MIGRATION_FACT],
    presets: { recommended: "error", strict: "error" },
    messages: {
      emptyDown:
        "The down of migration {{name}} does nothing, but its up changes the schema (line {{upLine}}): a rollback would report success and leave the change in place.",
    },
    help: "Write the statements that undo the up, or delete the down if the framework allows a migration without one and say why in the up.",
    docs: { url: docsUrl("no-empty-down") },
  },
  check(ctx) {
    for (const group of groupMigrations(ctx.facts<MigrationFact>(MIGRATION_FACT))) {
      const down = group.down?.down;
      const upSection = group.up?.up;
      if (group.down === null || down === undefined || down === null || upSection === undefined || upSection === null) {
        continue;
      }
      const undoable = upSection.operations.find(isUndoable);
      if (undoable === undefined || !doesNothing(down)) continue;
      ctx.report({
        messageId: "emptyDown",
        data: {
          name: group.down.version === null ? group.down.name : `${group.down.version}_${group.down.name}`,
          upLine: undoable.line,
        },
        file: group.down.path,
        line: down.line,
      });
    }
  },
});
