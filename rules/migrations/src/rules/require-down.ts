// migrations/require-down: an up migration without a down, in a framework that has one, cannot be
// rolled back when the deploy goes wrong.
import { defineRule } from "@deploylint/core/rule-api";
import { FRAMEWORKS_WITH_DOWN } from "../model/frameworks-with-down.js";
import {
  changesetsOf,
  docsUrl,
  type Framework,
  groupMigrations,
  irreversibleReason,
  isHistory,
  isUndoable,
  MIGRATION_FACT,
  type MigrationFact,
  onlyIrreversibleChanges,
  startAfterOf,
} from "../model/index.js";

// Frameworks with no down at all (or an unknown one): judged only when the option asks for it.
const WITHOUT_DOWN = new Set<Framework>(["prisma", "drizzle", "atlas", "plain"]);

const WHERE: Partial<Record<Framework, string>> = {
  "golang-migrate": "a .down.sql file next to it",
  goose: "a `-- +goose Down` section",
  dbmate: "a `-- migrate:down` section",
  diesel: "a down.sql in its folder",
  liquibase: "a `--rollback` line in each changeset (or `--rollback not required`)",
  sqitch: "a revert script",
  flyway: "an undo migration (U…__)",
  knex: "an exported `down(knex)` function",
  typeorm: "a `down(queryRunner)` method",
  "node-pg-migrate": "an exported `down(pgm)` function (or only calls it can reverse on its own)",
  sequelize: "a `down(queryInterface)` function",
};

interface Options {
  /** Also require a down in frameworks that have none (Prisma, Drizzle, Atlas, plain folders). */
  upOnlyFrameworks?: boolean;
}

export default defineRule({
  id: "require-down",
  scope: "project",
  meta: {
    description: "Require a down (rollback) for every up migration in frameworks that support one.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    facts: [MIGRATION_FACT],
    reportsOn: "fact-files",
    presets: { recommended: "error", strict: "error" },
    messages: {
      missingDown:
        "Migration {{name}} has no down ({{where}} is expected): if this deploy has to be rolled back, the schema change cannot be undone by the tool.",
      irreversible:
        "Migration {{name}} is irreversible on purpose ({{reason}}): rolling back past it takes a restore or a forward fix, not the migration tool.",
      changesetIrreversible:
        "Changeset {{changeset}} is irreversible on purpose (its `--rollback` says there is nothing to undo): rolling back past it takes a restore or a forward fix, not Liquibase.",
      missingRollback:
        "Changeset {{changeset}} has no rollback (a `--rollback` line, or `--rollback not required`, is expected): Liquibase cannot undo formatted SQL on its own, so rolling back past this changeset fails.",
    },
    help: "Write the down that undoes the up (drop what it creates, restore what it drops), and test it.",
    options: {
      type: "object",
      properties: { upOnlyFrameworks: { type: "boolean" } },
      additionalProperties: false,
    },
    defaultOptions: { upOnlyFrameworks: false },
    docs: { url: docsUrl("require-down") },
  },
  check(ctx) {
    const options: Options = ctx.options ?? {};
    const records = ctx.facts<MigrationFact>(MIGRATION_FACT);
    // Migrations at or before settings.migrations.startAfter shipped long ago: history, not news.
    const startAfter = startAfterOf(ctx.settings);
    const groups = groupMigrations(records);
    // Flyway undo migrations are a paid feature: require them only where the project uses them.
    const flywayUndoRoots = new Set(
      groups.filter((g) => g.framework === "flyway" && g.down !== null).map((g) => g.root),
    );
    for (const group of groups) {
      if (isHistory(group.version, startAfter)) continue;
      const up = group.up;
      // Liquibase formatted SQL: each changeset is rolled back on its own, with its own rollback.
      const changesets = up === null ? null : changesetsOf(up);
      if (up !== null && changesets !== null) {
        for (const changeset of changesets) {
          if (changeset.rollback === "notRequired" && changeset.up.some(isUndoable)) {
            ctx.report({
              messageId: "changesetIrreversible",
              data: { changeset: changeset.id },
              file: up.path,
              line: changeset.rollbackLine,
              severity: "info",
            });
          }
          if (changeset.rollback !== "missing") continue;
          ctx.report({
            messageId: "missingRollback",
            data: { changeset: changeset.id },
            file: up.path,
            line: changeset.line,
          });
        }
        continue;
      }
      // A formatted-SQL changelog without a changeset applies nothing, so it has nothing to undo.
      if (group.framework === "liquibase") continue;
      const name = (fact: MigrationFact) => (fact.version === null ? fact.name : `${fact.version}_${fact.name}`);
      const reason = irreversibleReason(group);
      if (reason !== null) {
        // Noted only where the schema changes: an irreversible data fix is no news.
        if (!(up?.up?.operations ?? []).some(isUndoable)) continue;
        const where = group.down ?? up;
        if (where === null) continue;
        ctx.report({
          messageId: "irreversible",
          data: { name: name(where), reason },
          file: where.path,
          // At the marker, throw or raise that says so, when it is in this file.
          line: where.irreversible?.line ?? where.down?.line ?? 1,
          severity: "info",
        });
        continue;
      }
      if (up === null || group.down !== null || up.downNotRequired) continue;
      // An up with nothing a down could undo (data only, an enum value added) needs no down.
      if (up.up !== null && up.up.operations.length > 0 && onlyIrreversibleChanges(up.up)) continue;
      const required =
        FRAMEWORKS_WITH_DOWN.has(group.framework) ||
        (group.framework === "flyway" && up.version !== null && flywayUndoRoots.has(group.root)) ||
        (options.upOnlyFrameworks === true && WITHOUT_DOWN.has(group.framework));
      if (!required) continue;
      ctx.report({
        messageId: "missingDown",
        data: {
          name: name(up),
          where: WHERE[group.framework] ?? "a down migration",
        },
        file: up.path,
        line: 1,
      });
    }
  },
});
