// The stylish reporter: ESLint-style human output, findings grouped by file with aligned
// columns, the help under each finding and a one-line summary.
import type { Finding, LintResult, Reporter, ReporterContext } from "@deploylint/core";
import picocolors from "picocolors";
import { oneLine } from "./printable.js";

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

// Columns are padded on the plain text and coloured afterwards, so ANSI codes never skew the
// alignment. Line numbers align right and columns left, so the colons line up.
function renderFile(file: string, findings: readonly Finding[], colors: Colors): string {
  const lineWidth = widest(findings, (f) => String(f.line).length);
  const columnWidth = widest(findings, (f) => String(f.column).length);
  const severityWidth = widest(findings, (f) => SEVERITY_LABEL[f.severity].length);
  const messageWidth = widest(findings, (f) => oneLine(f.message).length);
  const messageIndent = " ".repeat(2 + lineWidth + 1 + columnWidth + 2 + severityWidth + 2);
  const lines = [colors.underline(oneLine(file))];
  for (const finding of findings) {
    const position = `${String(finding.line).padStart(lineWidth)}:${String(finding.column).padEnd(columnWidth)}`;
    const severity = colorSeverity(colors, finding.severity, SEVERITY_LABEL[finding.severity].padEnd(severityWidth));
    const message = oneLine(finding.message).padEnd(messageWidth);
    lines.push(`  ${colors.dim(position)}  ${severity}  ${message}  ${colors.dim(finding.ruleId)}`);
    if (finding.help !== undefined) lines.push(`${messageIndent}${colors.dim(`help: ${oneLine(finding.help)}`)}`);
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

export const stylish: Reporter = (result, context) => {
  const colors = picocolors.createColors(context.color);
  const blocks: string[] = [];
  for (const [file, findings] of groupByFile(result.findings)) blocks.push(renderFile(file, findings, colors));
  const tail = [
    renderSummary(result, colors),
    renderBaseline(context, colors),
    renderMaxWarnings(result, context, colors),
  ].filter((line): line is string => line !== null);
  blocks.push(tail.join("\n"));
  return `${blocks.join("\n\n")}\n`;
};
