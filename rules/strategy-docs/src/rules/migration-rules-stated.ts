// strategy-docs/migration-rules-stated: the migration safety section states the rules the
// migrations pack enforces, and promises none the resolved config switches off. A document that
// promises "migrations/no-drop-column" while the config turns it off tells reviewers a check runs
// that does not.
import { defineRule } from "@deploylint/core/rule-api";
import { DOCS, writtenSection } from "../document.js";
import { DOCUMENT_FACT, PATHS_FACT } from "../facts.js";

const PACK = "migrations/";

export default defineRule({
  id: "migration-rules-stated",
  scope: "project",
  meta: {
    description:
      "Require the migration safety section to state the enforced migration rules, and no rule the config switches off.",
    kinds: ["markdown", "yaml"],
    facts: [DOCUMENT_FACT, PATHS_FACT],
    presets: { recommended: "off", strict: "error", strategy: "warn" },
    messages: {
      promisedOff:
        "The migration safety section promises {{rule}}, which the config switches off: reviewers rely on a check that does not run.",
      unknown:
        "The migration safety section names {{rule}}, which is no rule of deploylint: the promise cannot be kept.",
      omitted:
        "The migration safety section names none of the {{count}} migration rules the config enforces (such as {{example}}): the rules a migration must follow are not stated.",
    },
    help: "List the enforced rules by id (`migrations/no-drop-column`), as `deploylint strategy` writes them, and drop the ones the config switches off (or switch them on).",
    docs: { url: `${DOCS}/migration-rules-stated.md` },
  },
  check(context) {
    const written = writtenSection(context, "migrations");
    if (!written) return;
    const { doc, section } = written;
    const severities = context.ruleSeverities;
    const known = Object.keys(severities).filter((id) => id.startsWith(PACK));
    const enforced = known.filter((id) => severities[id] !== "off").sort();
    let named = 0;
    for (const block of section.blocks) {
      if (!("text" in block)) continue;
      for (const rule of namedRules(block.text, known)) {
        named++;
        if (!(rule in severities))
          context.report({ messageId: "unknown", data: { rule }, file: doc.file, ...block.at });
        else if (severities[rule] === "off")
          context.report({ messageId: "promisedOff", data: { rule }, file: doc.file, ...block.at });
      }
    }
    const example = enforced[0];
    if (named === 0 && example)
      context.report({
        messageId: "omitted",
        data: { count: enforced.length, example },
        file: doc.file,
        ...section.heading.at,
      });
  },
});

/** Rule ids a text names: `migrations/<id>` anywhere, or a bare id of a known migrations rule as a word of its own. */
function namedRules(text: string, known: readonly string[]): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\bmigrations\/([a-z][a-z0-9-]*[a-z0-9])/g)) found.add(`${PACK}${match[1]}`);
  for (const id of known) {
    const bare = id.slice(PACK.length);
    if (bare.includes("-") && new RegExp(`(^|[^\\w/-])${bare}($|[^\\w-])`).test(text)) found.add(id);
  }
  return [...found];
}
