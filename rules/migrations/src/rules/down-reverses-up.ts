// migrations/down-reverses-up: a down that leaves part of its up in place makes a rollback report
// success on a schema that matches neither version of the code.
import { defineRule } from "@deploylint/core/rule-api";
import {
  DYNAMIC,
  docsUrl,
  doesNothing,
  groupMigrations,
  MIGRATION_FACT,
  type MigrationFact,
  rebuiltTables,
  undoRequirement,
} from "../model/index.js";

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
    },
    help: "Add the statement that undoes the change to the down, in reverse order of the up.",
    docs: { url: docsUrl("down-reverses-up") },
  },
  check(ctx) {
    for (const group of groupMigrations(ctx.facts<MigrationFact>(MIGRATION_FACT))) {
      const up = group.up?.up;
      const down = group.down?.down;
      if (group.down === null || up === null || up === undefined || down === null || down === undefined) continue;
      // An empty down is no-empty-down's finding.
      if (doesNothing(down)) continue;
      // A down that calls code the pack cannot follow (an ORM helper) cannot be judged statically.
      if (down.operations.some((op) => op.type === "other" && op.verb === DYNAMIC)) continue;
      const rebuilt = rebuiltTables(up.operations);
      for (const operation of up.operations) {
        const requirement = undoRequirement(operation, rebuilt);
        if (requirement === null || requirement.satisfied(down.operations)) continue;
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
