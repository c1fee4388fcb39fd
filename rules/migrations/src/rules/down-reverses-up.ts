// migrations/down-reverses-up: a down that leaves part of its up in place makes a rollback report
// success on a schema that matches neither version of the code.
import { defineRule } from "@deploylint/core/rule-api";
import {
  changesetsOf,
  DYNAMIC,
  docsUrl,
  doesNothing,
  downAnchor,
  engineDefaultName,
  type Framework,
  groupMigrations,
  irreversibleReason,
  isHistory,
  MIGRATION_FACT,
  type MigrationFact,
  type Naming,
  type OperationFact,
  startAfterOf,
  unreversed,
} from "../model/index.js";

// ORM helpers name their indexes themselves (model/orm sets those names); an unnamed one in SQL gets
// the engine's name.
const ORM_FRAMEWORKS = new Set<Framework>(["knex", "typeorm", "sequelize", "node-pg-migrate"]);

function namingOf(fact: MigrationFact): Naming | null {
  if (ORM_FRAMEWORKS.has(fact.framework)) return null;
  return (unnamed) => engineDefaultName(fact.dialect, unnamed);
}

/** The up's changes the down leaves in place: each with what the down should have done. */
function notUndone(up: OperationFact[], down: OperationFact[], naming: Naming | null) {
  // An empty down is no-empty-down's finding.
  if (doesNothing({ operations: down })) return [];
  // A down that calls code the pack cannot follow (an ORM helper) cannot be judged statically.
  if (down.some((op) => op.type === "other" && op.verb === DYNAMIC)) return [];
  return unreversed(up, down, naming);
}

export default defineRule({
  id: "down-reverses-up",
  scope: "project",
  meta: {
    description: "Require the down to undo each table, column, index, constraint and type change of its up.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    facts: [MIGRATION_FACT],
    reportsOn: "fact-files",
    presets: { recommended: "warn", strict: "error" },
    messages: {
      notReversed:
        "The down does not undo {{change}} (line {{line}} of the up): {{expected}} is missing, so a rollback leaves that change behind.",
      changesetNotReversed:
        "The rollback of changeset {{changeset}} does not undo {{change}} (line {{line}}): {{expected}} is missing, so a rollback leaves that change behind.",
    },
    help: "Add the statement that undoes the change to the down, in reverse order of the up.",
    docs: { url: docsUrl("down-reverses-up") },
  },
  check(ctx) {
    // Migrations at or before settings.migrations.startAfter shipped long ago: history, not news.
    const startAfter = startAfterOf(ctx.settings);
    for (const group of groupMigrations(ctx.facts<MigrationFact>(MIGRATION_FACT))) {
      if (isHistory(group.version, startAfter)) continue;
      // Liquibase formatted SQL: each changeset's rollback undoes that changeset, and only it.
      const changesets = group.up === null ? null : changesetsOf(group.up);
      if (group.up !== null && changesets !== null) {
        for (const changeset of changesets) {
          if (changeset.rollback !== "written") continue;
          for (const { operation, requirement } of notUndone(changeset.up, changeset.down, namingOf(group.up))) {
            ctx.report({
              messageId: "changesetNotReversed",
              data: {
                changeset: changeset.id,
                change: requirement.change,
                line: operation.line,
                expected: requirement.expected,
              },
              file: group.up.path,
              ...(downAnchor(changeset.down, operation.table) ?? { line: changeset.rollbackLine }),
            });
          }
        }
        continue;
      }
      const up = group.up?.up;
      const down = group.down?.down;
      if (group.down === null || up === null || up === undefined || down === null || down === undefined) continue;
      // A down that refuses on purpose undoes nothing by design: require-down notes it.
      if (irreversibleReason(group) !== null) continue;
      for (const { operation, requirement } of notUndone(
        up.operations,
        down.operations,
        namingOf(group.up ?? group.down),
      )) {
        ctx.report({
          messageId: "notReversed",
          data: { change: requirement.change, line: operation.line, expected: requirement.expected },
          file: group.down.path,
          // At the down's statement on the same table (or its first): the section start is often a header comment.
          ...(downAnchor(down.operations, operation.table) ?? { line: down.line }),
        });
      }
    }
  },
});
