// env-docs/no-undocumented-var: every variable the code or config reads is listed in the
// example file that covers it (the nearest one above the reading file, or the root one).
import { defineRule, type ProjectRuleContext } from "@deploylint/core/rule-api";
import { DOCUMENTED_FACT, type DocumentedFact, READ_FACT, SCRIPT_LINKS_FACT } from "../facts.js";
import { indexExamples } from "../project/examples.js";
import { KNOWN_OPTIONS_SCHEMA, type KnownOptions, knownMatcher } from "../project/platform.js";
import { projectReads } from "../project/reads.js";
import { isTestFile } from "../project/test-files.js";
import { DEFAULT_EXAMPLES, envDocsSettings } from "../settings.js";

const messages = {
  undocumented:
    "The variable {{name}} is read here but {{example}} does not document it; a deploy that does not set it runs with it undefined, and nobody setting up an environment knows it is needed. Add {{name}} to {{example}} with a comment saying what it is and an example value.",
  noExample:
    "The code reads {{count}} environment variables ({{names}}; first read here) but the repository has no example file ({{examples}}); whoever deploys cannot know which variables to set. Create .env.example listing each with a description and an example value.",
  notCovered:
    "The code reads {{count}} environment variables ({{names}}; first read here) in directories no example file covers (each example found, {{examples}}, covers only the folder it is in, or its workspace package); whoever deploys this code cannot know which variables to set. Add them to an example file at the root of the repository or beside the code that reads them.",
  invalidName:
    "The code reads the variable {{name}}, which is not a valid variable name (letters, digits and _, not starting with a digit); a dotenv file cannot hold it and a shell cannot export it, so a deploy will hardly ever set it, and --fix does not write it. Rename it to a valid name.",
  dynamicAccess:
    "This file reads an environment variable whose name is computed at run time; deploylint cannot tell which one, so a variable may be missing from the example without a finding. Read each variable by its literal name, or make sure the example lists every name this code can build.",
} as const;

export type NoUndocumentedVarOptions = KnownOptions;

export default defineRule<typeof messages, NoUndocumentedVarOptions | undefined>({
  id: "no-undocumented-var",
  scope: "project",
  meta: {
    description: "Require every environment variable that code or config reads to be listed in the example file.",
    kinds: ["text"],
    facts: [READ_FACT, SCRIPT_LINKS_FACT, DOCUMENTED_FACT],
    presets: { recommended: "error", strict: "error" },
    messages,
    help: "Document each variable in .env.example (the nearest one above the reading file): a comment saying what it is, then NAME=example-value.",
    fixable: true,
    options: { type: "object", properties: KNOWN_OPTIONS_SCHEMA, additionalProperties: false },
    defaultOptions: { allow: [], ignore: [] },
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-docs/no-undocumented-var.md" },
  },
  check(ctx) {
    const settings = envDocsSettings(ctx.settings);
    const index = indexExamples(ctx.facts<DocumentedFact>(DOCUMENTED_FACT), settings, ctx.files);
    const known = knownMatcher(ctx.options);
    const reads = [...projectReads(ctx)].sort(
      (a, b) => compare(a.file, b.file) || a.data.line - b.data.line || a.data.column - b.data.column,
    );
    // One finding per variable per file, at its first read: more reads of it are the same gap.
    const reported = new Set<string>();
    // Reads no example covers have one cause (no example there at all), so they are one finding
    // for the repository, at the first such read, naming every variable: one per variable buried
    // real findings under hundreds of copies of the same advice on repositories without an example.
    const uncovered: { file: string; name: string; location: Location }[] = [];
    for (const { file, data: read } of reads) {
      const key = `${file}\u0000${read.name ?? "\u0000dynamic"}`;
      if (reported.has(key)) continue;
      const location = { line: read.line, column: read.column, endLine: read.endLine, endColumn: read.endColumn };
      if (read.name === null) {
        reported.add(key);
        ctx.report({ file, messageId: "dynamicAccess", severity: "info", fingerprintText: "dynamic", ...location });
        continue;
      }
      if (known(read.name) || isTestFile(file)) continue;
      const examples = index.examplesFor(file);
      if (examples.some((example) => example.names.has(read.name ?? ""))) continue;
      // An alias read only when the documented name is unset (`A || B`) is documented with A.
      const aliasOf = read.aliasOf;
      if (aliasOf !== undefined && examples.some((example) => example.names.has(aliasOf))) continue;
      reported.add(key);
      // A name read from code is untrusted text: one with a newline, `=` or `#` would inject
      // entries into the example, so it is reported (quoted and escaped) and never written.
      if (!VALID_NAME.test(read.name)) {
        ctx.report({
          file,
          messageId: "invalidName",
          data: { name: JSON.stringify(read.name) },
          help: "Read the variable by a name of letters, digits and _ that does not start with a digit, and document that name.",
          fingerprintText: read.name,
          ...location,
        });
        continue;
      }
      const nearest = examples[0];
      if (nearest) {
        ctx.report({
          file,
          messageId: "undocumented",
          data: { name: read.name, example: nearest.path },
          fingerprintText: read.name,
          fix: { file: nearest.path, append: documentEntry(read.name ?? "") },
          ...location,
        });
      } else {
        uncovered.push({ file, name: read.name, location });
      }
    }
    reportUncovered(
      ctx,
      uncovered,
      index.examples.map((example) => example.path),
      settings.examples ?? DEFAULT_EXAMPLES,
    );
  },
});

interface Location {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** How many names a summary message spells out before "and N more". */
const LISTED_NAMES = 12;

function reportUncovered(
  ctx: Pick<ProjectRuleContext<typeof messages, NoUndocumentedVarOptions | undefined>, "report">,
  uncovered: { file: string; name: string; location: Location }[],
  examplesFound: string[],
  configuredExamples: readonly string[],
): void {
  const first = uncovered[0];
  if (first === undefined) return;
  const names = [...new Set(uncovered.map((read) => read.name))].sort(compare);
  const listed =
    names.length > LISTED_NAMES
      ? `${names.slice(0, LISTED_NAMES).join(", ")} and ${names.length - LISTED_NAMES} more`
      : names.join(", ");
  if (examplesFound.length > 0) {
    // "The repository has no example file" would be false; no fix, since --fix must not create a second example.
    ctx.report({
      file: first.file,
      messageId: "notCovered",
      data: { count: String(names.length), names: listed, examples: examplesFound.join(", ") },
      fingerprintText: "not-covered",
      ...first.location,
    });
    return;
  }
  ctx.report({
    file: first.file,
    messageId: "noExample",
    data: { count: String(names.length), names: listed, examples: configuredExamples.join(", ") },
    fingerprintText: "no-example",
    fix: { file: defaultExample(configuredExamples), append: names.map(documentEntry).join("") },
    ...first.location,
  });
}

/** What --fix may write as a variable name: what a shell and a dotenv file accept. */
const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Where --fix creates the example when the repository has none: the first configured example
 * (a path as given, a file name at the root), so that the next run reads what this one wrote.
 */
function defaultExample(examples: readonly string[]): string {
  const first = examples[0] ?? ".env.example";
  return first.startsWith("./") ? first.slice(2) : first;
}

/** The entry --fix appends: a blank line, a comment to complete, the name with an empty value. */
function documentEntry(name: string): string {
  return `\n# TODO: describe ${name}.\n${name}=\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
