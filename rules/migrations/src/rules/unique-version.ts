// migrations/unique-version: two migrations with one version: tools apply one and skip the other,
// or refuse to run, depending on which one a database saw first.
import { defineRule } from "@deploylint/core/rule-api";
import { docsUrl, groupMigrations, MIGRATION_FACT, type MigrationFact } from "../model/index.js";

export default defineRule({
  id: "unique-version",
  scope: "project",
  meta: {
    description: "Disallow two migrations with the same version in one migrations folder.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    facts: [MIGRATION_FACT],
    reportsOn: "fact-files",
    presets: { recommended: "error", strict: "error" },
    messages: {
      duplicate:
        "Version {{version}} is also used by {{other}}: the tool records versions as applied, so one of the two migrations is skipped or the run fails, depending on the database.",
    },
    help: "Give this migration a new version that sorts after every migration already merged (regenerate its timestamp).",
    docs: { url: docsUrl("unique-version") },
  },
  check(ctx) {
    const records = ctx.facts<MigrationFact>(MIGRATION_FACT);
    const groups = groupMigrations(records).filter((g) => g.version !== null);
    const byVersion = new Map<string, string[]>();
    for (const group of groups) {
      // golang-migrate and goose read versions as numbers: 0001 and 1 are the same version.
      const version = group.version ?? "";
      const id = `${group.root}\u0000${/^\d+$/.test(version) ? BigInt(version).toString() : version}`;
      byVersion.set(id, [...(byVersion.get(id) ?? []), group.key]);
    }
    for (const keys of byVersion.values()) {
      if (keys.length < 2) continue;
      const [first, ...rest] = [...keys].sort();
      const firstGroup = groups.find((g) => g.key === first);
      const firstFile = firstGroup?.up?.path ?? firstGroup?.down?.path ?? first ?? "";
      for (const key of rest) {
        for (const { data } of records.filter((r) => r.data.key === key)) {
          ctx.report({
            messageId: "duplicate",
            data: { version: data.version ?? "", other: firstFile },
            file: data.path,
            line: 1,
          });
        }
      }
    }
  },
});
