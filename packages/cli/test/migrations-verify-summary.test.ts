// The header of `migrations verify`, its lines per reason for migrations without a down, and when
// the run could not judge (exit 2 by the gate rule).
import type { Finding, LintResult } from "@deploylint/core";
import type { Verdict } from "@deploylint/verify";
import { describe, expect, it } from "vitest";
import { cannotJudge, verdictReport, withoutNoDownFindings } from "../src/commands/migrations-verify-summary.js";

const NO_DOWN = "it has no down to run";
const noDown = (id: string): Verdict => ({
  migration: id,
  file: `migrations/${id}/migration.sql`,
  status: "skipped",
  note: NO_DOWN,
  ms: 2,
  noDown: true,
});
const passed = (id: string): Verdict => ({
  migration: id,
  file: `db/${id}.up.sql`,
  status: "passed",
  note: "up, down and up again: rollback complete",
  ms: 5,
});
const applied = (id: string): Verdict => ({
  migration: id,
  file: `db/${id}.up.sql`,
  status: "applied",
  note: "applied only (not changed)",
  ms: 1,
});
const extension: Verdict = {
  migration: "0009_geo",
  file: "db/0009_geo.up.sql",
  status: "skipped",
  note: "it creates extension postgis, which pglite lacks",
  ms: 3,
};

describe("verdictReport", () => {
  it("sums up the migrations without a down in one line per reason, and says what was verified", () => {
    const verdicts = [noDown("0001_a"), passed("0002_b"), noDown("0003_c"), noDown("0004_d"), extension];
    expect(verdictReport(verdicts, "pglite")).toBe(
      [
        "Verified on pglite: 1 of 5 migrations up, down and up again; not verified: 3 without a down (up applied only), 1 skipped (reasons below).",
        "ok   0002_b    up, down and up again: rollback complete (5 ms)",
        "skip 0009_geo  it creates extension postgis, which pglite lacks (3 ms)",
        "skip 3 migrations without a down: it has no down to run (0001_a … 0004_d)",
        "5 migrations in 14 ms.",
        "",
        "",
      ].join("\n"),
    );
  });

  it("sums up the migrations only applied under --changed-since", () => {
    const report = verdictReport([applied("0001_a"), applied("0002_b"), passed("0003_c")], "sql.js");
    expect(report.split("\n").slice(0, 3)).toEqual([
      "Verified on sql.js: 1 of 3 migrations up, down and up again; not verified: 2 not changed (applied only).",
      "ok   0003_c  up, down and up again: rollback complete (5 ms)",
      "     2 migrations applied only (not changed) (0001_a, 0002_b)",
    ]);
  });
});

describe("withoutNoDownFindings", () => {
  it("drops the skipped finding of each migration without a down, and keeps the others", () => {
    const finding = (ruleId: string, file: string): Finding => ({
      ruleId,
      severity: "info",
      message: "m",
      file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      fingerprint: file,
    });
    const result: LintResult = {
      version: 1,
      findings: [
        finding("migrations/verify-skipped", "migrations/0001_a/migration.sql"),
        finding("migrations/verify-skipped", "db/0009_geo.up.sql"),
        finding("migrations/rollback-incomplete", "migrations/0001_a/migration.sql"),
      ],
      summary: { files: 3, errors: 0, warnings: 0, suppressed: 0 },
      suppressed: [],
      skipped: [],
    };
    const kept = withoutNoDownFindings(result, [noDown("0001_a"), extension]).findings;
    expect(kept.map((f) => `${f.ruleId} ${f.file}`)).toEqual([
      "migrations/verify-skipped db/0009_geo.up.sql",
      "migrations/rollback-incomplete migrations/0001_a/migration.sql",
    ]);
  });
});

describe("cannotJudge", () => {
  it("judges when one migration went up, down and up again", () => {
    expect(cannotJudge([noDown("0001_a"), passed("0002_b")])).toBeNull();
  });

  it("judges when nothing changed since the ref (every migration only applied)", () => {
    expect(cannotJudge([applied("0001_a"), applied("0002_b")])).toBeNull();
  });

  it("cannot judge when no migration has a down", () => {
    expect(cannotJudge([noDown("0001_a"), noDown("0002_b"), applied("0000_z")])).toBe(
      "could not verify any rollback: none of the 2 migrations has a down it can run, so only their ups were applied. Write downs for the migrations that should roll back, or lint them without verify.",
    );
  });

  it("cannot judge when every migration asked about was skipped", () => {
    expect(cannotJudge([noDown("0001_a"), extension])).toMatch(/all 2 migrations were skipped \(1 without a down/);
  });
});
