// env-docs/no-unused-documented-var: every entry of an example file is read somewhere in the
// directory it documents, so the example lists what a deploy really needs.
import { defineRule } from "@deploylint/core/rule-api";
import { DOCUMENTED_FACT, type DocumentedFact, READ_FACT, SCRIPT_LINKS_FACT, type ScriptLinks } from "../facts.js";
import { indexExamples, inScope } from "../project/examples.js";
import { KNOWN_OPTIONS_SCHEMA, type KnownOptions, knownMatcher } from "../project/platform.js";
import { projectReads } from "../project/reads.js";
import { envDocsSettings } from "../settings.js";

const messages = {
  unused:
    "The variable {{name}} is documented here but nothing {{where}} reads it; every new environment is set up with a variable that does nothing, and the list stops telling deployers what matters. Remove the entry, or add {{name}} to the rule's allow option if a tool outside the code reads it.",
  uncertain:
    "No entry of this file is reported unused: {{reader}} reads a variable whose name is computed at run time ({{count}} such read(s) in the directory this file documents), so any entry may be the one it reads. Read variables by their literal names, or through a helper called with literal names, to have unused entries found.",
} as const;

export type NoUnusedDocumentedVarOptions = KnownOptions;

export default defineRule<typeof messages, NoUnusedDocumentedVarOptions | undefined>({
  id: "no-unused-documented-var",
  scope: "project",
  meta: {
    description: "Disallow example-file entries that no code or config reads.",
    kinds: ["dotenv"],
    facts: [READ_FACT, SCRIPT_LINKS_FACT, DOCUMENTED_FACT],
    presets: { recommended: "warn", strict: "error" },
    messages,
    help: "Delete entries for variables the code no longer reads; list variables that a platform or tool reads in the allow option.",
    options: { type: "object", properties: KNOWN_OPTIONS_SCHEMA, additionalProperties: false },
    defaultOptions: { allow: [], ignore: [] },
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-docs/no-unused-documented-var.md" },
  },
  check(ctx) {
    const settings = envDocsSettings(ctx.settings);
    const known = knownMatcher(ctx.options);
    // Files that read each name; an entry is used when one of them lies in its example's scope.
    const readers = new Map<string, string[]>();
    const noteRead = (name: string, file: string) => {
      const files = readers.get(name);
      if (files) files.push(file);
      else readers.set(name, [file]);
    };
    // Computed reads nothing resolved: "unused" cannot be known where one of them may read.
    const computed: { file: string; line: number }[] = [];
    for (const { file, data } of projectReads(ctx)) {
      if (data.name !== null) noteRead(data.name, file);
      else computed.push({ file, line: data.line });
    }
    // A library the code uses reads these itself (sentry-cli's SENTRY_AUTH_TOKEN).
    for (const { file, data } of ctx.facts<ScriptLinks>(SCRIPT_LINKS_FACT))
      for (const name of data.toolReads) noteRead(name, file);
    const documented = ctx.facts<DocumentedFact>(DOCUMENTED_FACT);
    // An entry is used by a read anywhere in the example's workspace package, not only below its folder.
    const examples = new Map(indexExamples(documented, settings, ctx.files).examples.map((ex) => [ex.path, ex]));
    const uncertainNoted = new Set<string>();
    // A value that expands ${OTHER} reads OTHER wherever the example is loaded.
    for (const { file, data } of documented) for (const name of data.references) noteRead(name, file);

    for (const { file, data: entry } of documented) {
      if (known(entry.name)) continue;
      const scope = examples.get(file)?.usedIn ?? "";
      if ((readers.get(entry.name) ?? []).some((reader) => inScope(reader, scope))) continue;
      const unknown = computed.filter((read) => inScope(read.file, scope));
      const [first] = unknown;
      if (first) {
        if (uncertainNoted.has(file)) continue;
        uncertainNoted.add(file);
        ctx.report({
          file,
          messageId: "uncertain",
          severity: "info",
          data: { reader: `${first.file}:${first.line}`, count: unknown.length },
          fingerprintText: "uncertain",
          line: 1,
          column: 1,
        });
        continue;
      }
      ctx.report({
        file,
        messageId: "unused",
        data: { name: entry.name, where: scope === "" ? "in the repository" : `under ${scope}/` },
        fingerprintText: entry.name,
        line: entry.line,
        column: entry.column,
        endLine: entry.endLine,
        endColumn: entry.endColumn,
      });
    }
  },
});
