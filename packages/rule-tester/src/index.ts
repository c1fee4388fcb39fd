// RuleTester: runs valid/invalid cases for one rule through the real engine (the same planner,
// parsers, suppressions and message formatting as the CLI) and registers them as vitest tests.
import { type Finding, type Pack, type ResolvedConfig, runLint, validateRuleOptions } from "@deploylint/core";
import { describe, expect, it } from "vitest";

export interface ExpectedError {
  /** For project rules: the file the finding is in. */
  file?: string;
  messageId?: string;
  /** The exact formatted message. */
  message?: string;
  /** Placeholder values; checked by formatting the messageId's template with them. */
  data?: Record<string, string | number>;
  /** The exact help the finding carries (a rule may tailor it to the framework or dialect). */
  help?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The finding's severity, for a rule that lowers it for some findings (the case runs the rule at error). */
  severity?: "error" | "warn" | "info";
}

interface CaseBase {
  /** Test title; defaults to the file name and the first line of code. */
  name?: string;
  /** Run as a change set (--changed-since): file rules see only added and modified files. */
  changes?: { added?: string[]; modified?: string[]; deleted?: string[] };
  options?: unknown;
  settings?: Record<string, unknown>;
}

export type TestCase = CaseBase & ({ filename: string; code: string } | { files: Record<string, string> });
export type InvalidTestCase = TestCase & { errors: ExpectedError[] };

export interface RuleTesterConfig {
  pack: Pack;
  /** Settings every case starts from. */
  settings?: Record<string, unknown>;
}

