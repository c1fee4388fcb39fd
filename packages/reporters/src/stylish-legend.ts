// The two blocks after stylish's findings: the legend (each rule's help once, with its docs link)
// and the count table. A mature repository has hundreds of findings of a dozen rules; printing the
// same help under each finding made the report ten times longer than the list of problems.
import type { Finding, ReporterContext } from "@deploylint/core";
import type picocolors from "picocolors";
import { oneLine } from "./printable.js";
import { ruleDocsUrl } from "./rule-info.js";
import { padTo, textWidth, wrapWords } from "./wrap.js";

type Colors = ReturnType<typeof picocolors.createColors>;

interface RuleTally {
  ruleId: string;
  errors: number;
  warnings: number;
  infos: number;
  /** Help texts of the rule's findings with how many findings carry each, in order of first sight. */
  helps: Map<string, number>;
}

function tally(findings: readonly Finding[]): RuleTally[] {
  const byRule = new Map<string, RuleTally>();
  for (const finding of findings) {
    let entry = byRule.get(finding.ruleId);
    if (!entry) {
      entry = { ruleId: finding.ruleId, errors: 0, warnings: 0, infos: 0, helps: new Map() };
      byRule.set(finding.ruleId, entry);
    }
    if (finding.severity === "error") entry.errors++;
    else if (finding.severity === "warn") entry.warnings++;
    else entry.infos++;
    if (finding.help !== undefined) {
      const help = oneLine(finding.help);
      entry.helps.set(help, (entry.helps.get(help) ?? 0) + 1);
    }
  }
  return [...byRule.values()];
}

/**
 * The help each rule shows in the legend: the text most of its findings carry (the first seen on a
 * tie). A finding whose help says something else (a column name in it, another remedy) keeps that
 * help under itself, so no advice is lost by printing it once.
 */
export function legendHelps(findings: readonly Finding[]): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const entry of tally(findings)) {
    let best: [string, number] | null = null;
    for (const [help, count] of entry.helps) if (best === null || count > best[1]) best = [help, count];
    if (best) chosen.set(entry.ruleId, best[0]);
  }
  return chosen;
}

/** Each rule once, in the order the findings first name it: its docs link, then its help wrapped. */
export function renderLegend(
  findings: readonly Finding[],
  context: ReporterContext,
  helps: Map<string, string>,
  colors: Colors,
): string | null {
  if (findings.length === 0) return null;
  const lines = [colors.bold("Rules, what to do, and their docs:")];
  const indent = "    ";
  const room = context.width === undefined ? undefined : Math.max(20, context.width - indent.length);
  for (const entry of tally(findings)) {
    // The URL gets a line of its own when the id and it do not fit side by side: it is never cut.
    const url = ruleDocsUrl(context, entry.ruleId);
    const heading = `  ${entry.ruleId}  ${url}`;
    if (context.width === undefined || textWidth(heading) <= context.width)
      lines.push(`  ${colors.bold(entry.ruleId)}  ${colors.dim(url)}`);
    else lines.push(`  ${colors.bold(entry.ruleId)}`, `${indent}${colors.dim(url)}`);
    // The findings' own help first (it may name this project's framework), then the rule's.
    const help =
      helps.get(entry.ruleId) ?? context.rules[entry.ruleId]?.help ?? context.rules[entry.ruleId]?.description;
    if (help !== undefined) for (const line of wrapWords(oneLine(help), room)) lines.push(`${indent}${line}`);
  }
  return lines.join("\n");
}

const COLUMNS = ["Errors", "Warnings", "Infos"] as const;

/** Rule, errors, warnings, infos: the most frequent rules first, so the big wins are on top. */
export function renderCounts(findings: readonly Finding[], colors: Colors): string | null {
  if (findings.length === 0) return null;
  const rows = tally(findings).sort(
    (a, b) =>
      b.errors + b.warnings + b.infos - (a.errors + a.warnings + a.infos) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  const ruleWidth = Math.max(textWidth("Rule"), ...rows.map((row) => textWidth(row.ruleId)));
  const cell = (value: number | string, index: number) => String(value).padStart(COLUMNS[index]?.length ?? 0);
  const header = `${padTo("Rule", ruleWidth)}  ${COLUMNS.join("  ")}`;
  const body = rows.map(
    (row) =>
      `${padTo(row.ruleId, ruleWidth)}  ${[row.errors, row.warnings, row.infos].map((n, i) => cell(n, i)).join("  ")}`,
  );
  return [colors.bold(header), ...body].join("\n");
}
