// The project's own fixture repositories, linted through the real CLI as fresh git repositories:
// harbor-shop reports every finding test/fixtures/harbor-shop.expected.json lists, calm-api none.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { git, ROOT, runJson, tempRepo } from "../support/cli.js";

type OneOrMore = string | string[];

interface Expectation {
  exitCode: number;
  minSuppressed?: number;
  clean: string[];
  expect: { ruleId: OneOrMore; file: OneOrMore; line?: number }[];
}

const EXPECTED = JSON.parse(
  readFileSync(join(ROOT, "test", "fixtures", "harbor-shop.expected.json"), "utf8"),
) as Expectation;
const asList = (value: OneOrMore): string[] => (Array.isArray(value) ? value : [value]);
const made: string[] = [];

// The rules harbor-shop was written to trigger: dropping an expectation must not go unnoticed.
const SEEDED = [
  "migrations/no-drop-column",
  "migrations/require-down",
  "migrations/require-concurrent-index",
  "migrations/no-mixed-schema-and-data",
  "migrations/no-unbatched-backfill",
  "migrations/no-rename-column",
  "migrations/require-not-valid-constraint",
  "migrations/no-required-column-without-default",
  "migrations/no-column-type-change",
  "migrations/no-empty-down",
  "secrets/no-hardcoded-secret",
  "secrets/no-credentials-in-url",
  "secrets/no-committed-dotenv",
  "secrets/no-real-value-in-example",
  "secrets/no-shared-credentials-across-environments",
  "secrets/no-inline-secret-in-ci",
  "secrets/no-public-secret",
  "env-docs/no-undocumented-var",
  "env-docs/require-description",
  "env-docs/require-example-value",
  "env-docs/no-unused-documented-var",
  "env-ladder/require-environment-fields",
  "env-ladder/database-parity",
  "env-ladder/no-real-data-outside-production",
  "env-ladder/log-level-ladder",
  "env-ladder/no-production-endpoint-outside-production",
];

/** A copy of the fixture as a fresh git repository with everything committed, like a real checkout. */
function committedCopy(fixture: string, extra: Record<string, string> = {}): string {
  const dir = tempRepo(extra, fixture);
  made.push(dir);
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "fixture");
  return dir;
}

function isLoud(finding: { severity: string }): boolean {
  return finding.severity === "error" || finding.severity === "warn";
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("harbor-shop reports what its expectation file lists", { timeout: 120_000 }, () => {
  let run: ReturnType<typeof runJson>;
  beforeAll(() => {
    run = runJson([], { cwd: committedCopy("harbor-shop") });
  }, 120_000);

  for (const want of EXPECTED.expect) {
    const where = `${asList(want.file).join("|")}${want.line === undefined ? "" : `:${want.line}`}`;
    it(`${asList(want.ruleId).join("|")} at ${where}`, () => {
      const hit = run.report.findings.some(
        (f) =>
          asList(want.ruleId).includes(f.ruleId) &&
          asList(want.file).includes(f.file) &&
          (want.line === undefined || f.line === want.line),
      );
      expect(hit, JSON.stringify(run.report.findings.filter((f) => asList(want.file).includes(f.file)))).toBe(true);
    });
  }

  it("lists at least one finding for every rule the fixture seeds", () => {
    const listed = new Set(EXPECTED.expect.flatMap((e) => asList(e.ruleId)));
    expect(SEEDED.filter((rule) => !listed.has(rule))).toEqual([]);
  });

  it("reports no error or warning in a clean file, and the clean files exist", () => {
    for (const file of EXPECTED.clean)
      expect(existsSync(join(ROOT, "test", "fixtures", "harbor-shop", file))).toBe(true);
    const loud = run.report.findings.filter((f) => isLoud(f) && EXPECTED.clean.includes(f.file));
    expect(loud.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([]);
  });

  it("exits with the expected code and counts the suppressed drop table", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(EXPECTED.exitCode);
    expect(run.report.summary.suppressed).toBeGreaterThanOrEqual(EXPECTED.minSuppressed ?? 0);
    expect(run.report.findings.some((f) => f.ruleId === "migrations/no-drop-table")).toBe(false);
  });

  it("reports the suppressed drop table once its directive is removed", () => {
    const dir = committedCopy("harbor-shop", {
      "db/migrations/000011_drop_tracking_events.up.sql": "DROP TABLE IF EXISTS tracking_events;\n",
    });
    const unsuppressed = runJson([], { cwd: dir });
    expect(unsuppressed.report.summary.suppressed).toBe(run.report.summary.suppressed - 1);
    expect(
      unsuppressed.report.findings.filter((f) => f.ruleId === "migrations/no-drop-table").map((f) => f.file),
    ).toEqual(["db/migrations/000011_drop_tracking_events.up.sql"]);
  });
});

describe("calm-api is clean with no configuration", { timeout: 120_000 }, () => {
  it("has no deploylint configuration of its own", () => {
    const fixture = join(ROOT, "test", "fixtures", "calm-api");
    for (const name of ["deploylint.config.yaml", "deploylint.config.yml", "deploylint.config.json", ".deploylintrc"]) {
      expect(existsSync(join(fixture, name))).toBe(false);
    }
  });

  it("exits 0 with no error or warning", () => {
    const run = runJson([], { cwd: committedCopy("calm-api") });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.report.findings.filter(isLoud)).toEqual([]);
    expect(run.report.summary.errors).toBe(0);
    expect(run.report.summary.warnings).toBe(0);
    expect(run.report.summary.files).toBeGreaterThanOrEqual(10);
  });

  it("the clean run can fail: problems added to calm-api are reported", () => {
    const dir = committedCopy("calm-api", {
      "db/migrations/20260207090000_drop_timezone.sql":
        "-- migrate:up\nALTER TABLE members DROP COLUMN timezone;\n\n-- migrate:down\nALTER TABLE members ADD COLUMN timezone text;\n",
      "src/streaks.ts": "export const streakGoal = Number(process.env.STREAK_GOAL_DAYS ?? 7);\n",
    });
    const run = runJson([], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.report.findings.filter(isLoud).map((f) => `${f.ruleId} ${f.file}`)).toEqual(
      expect.arrayContaining([
        "migrations/no-drop-column db/migrations/20260207090000_drop_timezone.sql",
        "env-docs/no-undocumented-var src/streaks.ts",
      ]),
    );
  });
});

describe("the expectation file matches the fixture", () => {
  it("names only files that exist in harbor-shop", () => {
    const files = EXPECTED.expect.flatMap((e) => asList(e.file));
    for (const file of files) expect(existsSync(join(ROOT, "test", "fixtures", "harbor-shop", file)), file).toBe(true);
  });
});