const STYLE = /^[A-Z`"'].*[.?]$/s;

export class RuleTester {
  constructor(private readonly config: RuleTesterConfig) {}

  run(ruleName: string, cases: { valid: TestCase[]; invalid: InvalidTestCase[] }): void {
    const { pack } = this.config;
    const bare = ruleName.startsWith(`${pack.name}/`) ? ruleName.slice(pack.name.length + 1) : ruleName;
    const ruleId = `${pack.name}/${bare}`;
    const rule = pack.rules.find((r) => r.id === bare);
    describe(ruleId, () => {
      it("is a rule of the pack, with well-formed metadata", () => {
        expect(rule, `${pack.name} has no rule ${bare}`).toBeDefined();
        if (!rule) return;
        expect(rule.meta.description).toMatch(STYLE);
        for (const [id, message] of Object.entries(rule.meta.messages)) {
          expect(message, `message ${id} starts with a capital and ends with a period`).toMatch(STYLE);
        }
        if (rule.meta.help) expect(rule.meta.help).toMatch(STYLE);
      });
      describe("valid", () => {
        for (const testCase of cases.valid) {
          it(titleOf(testCase), async () => {
            const findings = await this.findingsFor(ruleId, testCase);
            expect(findings.map(describeFinding)).toEqual([]);
          });
        }
      });
      describe("invalid", () => {
        for (const testCase of cases.invalid) {
          it(titleOf(testCase), async () => {
            expect(testCase.errors.length, "an invalid case must expect at least one error").toBeGreaterThan(0);
            const findings = await this.findingsFor(ruleId, testCase);
            const template = (messageId: string) => rule?.meta.messages[messageId];
            const actual = findings.map((finding, index) => pickCompared(finding, testCase.errors[index], template));
            expect(actual).toEqual(testCase.errors.map((e) => expectedShape(e, template)));
          });
        }
      });
    });
  }

  /** The findings of one rule (and parse errors) for a case, through the real engine. */
  async findingsFor(ruleName: string, testCase: TestCase): Promise<Finding[]> {
    const { pack } = this.config;
    const ruleId = ruleName.startsWith(`${pack.name}/`) ? ruleName : `${pack.name}/${ruleName}`;
    const rule = pack.rules.find((r) => `${pack.name}/${r.id}` === ruleId);
    if (!rule) throw new Error(`${pack.name} has no rule ${ruleId}.`);
    if (testCase.options !== undefined) {
      validateRuleOptions({
        ruleId,
        schema: rule.meta.options,
        value: testCase.options,
        file: "test case",
        path: ["options"],
        lineOf: () => null,
      });
    }
    const defaults = rule.meta.defaultOptions;
    const merged =
      testCase.options === undefined
        ? defaults
        : isObject(defaults) && isObject(testCase.options)
          ? { ...defaults, ...testCase.options }
          : testCase.options;
    const problem = testCase.options !== undefined ? (rule.meta.checkOptions?.(merged) ?? null) : null;
    if (problem) throw new Error(`Options rejected by ${ruleId}: ${problem}`);
    const options = merged;
    const config: ResolvedConfig = {
      configFile: null,
      packs: [{ pack, specifier: null }],
      rules: {
        [ruleId]: { severity: "error", options },
        "deploylint/parse-error": { severity: "error", options: undefined },
      },
      overrides: [],
      settings: { ...this.config.settings, ...testCase.settings },
      ignores: [],
      maxFileSize: Number.MAX_SAFE_INTEGER,
    };
    const files = "files" in testCase ? testCase.files : { [testCase.filename]: testCase.code };
    const changes = testCase.changes
      ? {
          base: "test",
          added: testCase.changes.added ?? [],
          modified: testCase.changes.modified ?? [],
          deleted: testCase.changes.deleted ?? [],
        }
      : null;
    const result = await runLint({
      config,
      ...(changes ? { changes, lintPaths: new Set([...changes.added, ...changes.modified]) } : {}),
      files: Object.entries(files).map(([path, text]) => ({ path, absolutePath: `/virtual/${path}`, text })),
      workers: 0,
      readText: async () => ({ ok: false, reason: "virtual files only" }),
    });
    // Parse errors are shown too: a case whose code does not parse tests nothing.
    return result.findings.filter((f) => f.ruleId === ruleId || f.ruleId === "deploylint/parse-error");
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function titleOf(testCase: TestCase): string {
  if (testCase.name) return testCase.name;
  if ("files" in testCase) return Object.keys(testCase.files).join(" + ");
  const firstLine = testCase.code.split("\n").find((l) => l.trim()) ?? "";
  return `${testCase.filename}: ${firstLine.slice(0, 60)}`;
}

function describeFinding(f: Finding): string {
  return `${f.ruleId} at ${f.file}:${f.line}:${f.column}: ${f.message}`;
}

type TemplateOf = (messageId: string) => string | undefined;

function formatTemplate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (m, name: string) => (name in data ? String(data[name]) : m));
}

function expectedShape(expected: ExpectedError, template: TemplateOf): Record<string, unknown> {
  const shape: Record<string, unknown> = { line: expected.line, column: expected.column };
  if (expected.file !== undefined) shape.file = expected.file;
  if (expected.endLine !== undefined) shape.endLine = expected.endLine;
  if (expected.endColumn !== undefined) shape.endColumn = expected.endColumn;
  if (expected.severity !== undefined) shape.severity = expected.severity;
  if (expected.messageId !== undefined) shape.messageId = expected.messageId;
  if (expected.message !== undefined) shape.message = expected.message;
  if (expected.help !== undefined) shape.help = expected.help;
  if (expected.data !== undefined && expected.messageId !== undefined) {
    shape.message = formatTemplate(template(expected.messageId) ?? "", expected.data);
  }
  return shape;
}

// Compares only the fields the case names; the messageId is recovered by matching the message
// against each template, since findings carry formatted messages (as users see them).
function pickCompared(
  finding: Finding,
  expected: ExpectedError | undefined,
  template: TemplateOf,
): Record<string, unknown> {
  const actual: Record<string, unknown> = { line: finding.line, column: finding.column };
  if (!expected) return { ...actual, unexpected: describeFinding(finding) };
  if (expected.file !== undefined) actual.file = finding.file;
  if (expected.endLine !== undefined) actual.endLine = finding.endLine;
  if (expected.endColumn !== undefined) actual.endColumn = finding.endColumn;
  if (expected.severity !== undefined) actual.severity = finding.severity;
  if (expected.messageId !== undefined) {
    const expectedTemplate = template(expected.messageId);
    actual.messageId =
      expectedTemplate !== undefined && matchesTemplate(finding.message, expectedTemplate)
        ? expected.messageId
        : `(message "${finding.message}" of ${finding.ruleId})`;
  }
  if (expected.message !== undefined || (expected.data !== undefined && expected.messageId !== undefined)) {
    actual.message = finding.message;
  }
  if (expected.help !== undefined) actual.help = finding.help;
  return actual;
}

function matchesTemplate(message: string, template: string): boolean {
  const pattern = template
    .split(/\{\{\s*[\w.-]+\s*\}\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[\\s\\S]*");
  return new RegExp(`^${pattern}$`).test(message);
}
