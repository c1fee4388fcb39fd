// issue 13, keep working: with --database-url, `migrations verify` sets the session's
// statement_timeout from --timeout, so a `SELECT pg_sleep(1000)` on a real PostgreSQL server ends as
// a migrations/verify-timeout finding (exit 1) and the throwaway database is still dropped. Today
// the option does not exist and the statement would hold the gate for 1000 s.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PgServer, startPgServer } from "../../../packages/verify/test/support/pg-server.js";
import { BIN, tempRepo } from "../../support/cli.js";

let server: PgServer;
const dir = tempRepo({
  "db/migrations/000001_accounts.up.sql": "CREATE TABLE accounts (id bigint PRIMARY KEY);\n",
  "db/migrations/000001_accounts.down.sql": "DROP TABLE accounts;\n",
  "db/migrations/000002_wait.up.sql": "ALTER TABLE accounts ADD COLUMN plan text;\nSELECT pg_sleep(1000);\n",
  "db/migrations/000002_wait.down.sql": "ALTER TABLE accounts DROP COLUMN plan;\n",
});

beforeAll(async () => {
  server = await startPgServer();
}, 120_000);
afterAll(() => {
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function throwawayDatabases(url: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'deploylint_verify_%'")).rows;
  } finally {
    await client.end();
  }
}

describe("migrations verify --database-url --timeout", () => {
  it("stops pg_sleep(1000) with statement_timeout and reports migrations/verify-timeout", async () => {
    const run = spawnSync(
      process.execPath,
      [BIN, "migrations", "verify", "--database-url", server.url, "--timeout", "2", "--format", "json"],
      { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 120_000 },
    );
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as {
      findings: { ruleId: string; file: string; line: number; message: string }[];
    };
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([
      "migrations/verify-timeout db/migrations/000002_wait.up.sql:2",
    ]);
    expect(report.findings[0]?.message).toContain("did not finish within 2 s (postgres, up)");
    expect(await throwawayDatabases(server.url)).toEqual([]);
  }, 150_000);
});
