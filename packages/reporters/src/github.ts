// The github reporter: GitHub Actions workflow commands, one annotation per finding. GitHub shows
// at most 10 annotations per level per step, so the CLI also appends the markdown report to
// $GITHUB_STEP_SUMMARY when it is set (a reporter stays a pure function of the result).
import type { Finding, LintResult, Reporter } from "@deploylint/core";
import { printable } from "./printable.js";
import { plural } from "./rule-info.js";

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

export const github: Reporter = (result: LintResult): string => {
  const { files, errors, warnings } = result.summary;
  const lines = result.findings.map(annotation);
  lines.push(`deploylint: ${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(files, "file")}.`);
  return `${lines.join("\n")}\n`;
};
