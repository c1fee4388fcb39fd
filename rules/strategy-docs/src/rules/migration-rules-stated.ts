// strategy-docs/migration-rules-stated: the migration safety section states the rules the
// migrations pack enforces, and promises none the resolved config switches off. A document that
// promises "migrations/no-drop-column" while the config turns it off tells reviewers a check runs
// that does not.
import { defineRule } from "@deploylint/core/rule-api";
import { DOCS, writtenSection } from "../document.js";
import { type Block, DOCUMENT_FACT, PATHS_FACT } from "../facts.js";

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
    const bareIds = bareIdPatterns(known);
    let named = 0;
    section.blocks.forEach((block, index) => {
      if (!("text" in block)) return;
      const listSaysOff = block.type === "item" && introducedAsOff(section.blocks, index);
      for (const { rule, clause } of namedRules(block.text, bareIds)) {
        // A rule the document lists as off ("Switched off (not enforced): - `migrations/x` (off)",
        // as `deploylint strategy` writes it) is no promise; nor does it state an enforced rule.
        if (listSaysOff || saysOff(clause)) continue;
        named++;
        if (!(rule in severities))
          context.report({ messageId: "unknown", data: { rule }, file: doc.file, ...block.at });
        else if (severities[rule] === "off")
          context.report({ messageId: "promisedOff", data: { rule }, file: doc.file, ...block.at });
      }
    });
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

/** What a clause says of a rule it names to state that the rule does not run. */
const SAYS_OFF =
  /\((?:off|disabled)\)|\b(?:switched|turned|set) off\b|\bnot (?:enforced|enabled|checked)\b|\bdisabled\b|\boff\b/i;

// A feature flag switched off is the rollback the section may describe, not a rule switched off.
const FLAG_OFF = /\b(?:feature )?flags?\b[^.;:]*?\b(?:off|disabled)\b/gi;

function saysOff(text: string): boolean {
  return SAYS_OFF.test(text.replace(FLAG_OFF, ""));
}

/**
 * Whether the list holding the item at `index` is introduced as a list of rules that are off: the
 * paragraph just before its first item says so ("Switched off (not enforced):").
 */
function introducedAsOff(blocks: readonly Block[], index: number): boolean {
  const item = blocks[index];
  if (item?.type !== "item") return false;
  let first = index;
  while (first > 0) {
    const previous = blocks[first - 1];
    if (previous?.type !== "item" || previous.list !== item.list) break;
    first--;
  }
  const intro = blocks[first - 1];
  return intro?.type === "paragraph" && saysOff(intro.text) && /:\s*$/.test(intro.text);
}

interface BareId {
  id: string;
  /** The id without `migrations/`, as a word of its own. */
  pattern: RegExp;
}

/**
 * The known rules a text may name without their pack (a bare id with a hyphen: `no-drop-column`).
 * Made once per run: built per clause of every block, a section of a hundred clauses cost
 * thousands of RegExp compilations.
 */
function bareIdPatterns(known: readonly string[]): BareId[] {
  return known
    .filter((id) => id.slice(PACK.length).includes("-"))
    .map((id) => ({ id, pattern: new RegExp(`(^|[^\\w/-])${id.slice(PACK.length)}($|[^\\w-])`) }));
}

/**
 * Rule ids a text names (`migrations/<id>` anywhere, or a bare id of a known migrations rule as a
 * word of its own), each with the clause it stands in (its line, up to the nearest ";" or sentence
 * end), which says whether the rule is promised or stated to be off.
 */
function namedRules(text: string, bareIds: readonly BareId[]): { rule: string; clause: string }[] {
  const found = new Map<string, string>();
  for (const clause of text.split(/\n|;\s|\.\s/)) {
    for (const match of clause.matchAll(/\bmigrations\/([a-z][a-z0-9-]*[a-z0-9])/g)) {
      const rule = `${PACK}${match[1]}`;
      if (!found.has(rule) || !saysOff(clause)) found.set(rule, clause);
    }
    for (const { id, pattern } of bareIds) {
      if (!pattern.test(clause)) continue;
      if (!found.has(id) || !saysOff(clause)) found.set(id, clause);
    }
  }
  return [...found].map(([rule, clause]) => ({ rule, clause }));
}
