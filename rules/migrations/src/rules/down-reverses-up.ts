// migrations/down-reverses-up: a down that leaves part of its up in place makes a rollback report
// success on a schema that matches neither version of the code.
import { defineRule } from "@deploylint/core/rule-api";
import {
  changesetsOf,
  DownIndex,
  DYNAMIC,
  docsUrl,
  doesNothing,
  groupMigrations,
  MIGRATION_FACT,
  type MigrationFact,
  type OperationFact,
  rebuiltTables,
  undoRequirement,
} from "../model/index.js";

/** Type renames of the up, followed to the end (a -> b, b -> c: a -> c). */
function typeRenames(up: OperationFact[]): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const op of up) {
    if (op.type !== "rename_type" || op.name === undefined || op.to === undefined) continue;
    for (const [from, to] of renamed) if (to === op.name) renamed.set(from, op.to);
    renamed.set(op.name, op.to);
  }
  return renamed;
}

/**
 * A type created and then renamed in the same up (CREATE TYPE x_new …; ALTER TYPE x_new RENAME TO x,
 * the usual way to change an enum) is undone by dropping it under its final name.
 */
function withFinalTypeName(op: OperationFact, finalName: ReadonlyMap<string, string>): OperationFact {
  if (op.type !== "create_type" || op.name === undefined) return op;
  const to = finalName.get(op.name);
  return to === undefined ? op : { ...op, name: to };
}

/** The up's changes the down leaves in place: each with what the down should have done. */
function notUndone(up: OperationFact[], down: OperationFact[]) {
  // An empty down is no-empty-down's finding.
  if (doesNothing({ operations: down })) return [];
  // A down that calls code the pack cannot follow (an ORM helper) cannot be judged statically.
  if (down.some((op) => op.type === "other" && op.verb === DYNAMIC)) return [];
  const rebuilt = rebuiltTables(up);
  const undone = new DownIndex(down);
  const finalName = typeRenames(up);
  return up.flatMap((operation) => {
    const requirement = undoRequirement(withFinalTypeName(operation, finalName), rebuilt);
    return requirement === null || requirement.satisfied(undone) ? [] : [{ operation, requirement }];
  });
}

export default defineRule({
  id: "down-reverses-up",
  scope: "project",
  meta: {
    description: "Require the down to undo each table, column, index, constraint and type change of its up.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    facts: [MIGRATION_FACT],
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
    for (const group of groupMigrations(ctx.facts<MigrationFact>(MIGRATION_FACT))) {
      // Liquibase formatted SQL: each changeset's rollback undoes that changeset, and only it.
      const changesets = group.up === null ? null : changesetsOf(group.up);
      if (group.up !== null && changesets !== null) {
        for (const changeset of changesets) {
          if (changeset.rollback !== "written") continue;
          for (const { operation, requirement } of notUndone(changeset.up, changeset.down)) {
            ctx.report({
              messageId: "changesetNotReversed",
              data: {
                changeset: changeset.id,
                change: requirement.change,
                line: operation.line,
                expected: requirement.expected,
              },
              file: group.up.path,
              line: changeset.rollbackLine,
            });
          }
        }
        continue;
      }
      const up = group.up?.up;
      const down = group.down?.down;
      if (group.down === null || up === null || up === undefined || down === null || down === undefined) continue;
      for (const { operation, requirement } of notUndone(up.operations, down.operations)) {
        ctx.report({
          messageId: "notReversed",
          data: { change: requirement.change, line: operation.line, expected: requirement.expected },
          file: group.down.path,
          line: down.line,
        });
      }
    }
  },
});
