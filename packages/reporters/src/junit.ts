// The junit reporter: JUnit XML for CI test-report widgets, one testsuite per file and one failing
// testcase per finding; a clean run is one passing testcase, so the widget shows green, not empty.
import type { Finding, LintResult, Reporter } from "@deploylint/core";
import { groupByFile } from "./rule-info.js";
import { escapeAttribute, escapeText } from "./xml.js";

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${escapeAttribute(String(value))}"`)
    .join(" ");
}

function testcase(finding: Finding): string {
  const name = `${finding.ruleId} at ${finding.line}:${finding.column}`;
  const body = [
    // The rule id goes in the failure text too: widgets that show only the failure lose the test name.
    `${finding.file}:${finding.line}:${finding.column}: ${finding.severity} ${finding.ruleId}: ${finding.message}`,
    ...(finding.help === undefined ? [] : [`Help: ${finding.help}`]),
  ].join("\n");
  return [
    `    <testcase ${attributes({ classname: finding.file, name, file: finding.file, line: finding.line, time: 0 })}>`,
    `      <failure ${attributes({ message: finding.message, type: finding.severity })}>${escapeText(body)}</failure>`,
    "    </testcase>",
  ].join("\n");
}

function testsuite(file: string, findings: readonly Finding[]): string {
  const head = `  <testsuite ${attributes({ name: file, tests: findings.length, failures: findings.length, errors: 0, skipped: 0, time: 0 })}>`;
  return [head, ...findings.map(testcase), "  </testsuite>"].join("\n");
}

function cleanSuite(files: number): string {
  return [
    `  <testsuite ${attributes({ name: "deploylint", tests: 1, failures: 0, errors: 0, skipped: 0, time: 0 })}>`,
    `    <testcase ${attributes({ classname: "deploylint", name: `No problems found in ${files} files`, time: 0 })}/>`,
    "  </testsuite>",
  ].join("\n");
}

export const junit: Reporter = (result: LintResult): string => {
  const count = result.findings.length;
  const suites =
    count === 0
      ? [cleanSuite(result.summary.files)]
      : [...groupByFile(result.findings)].map(([file, findings]) => testsuite(file, findings));
  const tests = count === 0 ? 1 : count;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attributes({ name: "deploylint", tests, failures: count, errors: 0, time: 0 })}>`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
};
