// Pure functions of the docs generator: presets, doc-page headers and the README rule table are
// rendered from rule metadata, and the doc/test/page cross-checks are computed, without any I/O.

/** @typedef {"error" | "warn" | "info" | "off"} Severity */
/**
 * The part of a rule the generator reads (see packages/core/src/rule-api/types.ts).
 * @typedef {{ id: string, scope?: "file" | "project", meta: { description: string, kinds?: string[],
 *   presets: { recommended: Severity, strict: Severity, strategy?: Severity },
 *   presetOptions?: { recommended?: unknown, strict?: unknown, strategy?: unknown },
 *   options?: Record<string, unknown> } }} RuleLike
 */
/** @typedef {{ name: string, rules: RuleLike[] }} PackLike */
/** @typedef {{ key: string, pack: string, rule: RuleLike }} RuleEntry */
/** @typedef {{ path: string, label: string, before: string | null, after: string }} Output */

export const HEADER_BEGIN = "<!-- begin generated header -->";
export const HEADER_END = "<!-- end generated header -->";
export const TABLE_BEGIN = "<!-- begin rules table -->";
export const TABLE_END = "<!-- end rules table -->";

const SEVERITIES = new Set(["error", "warn", "info", "off"]);

/** Plain code-unit order, so output never depends on the machine's locale. */
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function docPath(key) {
  return `docs/rules/${key}.md`;
}

export function testPath(packName, ruleId) {
  // The engine's own pack lives in @deploylint/core, not under rules/.
  if (packName === "core") return `packages/core/test/rules/${ruleId}.test.ts`;
  return `rules/${packName}/test/${ruleId}.test.ts`;
}

/** What is wrong with one rule's metadata, as messages (empty when the generator can use it). */
function ruleShapeProblems(packName, rule) {
  if (typeof rule?.id !== "string" || rule.id === "") return [`A rule of pack ${packName} has no id.`];
  const key = `${packName}/${rule.id}`;
  const problems = [];
  if (rule.id.includes("/")) problems.push(`${key}: the rule id must not contain "/" (the pack prefix is added).`);
  if (typeof rule.meta?.description !== "string" || rule.meta.description === "") {
    problems.push(`${key}: meta.description is missing.`);
  }
  for (const preset of ["recommended", "strict"]) {
    if (!SEVERITIES.has(rule.meta?.presets?.[preset])) {
      problems.push(`${key}: meta.presets.${preset} must be one of error, warn, info, off.`);
    }
  }
  const strategy = rule.meta?.presets?.strategy;
  if (strategy !== undefined && !SEVERITIES.has(strategy)) {
    problems.push(`${key}: meta.presets.strategy, when set, must be one of error, warn, info, off.`);
  }
  return problems;
}

/**
 * Every usable rule of the packs, sorted by full id, and the problems that kept a rule or a pack
 * out (bad metadata, duplicate ids).
 * @param {PackLike[]} packs
 * @returns {{ entries: RuleEntry[], problems: string[] }}
 */
export function collectRules(packs) {
  const entries = [];
  const problems = [];
  const seen = new Set();
  for (const pack of packs) {
    if (typeof pack?.name !== "string" || !Array.isArray(pack.rules)) {
      problems.push(`A pack has no name or no rules array: ${JSON.stringify(pack?.name ?? null)}.`);
      continue;
    }
    for (const rule of pack.rules) {
      const shape = ruleShapeProblems(pack.name, rule);
      if (shape.length > 0) {
        problems.push(...shape);
        continue;
      }
      const key = `${pack.name}/${rule.id}`;
      if (seen.has(key)) {
        problems.push(`${key} is defined twice.`);
        continue;
      }
      seen.add(key);
      entries.push({ key, pack: pack.name, rule });
    }
  }
  entries.sort((a, b) => compare(a.key, b.key));
  return { entries, problems };
}

/**
 * A preset file: every rule at its severity in that preset, "off" left out, keys sorted. The opt-in
 * `strategy` preset holds only the rules that set a severity for it.
 * @param {RuleEntry[]} entries
 * @param {"recommended" | "strict" | "strategy"} preset
 */
export function renderPreset(entries, preset) {
  const rules = {};
  for (const { key, rule } of [...entries].sort((a, b) => compare(a.key, b.key))) {
    const severity = rule.meta.presets[preset] ?? "off";
    const options = rule.meta.presetOptions?.[preset];
    if (severity !== "off") rules[key] = options === undefined ? severity : [severity, options];
  }
  return `${JSON.stringify({ rules }, null, 2)}\n`;
}

