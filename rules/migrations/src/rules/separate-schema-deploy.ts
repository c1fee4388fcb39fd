// migrations/separate-schema-deploy: a change that holds migrations and application code together
// deploys them at once, so the new code meets the old schema (or the old code the new one).
import { defineRule } from "@deploylint/core/rule-api";
import { docsUrl, isMigrationPath, MIGRATION_FACT, type MigrationFact, migrationSettings } from "../model/index.js";

const CODE = /\.(?:[cm]?[jt]sx?|py|rb|go|java|kt|rs|php|cs|ex|exs|scala|swift)$/i;
const NOT_APPLICATION =
  /(?:^|\/)(?:test|tests|__tests__|spec|e2e|fixtures?|docs?|scripts|tools|\.github)\/|\.(?:test|spec|d)\.[cm]?[jt]sx?$|(?:^|\/)[^/]*\.config\.[cm]?[jt]s$/i;

interface Options {
  /** Globs-free path prefixes that are not application code (seed data, tooling). */
  ignore?: string[];
}

export default defineRule({
  id: "separate-schema-deploy",
  scope: "project",
  meta: {
    description: "Keep migrations and the application code that depends on them in separate changes.",
    kinds: ["sql", "script"],
    embeds: ["sql"],
    facts: [MIGRATION_FACT],
    reportsOn: "fact-files",
    presets: { recommended: "off", strict: "warn" },
    messages: {
      mixed:
        "This change holds migration {{name}} and application code ({{code}}{{more}}): deployed together, instances still running the old code meet the new schema, or the new code runs before the migration has finished.",
    },
    help: "Merge and deploy the migration first (backward compatible with the running code), then the code that needs it.",
    options: {
      type: "object",
      properties: { ignore: { type: "array", items: { type: "string" } } },
      additionalProperties: false,
    },
    defaultOptions: { ignore: [] },
    docs: { url: docsUrl("separate-schema-deploy") },
  },
  check(ctx) {
    const changes = ctx.changes;
    if (changes === null) return;
    const options: Options = ctx.options ?? {};
    const { paths } = migrationSettings(ctx.settings);
    const touched = [...changes.added, ...changes.modified];
    const code = touched.filter(
      (path) =>
        CODE.test(path) &&
        !NOT_APPLICATION.test(path) &&
        !isMigrationPath(path, paths) &&
        !(options.ignore ?? []).some((prefix) => path.startsWith(prefix)),
    );
    const [first] = code;
    if (first === undefined) return;
    const changed = new Set(touched);
    for (const { data } of ctx.facts<MigrationFact>(MIGRATION_FACT)) {
      if (!changed.has(data.path) || data.up === null) continue;
      ctx.report({
        messageId: "mixed",
        data: {
          name: data.version === null ? data.name : `${data.version}_${data.name}`,
          code: first,
          more: code.length > 1 ? ` and ${code.length - 1} more` : "",
        },
        file: data.path,
        line: 1,
      });
    }
  },
});
