// The stylish reporter: ESLint-style human output, findings grouped by file with aligned columns,
// then each rule's help once with its docs link, a count per rule and a one-line summary.
import type { Finding, LintResult, Reporter, ReporterContext } from "@deploylint/core";
import picocolors from "picocolors";
import { oneLine } from "./printable.js";
import { legendHelps, renderCounts, renderLegend } from "./stylish-legend.js";
import { padTo, textWidth, wrapWords } from "./wrap.js";

type Colors = ReturnType<typeof picocolors.createColors>;

const SEVERITY_LABEL: Record<Finding["severity"], string> = { error: "error", warn: "warning", info: "info" };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

function colorSeverity(colors: Colors, severity: Finding["severity"], text: string): string {
  if (severity === "error") return colors.red(text);
  if (severity === "warn") return colors.yellow(text);
  return colors.blue(text);
}

// A loop, not Math.max(...widths): spreading 100,000 findings of one file overflows the stack.
function widest(findings: readonly Finding[], width: (finding: Finding) => number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const finding of findings) max = Math.max(max, width(finding));
  return max;
}

/** The least room a wrapped message gets, however narrow the terminal. */
const MIN_MESSAGE_ROOM = 24;

// Columns are padded on the plain text and coloured afterwards, so ANSI codes never skew the
// alignment. Line numbers align right and columns left, so the colons line up. The rule ids stand
// in a column of their own when every message fits beside them; otherwise (a width too narrow for
// that) each message wraps under itself across the whole width and its rule id follows its last
// line: a column beside wrapped text would take a third of the terminal and double the lines.
function renderFile(
  file: string,
  findings: readonly Finding[],
  options: { colors: Colors; width: number | undefined; legend: Map<string, string> },
): string {
  const { colors, width, legend } = options;
  const lineWidth = widest(findings, (f) => String(f.line).length);
  const columnWidth = widest(findings, (f) => String(f.column).length);
  const severityWidth = widest(findings, (f) => SEVERITY_LABEL[f.severity].length);
  const ruleWidth = widest(findings, (f) => textWidth(f.ruleId));
  const messageWidth = widest(findings, (f) => textWidth(oneLine(f.message)));
  const messageIndent = " ".repeat(2 + lineWidth + 1 + columnWidth + 2 + severityWidth + 2);
  const inColumn = width === undefined || messageIndent.length + messageWidth + 2 + ruleWidth <= width;
  const room = width === undefined ? undefined : Math.max(MIN_MESSAGE_ROOM, width - messageIndent.length);
  const lines = [colors.underline(oneLine(file))];
  for (const finding of findings) {
    const position = `${String(finding.line).padStart(lineWidth)}:${String(finding.column).padEnd(columnWidth)}`;
    const severity = colorSeverity(colors, finding.severity, SEVERITY_LABEL[finding.severity].padEnd(severityWidth));
    const head = `  ${colors.dim(position)}  ${severity}  `;
    const ruleId = colors.dim(finding.ruleId);
    if (inColumn) lines.push(`${head}${padTo(oneLine(finding.message), messageWidth)}  ${ruleId}`);
    else {
      const wrapped = wrapWords(oneLine(finding.message), room);
      const last = wrapped.length - 1;
      const fits = textWidth(wrapped[last] ?? "") + 2 + textWidth(finding.ruleId) <= (room ?? 0);
      wrapped.forEach((text, index) => {
        const tail = index === last && fits ? `  ${ruleId}` : "";
        lines.push(`${index === 0 ? head : messageIndent}${text}${tail}`);
      });
      if (!fits) lines.push(`${messageIndent}${ruleId}`);
    }
    // The legend holds the rule's usual help; only a help that says something else stays here.
    if (finding.help !== undefined && oneLine(finding.help) !== legend.get(finding.ruleId)) {
      for (const line of wrapWords(`help: ${oneLine(finding.help)}`, room))
        lines.push(`${messageIndent}${colors.dim(line)}`);
    }
  }
  return lines.join("\n");
}

function renderSummary(result: LintResult, colors: Colors): string {
  const { files, errors, warnings, suppressed } = result.summary;
  const infos = result.findings.filter((f) => f.severity === "info").length;
  const suppressedNote = suppressed > 0 ? `${suppressed} suppressed` : null;
  const problems = errors + warnings + infos;
  if (problems === 0) {
    const detail = suppressedNote ? ` (${suppressedNote})` : "";
    return colors.green(`✔ No problems found in ${plural(files, "file")}${detail}.`);
  }
  const counts = [plural(errors, "error"), plural(warnings, "warning")];
  if (infos > 0) counts.push(`${infos} info`);
  const detail = counts.join(", ") + (suppressedNote ? `; ${suppressedNote}` : "");
  const line = `✖ ${plural(problems, "problem")} (${detail})`;
  if (errors > 0) return colors.bold(colors.red(line));
  if (warnings > 0) return colors.bold(colors.yellow(line));
  return colors.bold(colors.blue(line));
}

function renderMaxWarnings(result: LintResult, context: ReporterContext, colors: Colors): string | null {
  const { maxWarnings } = context;
  const { warnings } = result.summary;
  if (maxWarnings === undefined || warnings <= maxWarnings) return null;
  return colors.yellow(
    `Too many warnings: ${warnings} found, the maximum is ${maxWarnings} (--max-warnings), so this run fails.`,
  );
}

function renderBaseline(context: ReporterContext, colors: Colors): string | null {
  const { baseline } = context;
  if (!baseline) return null;
  const hidden = `${plural(baseline.matched, "known finding")} hidden by the baseline ${baseline.file}.`;
  if (baseline.fixed === 0) return colors.dim(hidden);
  const entries =
    baseline.fixed === 1 ? "1 baseline entry no longer matches" : `${baseline.fixed} baseline entries no longer match`;
  return `${colors.dim(hidden)}\n${colors.yellow(`${entries}: run deploylint --update-baseline so the file shrinks.`)}`;
}

/** Past this many findings, fixing them one by one is not the first step: say what is. */
export const MANY_FINDINGS = 50;

function renderManyHint(result: LintResult, context: ReporterContext, colors: Colors): string | null {
  if (result.findings.length <= MANY_FINDINGS) return null;
  const hint = `More than ${MANY_FINDINGS} findings: run deploylint init to fit the config to this repository, or deploylint --update-baseline to accept today's findings and see only new ones.`;
  return colors.dim(wrapWords(hint, context.width).join("\n"));
}

export const stylish: Reporter = (result, context) => {
  const colors = picocolors.createColors(context.color);
  const legend = legendHelps(result.findings);
  const blocks: string[] = [];
  for (const [file, findings] of groupByFile(result.findings))
    blocks.push(renderFile(file, findings, { colors, width: context.width, legend }));
  for (const block of [renderLegend(result.findings, context, legend, colors), renderCounts(result.findings, colors)])
    if (block !== null) blocks.push(block);
  const tail = [
    renderSummary(result, colors),
    renderBaseline(context, colors),
    renderMaxWarnings(result, context, colors),
    renderManyHint(result, context, colors),
  ].filter((line): line is string => line !== null);
  blocks.push(tail.join("\n"));
  return `${blocks.join("\n\n")}\n`;
};
