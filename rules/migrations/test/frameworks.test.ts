// One small repository per migration framework (fixtures/frameworks/<name>/), linted by the real CLI:
// detection, up/down pairing and transaction behaviour must give exactly the findings in expected.json.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runJson } from "../../../test/support/cli.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "frameworks");

interface ExpectedFinding {
  rule: string;
  file: string;
  line: number;
  /** Text the message must hold: names the framework (or the transaction) the finding comes from. */
  message?: string;
  why: string;
}

// Where the tool knowingly differs from the framework's semantics: listed so that the test fails
// (and the entry is removed) once the gap is closed.
interface KnownGap {
  kind: "missing" | "unexpected";
  rule: string;
  file: string;
  line: number;
  why: string;
}

interface Expected {
  framework: string;
  findings: ExpectedFinding[];
  knownGaps?: KnownGap[];
}

const FRAMEWORKS = [
  "atlas",
  "dbmate",
  "diesel",
  "drizzle",
  "flyway",
  "golang-migrate",
  "goose",
  "liquibase",
  "plain",
  "prisma",
  "sqitch",
];

const made: string[] = [];

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function key(finding: { rule: string; file: string; line: number }): string {
  return `${finding.rule} ${finding.file}:${finding.line}`;
}

function lintCopy(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `deploylint-${name}-`));
  made.push(dir);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  const { status, report, stderr } = runJson([], { cwd: dir });
  return { status, report, stderr };
}

describe("migration framework fixtures", () => {
  it("has one fixture per supported SQL framework", () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual(FRAMEWORKS);
  });

  for (const name of FRAMEWORKS) {
    it(`${name}: detection, up/down pairing and transactions give the expected findings`, () => {
      const expected = JSON.parse(readFileSync(join(FIXTURES, name, "expected.json"), "utf8")) as Expected;
      expect(expected.framework).toBe(name);
      const { status, report, stderr } = lintCopy(name);
      expect(stderr).toBe("");
      const actual = report.findings.map((f) => ({ rule: f.ruleId, file: f.file, line: f.line, message: f.message }));

      const gaps = expected.knownGaps ?? [];
      const missing = new Set(gaps.filter((g) => g.kind === "missing").map(key));
      const want = [
        ...expected.findings.map(key).filter((k) => !missing.has(k)),
        ...gaps.filter((g) => g.kind === "unexpected").map(key),
      ].sort();
      expect(actual.map(key).sort()).toEqual(want);
      // A known "missing" finding really is still missing (otherwise the gap is closed: update the file).
      for (const gap of missing) expect(actual.map(key)).not.toContain(gap);

      for (const finding of expected.findings) {
        if (finding.message === undefined || missing.has(key(finding))) continue;
        const found = actual.find((f) => key(f) === key(finding));
        expect(found?.message, key(finding)).toContain(finding.message);
      }
      expect(status).toBe(want.length > 0 ? 1 : 0);
    });
  }
});
