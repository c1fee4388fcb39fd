// The markdown reporter: a PR comment or job summary. A headline, a table of counts per rule with
// docs links, then every finding grouped by file in collapsible sections.
import type { Finding, LintResult, Reporter, ReporterContext } from "@deploylint/core";
import { printable } from "./printable.js";
import { groupByFile, mentionedRules, plural, ruleDocsUrl } from "./rule-info.js";

const SEVERITY_LABEL: Record<Finding["severity"], string> = { error: "error", warn: "warning", info: "info" };

// Text from the repository (file paths, names quoted in messages) is data, not markup. In a PR
// comment or a job summary it must not ping anyone (@user, @org/team), render a link or an image
// ([x](http://…), bare URLs, www.…), cross-reference an issue (#123), or leave its table cell.
// A zero-width space (as &#8203;) after `@` and `#`, and before `://` and the `.` of `www.`, keeps
// the text readable while GitHub no longer sees a mention, a reference or an autolink.
function defuse(text: string): string {
  return text
    .replace(/#(?=\d)/g, "#&#8203;") // first: the entities added below contain "#8203"
    .replace(/@/g, "@&#8203;")
    .replace(/:\/\//g, "&#8203;://")
    .replace(/\b(www)\./gi, "$1&#8203;.");
}

function escapeHtml(text: string): string {
  return printable(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Any line break (a lone \r included) would end the table row or the HTML block.
const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Repository text inside an HTML block (<summary>): markdown is not parsed there, but markdown's
 * punctuation is written as character references anyway, so that no renderer can see a link in it.
 */
function htmlText(text: string): string {
  return defuse(escapeHtml(text))
    .replace(/[\\`*_[\]()~|!]/g, (ch) => `&#${ch.charCodeAt(0)};`)
    .replace(LINE_BREAK, "<br>");
}

/** Repository text in a table cell: also inert as markdown (links, images, emphasis, code, pipes). */
function cell(text: string): string {
  return defuse(escapeHtml(text).replace(/[\\`*_[\]~|!]/g, "\\$&")).replace(LINE_BREAK, "<br>");
}

/** A code-styled cell: backslash escapes are literal inside backticks, so an HTML <code> holds it. */
function codeCell(text: string): string {
  return `<code>${cell(text)}</code>`;
}

/** A URL in link syntax: nothing in it may close the link or start another. */
function linkTarget(url: string): string {
  return printable(url).replace(
    /[\s()<>]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
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
  return `Baseline ${codeCell(baseline.file)}: ${plural(baseline.matched, "known finding")} hidden.${fixed}`;
}

function ruleTable(result: LintResult, context: ReporterContext): string {
  const rows = mentionedRules(result.findings).map((id) => {
    const of = result.findings.filter((f) => f.ruleId === id);
    const count = (severity: Finding["severity"]) => of.filter((f) => f.severity === severity).length;
    return `| [${cell(id)}](${linkTarget(ruleDocsUrl(context, id))}) | ${count("error")} | ${count("warn")} | ${count("info")} |`;
  });
  return ["| Rule | Errors | Warnings | Info |", "| --- | ---: | ---: | ---: |", ...rows].join("\n");
}

function fileDetails(file: string, findings: readonly Finding[]): string {
  const rows = findings.map((f) => {
    const message = f.help === undefined ? cell(f.message) : `${cell(f.message)}<br>_Help:_ ${cell(f.help)}`;
    return `| ${f.line}:${f.column} | ${SEVERITY_LABEL[f.severity]} | ${codeCell(f.ruleId)} | ${message} |`;
  });
  return [
    `<details><summary><code>${htmlText(file)}</code> (${findings.length})</summary>`,
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
