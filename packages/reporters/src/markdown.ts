// The markdown reporter: a PR comment or job summary. A headline, a table of counts per rule with
// docs links, then every finding grouped by file in collapsible sections.
import type { Finding, LintResult, Reporter, ReporterContext } from "@deploylint/core";
import { printable } from "./printable.js";
import { groupByFile, mentionedRules, plural, ruleDocsUrl } from "./rule-info.js";

const SEVERITY_LABEL: Record<Finding["severity"], string> = { error: "error", warn: "warning", info: "info" };

// Messages are data, not markup: HTML is inert, a pipe cannot split a table cell, a line break
// cannot end the row.
function cell(text: string): string {
  return printable(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, "<br>");
}

function headline(result: LintResult): string {
  const { files, errors, warnings, suppressed } = result.summary;
  const infos = result.findings.filter((f) => f.severity === "info").length;
  const suppressedNote = suppressed > 0 ? `, ${suppressed} suppressed inline` : "";
  if (result.findings.length === 0) return `✔ No problems found in ${plural(files, "file")}${suppressedNote}.`;
  const counts = [plural(errors, "error"), plural(warnings, "warning"), ...(infos > 0 ? [`${infos} info`] : [])];
  return `✖ **${plural(result.findings.length, "problem")}** (${counts.join(", ")}) in ${plural(files, "file")}${suppressedNote}.`;
}

function baselineNote(context: ReporterContext): string | null {
  const { baseline } = context;
  if (!baseline) return null;
  const fixed =
    baseline.fixed > 0
      ? ` ${plural(baseline.fixed, "baseline entry", "baseline entries")} no longer match: run \`deploylint --update-baseline\` so the file shrinks.`
      : "";
  return `Baseline \`${cell(baseline.file)}\`: ${plural(baseline.matched, "known finding")} hidden.${fixed}`;
}

function ruleTable(result: LintResult, context: ReporterContext): string {
  const rows = mentionedRules(result.findings).map((id) => {
    const of = result.findings.filter((f) => f.ruleId === id);
    const count = (severity: Finding["severity"]) => of.filter((f) => f.severity === severity).length;
    return `| [${cell(id)}](${ruleDocsUrl(context, id)}) | ${count("error")} | ${count("warn")} | ${count("info")} |`;
  });
  return ["| Rule | Errors | Warnings | Info |", "| --- | ---: | ---: | ---: |", ...rows].join("\n");
}

function fileDetails(file: string, findings: readonly Finding[]): string {
  const rows = findings.map((f) => {
    const message = f.help === undefined ? cell(f.message) : `${cell(f.message)}<br>_Help:_ ${cell(f.help)}`;
    return `| ${f.line}:${f.column} | ${SEVERITY_LABEL[f.severity]} | \`${f.ruleId}\` | ${message} |`;
  });
  return [
    `<details><summary><code>${cell(file)}</code> (${findings.length})</summary>`,
    "",
    "| Line | Severity | Rule | Message |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    "</details>",
  ].join("\n");
}

export const markdown: Reporter = (result, context) => {
  const blocks = ["## deploylint", headline(result)];
  const note = baselineNote(context);
  if (note) blocks.push(note);
  if (result.findings.length > 0) {
    blocks.push(ruleTable(result, context));
    for (const [file, findings] of groupByFile(result.findings)) blocks.push(fileDetails(file, findings));
  }
  return `${blocks.join("\n\n")}\n`;
};