function tableCell(text) {
  return String(text).replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

/** "project" for project rules, else the file kinds the rule reads. */
function appliesTo(rule) {
  if (rule.scope === "project") return "project";
  return (rule.meta.kinds ?? []).join(", ") || "(none)";
}

/** A preset's severity, with the options it sets (`error` with `{"style":true}`). */
function presetCell(rule, preset) {
  const severity = rule.meta.presets[preset];
  const options = rule.meta.presetOptions?.[preset];
  return options === undefined || severity === "off"
    ? severity
    : tableCell(`${severity} with \`${JSON.stringify(options)}\``);
}

/**
 * The generated header of a rule's doc page (the text between the header markers, markers excluded).
 * @param {RuleEntry} entry
 */
export function renderHeader({ key, rule }) {
  const { description, options } = rule.meta;
  const lines = [
    `# ${key}`,
    "",
    description,
    "",
    "| Recommended | Strict | Applies to | Has options |",
    "| --- | --- | --- | --- |",
    `| ${presetCell(rule, "recommended")} | ${presetCell(rule, "strict")} | ${tableCell(appliesTo(rule))} | ${options ? "yes" : "no"} |`,
  ];
  if (options) lines.push("", "Options schema:", "", "```json", JSON.stringify(options, null, 2), "```");
  return `\n${lines.join("\n")}\n\n`;
}

/**
 * The README rule table (the text between the table markers, markers excluded).
 * @param {RuleEntry[]} entries
 */
export function renderRulesTable(entries) {
  const rows = [...entries]
    .sort((a, b) => compare(a.key, b.key))
    .map(
      ({ key, rule }) =>
        `| [${key}](${docPath(key)}) | ${rule.meta.presets.recommended} | ${rule.meta.presets.strict} | ${tableCell(rule.meta.description)} |`,
    );
  return `\n${["| Rule | Recommended | Strict | Description |", "| --- | --- | --- | --- |", ...rows].join("\n")}\n`;
}

/**
 * `text` with what lies between the two markers replaced by `content`, or null when the markers
 * are missing or out of order.
 * @param {string} text
 * @param {{ begin: string, end: string, content: string }} markers
 */
export function replaceBetween(text, { begin, end, content }) {
  const start = text.indexOf(begin);
  if (start === -1) return null;
  const from = start + begin.length;
  const to = text.indexOf(end, from);
  if (to === -1) return null;
  return text.slice(0, from) + content + text.slice(to);
}

/**
 * The cross-checks that hold in both modes: each rule has a doc page and a test file, and each
 * doc page belongs to a rule. A missing page is reported, never written.
 * @param {{ entries: RuleEntry[], docPages: string[], testFiles: Set<string> | string[] }} input
 *   docPages: the .md files under docs/rules/<pack>/, relative to the repository root.
 */
export function findMissing({ entries, docPages, testFiles }) {
  const pages = new Set(docPages);
  const tests = new Set(testFiles);
  const known = new Set(entries.map(({ key }) => docPath(key)));
  const problems = [];
  for (const { key, pack, rule } of entries) {
    if (!pages.has(docPath(key))) problems.push(`${key} has no doc page: write ${docPath(key)}.`);
    if (!tests.has(testPath(pack, rule.id))) problems.push(`${key} has no test: write ${testPath(pack, rule.id)}.`);
  }
  for (const page of [...pages].sort(compare)) {
    if (!known.has(page)) problems.push(`${page} documents no known rule: remove it or fix its name.`);
  }
  return problems;
}

/** 1-based number of the first line where two texts differ (null when they are equal). */
export function firstDifferentLine(before, after) {
  if (before === after) return null;
  const a = before.split("\n");
  const b = after.split("\n");
  let line = 0;
  while (line < a.length && line < b.length && a[line] === b[line]) line += 1;
  return line + 1;
}

/**
 * Everything the generator would write, with what is on disk now, plus the problems found.
 * `readText(path)` returns a file's text or null when it does not exist.
 * @param {{ packs: PackLike[], docPages: string[], testFiles: Set<string> | string[],
 *   readText: (path: string) => string | null }} input
 * @returns {{ outputs: Output[], problems: string[] }}
 */
export function plan({ packs, docPages, testFiles, readText }) {
  const { entries, problems } = collectRules(packs);
  const outputs = [];
  for (const preset of /** @type {const} */ (["recommended", "strict", "strategy"])) {
    const path = `presets/${preset}.json`;
    outputs.push({ path, label: path, before: readText(path), after: renderPreset(entries, preset) });
  }
  const pages = new Set(docPages);
  for (const entry of entries) {
    const path = docPath(entry.key);
    if (!pages.has(path)) continue;
    const before = readText(path) ?? "";
    const after = replaceBetween(before, { begin: HEADER_BEGIN, end: HEADER_END, content: renderHeader(entry) });
    if (after === null) problems.push(`${path} lacks the lines ${HEADER_BEGIN} and ${HEADER_END} (in that order).`);
    else outputs.push({ path, label: `${path} (generated header)`, before, after });
  }
  // The README table is optional: a README without the markers is left alone.
  const readme = readText("README.md");
  if (readme !== null) {
    const after = replaceBetween(readme, { begin: TABLE_BEGIN, end: TABLE_END, content: renderRulesTable(entries) });
    if (after !== null) outputs.push({ path: "README.md", label: "README.md (rules table)", before: readme, after });
  }
  problems.push(...findMissing({ entries, docPages, testFiles }));
  return { outputs, problems };
}
