// migrations/ordered-versions: a migration added by this change that sorts before one already on
// the base branch is skipped by tools that only apply versions above the highest applied one.
import { defineRule } from "@deploylint/core/rule-api";
import { byVersion, docsUrl, groupMigrations, MIGRATION_FACT, type MigrationFact } from "../model/index.js";

export default defineRule({
  id: "ordered-versions",
  scope: "project",
  meta: {
    description: "Require a migration added by a change to sort after every migration that already exists on the base.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    facts: [MIGRATION_FACT],
    reportsOn: "fact-files",
    presets: { recommended: "error", strict: "error" },
    messages: {
      outOfOrder:
        "Migration {{name}} sorts before {{latest}}, which already exists on {{base}}: databases that applied {{latest}} skip this migration (golang-migrate, dbmate and Flyway by default) or apply it out of order.",
    },
    help: "Give the migration a new version that sorts after every merged one (regenerate its timestamp after rebasing).",
    docs: { url: docsUrl("ordered-versions") },
  },
  check(ctx) {
    const changes = ctx.changes;
    if (changes === null) return;
    const added = new Set(changes.added);
    const groups = groupMigrations(ctx.facts<MigrationFact>(MIGRATION_FACT)).filter((g) => g.version !== null);
    const files = (group: (typeof groups)[number]) => [group.up?.path, group.down?.path].filter((p) => p !== undefined);
    // A migration is new when every file of it is added by the change.
    const isNew = (group: (typeof groups)[number]) => files(group).every((path) => added.has(path));
    for (const group of groups.filter(isNew)) {
      const existing = groups.filter((other) => other.root === group.root && !isNew(other));
      const latest = existing.sort(byVersion).pop();
      if (latest === undefined || byVersion(group, latest) > 0) continue;
      const fact = group.up ?? group.down;
      const latestFact = latest.up ?? latest.down;
      if (fact === null || latestFact === null) continue;
      ctx.report({
        messageId: "outOfOrder",
        data: {
          name: `${fact.version}_${fact.name}`,
          latest: `${latestFact.version}_${latestFact.name}`,
          base: changes.base,
        },
        file: fact.path,
        line: 1,
      });
    }
  },
});
