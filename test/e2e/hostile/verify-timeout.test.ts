// issue 13, keep working: `migrations verify` gives each migration a time limit (--timeout). A
// runaway statement on the embedded engines (a recursive CTE without an end, pg_sleep) is stopped by
// terminating the engine's worker and becomes a migrations/verify-timeout finding at the statement;
// the run exits 1 and goes on where it can. Today the same repositories hang verify for good.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, tempRepos } from "../../support/cli.js";

const repo = tempRepos();

// Starting PGlite takes seconds on a busy machine, twice when a timeout restarts it: the spawned
// CLI gets minutes, and a verify that hangs (today's behaviour) ends as a killed process.
const SPAWN_LIMIT_MS = 240_000;

interface Report {
  findings: { ruleId: string; severity: string; file: string; line: number; message: string }[];
}

function verify(dir: string, args: string[]) {
  const run = spawnSync(process.execPath, [BIN, "migrations", "verify", "--format", "json", ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: SPAWN_LIMIT_MS,
  });
  let report: Report | null = null;
  try {
    report = JSON.parse(run.stdout) as Report;
  } catch {
    report = null;
  }
  return { status: run.status, signal: run.signal, stderr: run.stderr, report };
}

const RUNAWAY_CTE = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n;\n";

describe("migrations verify --timeout", () => {
  it("sql.js: a recursive CTE without an end is stopped, reported at its statement, and the run exits 1", () => {
    const dir = repo({
      "migrations/20260101000000_accounts/up.sql": "CREATE TABLE accounts (id integer PRIMARY KEY);\n",
      "migrations/20260101000000_accounts/down.sql": "DROP TABLE accounts;\n",
      "migrations/20260102000000_backfill/up.sql": `ALTER TABLE accounts ADD COLUMN n integer;\n${RUNAWAY_CTE}`,
      "migrations/20260102000000_backfill/down.sql": "ALTER TABLE accounts DROP COLUMN n;\n",
      "migrations/20260103000000_plans/up.sql": "CREATE TABLE plans (id integer PRIMARY KEY);\n",
      "migrations/20260103000000_plans/down.sql": "DROP TABLE plans;\n",
    });
    const started = Date.now();
    const run = verify(dir, ["--dialect", "sqlite", "--timeout", "2"]);
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(1);
    expect(Date.now() - started).toBeLessThan(120_000);
    const timeouts = (run.report?.findings ?? []).filter((f) => f.ruleId === "migrations/verify-timeout");
    expect(timeouts).toEqual([
      expect.objectContaining({
        severity: "error",
        file: "migrations/20260102000000_backfill/up.sql",
        line: 2,
        message: expect.stringContaining("did not finish within 2 s (sqljs, up)"),
      }),
    ]);
    // The migrations after it had nothing to build on: skipped, and said so.
    expect(run.stderr).toMatch(/FAIL 20260102000000_backfill +timed out after 2 s \(up\)/);
    expect(run.stderr).toMatch(/skip 20260103000000_plans +migration 20260102000000_backfill timed out/);
  }, 300_000);

  it("PGlite: pg_sleep(1000) in a down is stopped; a fresh engine replays the ups and the next migration is verified", () => {
    const dir = repo({
      "db/migrations/000001_accounts.up.sql": "CREATE TABLE accounts (id bigint PRIMARY KEY);\n",
      "db/migrations/000001_accounts.down.sql": "DROP TABLE accounts;\n",
      "db/migrations/000002_audit.up.sql": "CREATE TABLE audit (id bigint PRIMARY KEY);\n",
      "db/migrations/000002_audit.down.sql": "SELECT pg_sleep(1000);\nDROP TABLE audit;\n",
      "db/migrations/000003_plans.up.sql": "CREATE TABLE plans (id bigint PRIMARY KEY);\n",
      "db/migrations/000003_plans.down.sql": "DROP TABLE plans;\n",
    });
    const run = verify(dir, ["--timeout", "2"]);
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(1);
    expect(run.report?.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([
      "migrations/verify-timeout db/migrations/000002_audit.down.sql:1",
    ]);
    expect(run.report?.findings[0]?.message).toContain("did not finish within 2 s (pglite, down)");
    expect(run.stderr).toMatch(/FAIL 000002_audit +timed out after 2 s \(down\)/);
    expect(run.stderr).toMatch(/ok +000003_plans +up, down and up again: rollback complete/);
  }, 300_000);

  it.each([["0"], ["-3"], ["soon"], ["1e9"]])(
    "exits 2 on --timeout %s",
    (value) => {
      const run = verify(repo({ "db/migrations/000001_a.up.sql": "SELECT 1;\n" }), [`--timeout=${value}`]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("--timeout takes a number of seconds");
    },
    120_000,
  );
});
