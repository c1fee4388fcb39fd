// The github reporter: GitHub Actions workflow commands, the most severe findings first. GitHub
// keeps at most 10 error, 10 warning and 10 notice annotations per step (actions/toolkit,
// docs/problem-matchers.md, "Limitations") and drops the rest without a word, so the reporter
// annotates up to that limit, prints the others as plain log lines, and says how many it did not
// annotate. The CLI appends githubStepSummary's full list to $GITHUB_STEP_SUMMARY (a reporter
// stays a pure function of the result).
import type { Finding, LintResult, Reporter, ReporterContext } from "@deploylint/core";
import { markdown } from "./markdown.js";
import { oneLine, printable } from "./printable.js";
import { plural } from "./rule-info.js";

/** Annotations GitHub shows per level (error, warning, notice) and step. */
export const ANNOTATIONS_PER_LEVEL = 10;
/** GitHub refuses a step summary over 1 MiB; this leaves room for what other steps append. */
export const STEP_SUMMARY_BUDGET = 1000 * 1024;

const RANK: Record<Finding["severity"], number> = { error: 0, warn: 1, info: 2 };

/** The findings to annotate (the most severe first, up to the limit per level) and the rest. */
export function planAnnotations(findings: readonly Finding[]): { annotated: Finding[]; rest: Finding[] } {
  const ordered = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const used: Record<Finding["severity"], number> = { error: 0, warn: 0, info: 0 };
  const annotated: Finding[] = [];
  const rest: Finding[] = [];
  for (const finding of ordered) {
    if (used[finding.severity] < ANNOTATIONS_PER_LEVEL) {
      used[finding.severity]++;
      annotated.push(finding);
    } else rest.push(finding);
  }
  return { annotated, rest };
}

function limitNote(rest: number, total: number): string {
  return `${plural(rest, "finding")} of ${total} not annotated: GitHub shows at most ${ANNOTATIONS_PER_LEVEL} error, ${ANNOTATIONS_PER_LEVEL} warning and ${ANNOTATIONS_PER_LEVEL} notice annotations per step`;
}

const COMMAND: Record<Finding["severity"], string> = { error: "error", warn: "warning", info: "notice" };

// The escaping of @actions/core's toCommandValue/escapeData and escapeProperty: a message or a
// property can never end the command early or start a new one on another line.
function escapeData(text: string): string {
  return printable(text).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function annotation(finding: Finding): string {
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    `line=${finding.line}`,
    `endLine=${finding.endLine}`,
    `col=${finding.column}`,
    // GitHub rejects endColumn on multi-line annotations.
    ...(finding.endLine === finding.line ? [`endColumn=${finding.endColumn}`] : []),
    `title=${escapeProperty(finding.ruleId)}`,
  ].join(",");
  const text = finding.help === undefined ? finding.message : `${finding.message}\n\nHelp: ${finding.help}`;
  return `::${COMMAND[finding.severity]} ${properties}::${escapeData(text)}`;
}

const LOG_SEVERITY: Record<Finding["severity"], string> = { error: "error", warn: "warning", info: "info" };

/** A finding past the limit, as a plain log line: no workflow command, so GitHub shows it as text. */
function logLine(finding: Finding): string {
  return `${oneLine(finding.file)}:${finding.line}:${finding.column}: ${LOG_SEVERITY[finding.severity]}: ${oneLine(finding.message)} (${finding.ruleId})`;
}

export const github: Reporter = (result: LintResult): string => {
  const { files, errors, warnings } = result.summary;
  const { annotated, rest } = planAnnotations(result.findings);
  const lines = annotated.map(annotation);
  // The runner reads any line that starts with "::" after its leading spaces as a command, and a
  // file name could; "- " in front keeps a plain line plain.
  lines.push(...rest.map((finding) => `- ${logLine(finding)}`));
  lines.push(`deploylint: ${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(files, "file")}.`);
  if (rest.length > 0)
    lines.push(
      `deploylint: ${limitNote(rest.length, result.findings.length)}; they are listed above and in the job summary.`,
    );
  return `${lines.join("\n")}\n`;
};

/**
 * The job summary for $GITHUB_STEP_SUMMARY: the markdown report of every finding, under a note
 * saying how many were not annotated. Cut at a line before GitHub's size limit, saying so.
 */
export function githubStepSummary(result: LintResult, context: ReporterContext): string {
  const { rest } = planAnnotations(result.findings);
  const note =
    rest.length > 0 ? `> [!NOTE]\n> ${limitNote(rest.length, result.findings.length)}; all are listed here.\n\n` : "";
  const full = `${note}${markdown(result, { ...context, color: false })}`;
  if (Buffer.byteLength(full) <= STEP_SUMMARY_BUDGET) return full;
  const cut = Buffer.from(full)
    .subarray(0, STEP_SUMMARY_BUDGET - 512)
    .toString("utf8");
  const whole = cut.slice(0, cut.lastIndexOf("\n") + 1).replace(/\uFFFD$/, "");
  return `${whole}\n\n> [!WARNING]\n> The summary was cut at GitHub's size limit; run deploylint --format markdown for the whole report.\n`;
}
