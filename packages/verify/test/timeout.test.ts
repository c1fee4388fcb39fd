// verify's time limit on sql.js: a runaway down is stopped, the worker restarts, the ups are
// replayed and the next migration is verified; a runaway up stops the run with the rest skipped.
import { afterAll, describe, expect, it } from "vitest";
import { verifyMigrations } from "../src/index.js";
import { migrationRepo } from "./repo.js";

const RUNAWAY = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n;\n";

describe("migrations verify under a time limit (sql.js)", () => {
  const repos: { remove(): void }[] = [];
  afterAll(() => {
    for (const repo of repos) repo.remove();
  });

  it("stops a runaway down, replays the ups on a fresh engine and verifies the next migration", async () => {
    const repo = migrationRepo({
      "migrations/20260101000000_accounts/up.sql": "CREATE TABLE accounts (id integer PRIMARY KEY);\n",
      "migrations/20260101000000_accounts/down.sql": `${RUNAWAY}DROP TABLE accounts;\n`,
      "migrations/20260102000000_plans/up.sql":
        "CREATE TABLE plans (id integer PRIMARY KEY, account integer REFERENCES accounts);\n",
      "migrations/20260102000000_plans/down.sql": "DROP TABLE plans;\n",
    });
    repos.push(repo);
    const verified = await verifyMigrations({ cwd: repo.dir, settings: { dialect: "sqlite" }, timeoutMs: 1000 });
    expect(verified.verdicts.map((v) => [v.migration, v.status, v.note])).toEqual([
      ["20260101000000_accounts", "timed-out", "timed out after 1 s (down)"],
      ["20260102000000_plans", "passed", "up, down and up again: rollback complete"],
    ]);
    expect(verified.result.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([
      "migrations/verify-timeout migrations/20260101000000_accounts/down.sql:1",
    ]);
    expect(verified.result.summary.errors).toBe(1);
  }, 60_000);

  it("stops a runaway up and skips what depends on it", async () => {
    const repo = migrationRepo({
      "migrations/20260101000000_loop/up.sql": RUNAWAY,
      "migrations/20260101000000_loop/down.sql": "SELECT 1;\n",
      "migrations/20260102000000_plans/up.sql": "CREATE TABLE plans (id integer PRIMARY KEY);\n",
      "migrations/20260102000000_plans/down.sql": "DROP TABLE plans;\n",
    });
    repos.push(repo);
    const verified = await verifyMigrations({ cwd: repo.dir, settings: { dialect: "sqlite" }, timeoutMs: 500 });
    expect(verified.verdicts.map((v) => [v.migration, v.status])).toEqual([
      ["20260101000000_loop", "timed-out"],
      ["20260102000000_plans", "skipped"],
    ]);
  }, 60_000);
});
