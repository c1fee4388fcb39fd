// The junit reporter read by a real JUnit consumer's parser (junit2json, from the npm registry):
// the CLI's --format junit on harbor-shop, and the reporter itself on messages hostile to XML.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Finding, LintResult, ReporterContext } from "@deploylint/core";
import { junit } from "@deploylint/reporters";
import { parse, type TestSuites } from "junit2json";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { git, runCli, runJson, tempRepo } from "../support/cli.js";

type JsonFinding = ReturnType<typeof runJson>["report"]["findings"][number];

const made: string[] = [];

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function byFile(findings: readonly JsonFinding[]): Map<string, JsonFinding[]> {
  const files = new Map<string, JsonFinding[]>();
  for (const finding of findings) files.set(finding.file, [...(files.get(finding.file) ?? []), finding]);
  return files;
}

describe("junit through --format junit on harbor-shop, parsed by junit2json", { timeout: 120_000 }, () => {
  let suites: TestSuites;
  let findings: JsonFinding[];
  let xml: string;
  let dir: string;

  beforeAll(async () => {
    dir = tempRepo({}, "harbor-shop");
    made.push(dir);
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "fixture");
    findings = runJson([], { cwd: dir }).report.findings;
    const run = runCli(["--format", "junit"], { cwd: dir });
    expect(run.status).toBe(1);
    xml = run.stdout;
    suites = (await parse(xml)) as TestSuites;
  });

  it("has findings to check (a clean run would prove nothing here)", () => {
    expect(findings.length).toBeGreaterThan(10);
  });

  it("holds one testsuite per file with findings, and totals equal to the findings", () => {
    const files = byFile(findings);
    expect(suites.tests).toBe(findings.length);
    expect(suites.failures).toBe(findings.length);
    expect((suites.testsuite ?? []).map((suite) => suite.name).sort()).toEqual([...files.keys()].sort());
    for (const suite of suites.testsuite ?? []) {
      const expected = files.get(suite.name ?? "") ?? [];
      expect(suite.tests, suite.name).toBe(expected.length);
      expect(suite.failures, suite.name).toBe(expected.length);
      expect(suite.testcase ?? [], suite.name).toHaveLength(expected.length);
    }
  });

  it("gives each finding a failing testcase that carries its rule id, location and message", () => {
    const files = byFile(findings);
    for (const suite of suites.testsuite ?? []) {
      const expected = files.get(suite.name ?? "") ?? [];
      (suite.testcase ?? []).forEach((testcase, i) => {
        const finding = expected[i];
        if (finding === undefined) throw new Error(`no finding for testcase ${testcase.name}`);
        expect(testcase.classname).toBe(finding.file);
        expect(testcase.name).toBe(`${finding.ruleId} at ${finding.line}:${finding.column}`);
        const failure = testcase.failure?.[0];
        expect(testcase.failure).toHaveLength(1);
        expect(failure?.message).toBe(finding.message);
        expect(failure?.type).toBe(finding.severity);
        expect(failure?.inner).toContain(
          `${finding.file}:${finding.line}:${finding.column}: ${finding.severity} ${finding.ruleId}: ${finding.message}`,
        );
      });
    }
  });

  it("prints no secret value harbor-shop holds", () => {
    const values = [
      ...readFileSync(join(dir, "src", "billing", "stripe-client.ts"), "utf8").matchAll(/sk_live_\w+/g),
      ...readFileSync(join(dir, "src", "storage", "s3.ts"), "utf8").matchAll(/Key(?:Id)?: "([^"]+)"/g),
    ].map((match) => match[1] ?? match[0]);
    expect(values).toHaveLength(3);
    for (const value of values) expect(xml).not.toContain(value);
  });
});

// A finding whose message, help and file name hold everything XML 1.0 and attribute values find
// hard: markup, entities, quotes, CDATA end, line breaks, tabs, control characters, astral text.
const HOSTILE =
  "Column <email> & \"name\" 'x' ]]> <![CDATA[ y ]]> &amp; &#0; \u0000\u0001\u0007\u001b[31m\u000b\u000c tab\there\r\nnext 😀 \uFFFE\uD800 end.";

function hostile(overrides: Partial<Finding>): Finding {
  return {
    ruleId: "migrations/no-drop-column",
    severity: "error",
    message: HOSTILE,
    help: `Help: ${HOSTILE}`,
    file: 'db/migrations/000003_<drop> & "it".up.sql',
    line: 3,
    column: 7,
    endLine: 3,
    endColumn: 19,
    fingerprint: "0123456789abcdef",
    ...overrides,
  };
}

const context: ReporterContext = { cwd: "/repo", color: false, rules: {} };

function result(findings: Finding[]): LintResult {
  return {
    version: 1,
    findings,
    summary: { files: 3, errors: findings.length, warnings: 0, suppressed: 0 },
    suppressed: [],
    skipped: [],
  };
}

// What an XML 1.0 parser can hand back of a string: the characters XML cannot carry are gone.
function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
}

describe("junit with XML-hostile messages, parsed by junit2json", () => {
  it("parses, and keeps every character XML can carry in the message and the failure text", async () => {
    const finding = hostile({});
    const parsed = (await parse(junit(result([finding]), context))) as TestSuites;
    expect(parsed.tests).toBe(1);
    const suite = parsed.testsuite?.[0];
    expect(suite?.name).toBe(finding.file);
    const failure = suite?.testcase?.[0]?.failure?.[0];
    expect(failure?.message).toBe(xmlSafe(HOSTILE));
    expect(failure?.inner).toContain(`error migrations/no-drop-column: ${xmlSafe(HOSTILE)}`);
    expect(failure?.inner).toContain(xmlSafe(`Help: ${HOSTILE}`));
  });

  it("parses one suite per file when several hostile findings share and split files", async () => {
    const findings = [
      hostile({}),
      hostile({ line: 9, ruleId: "migrations/require-down" }),
      hostile({ file: "src/ключ <&>.ts", ruleId: "secrets/no-hardcoded-secret", message: "]]>\u0002" }),
    ];
    const parsed = (await parse(junit(result(findings), context))) as TestSuites;
    expect(parsed.tests).toBe(3);
    expect(parsed.failures).toBe(3);
    expect(parsed.testsuite?.map((s) => [s.name, s.tests, s.testcase?.length])).toEqual([
      [findings[0]?.file, 2, 2],
      ["src/ключ <&>.ts", 1, 1],
    ]);
    expect(parsed.testsuite?.[1]?.testcase?.[0]?.failure?.[0]?.message).toBe("]]>");
  });

  it("is rejected by the parser when escaping is skipped, so the checks above can fail", async () => {
    const broken = junit(result([hostile({ message: "a < b", help: "h", file: "f.sql" })]), context).replaceAll(
      "a &lt; b",
      "a < b",
    );
    await expect(parse(broken)).rejects.toThrow();
  });
});
