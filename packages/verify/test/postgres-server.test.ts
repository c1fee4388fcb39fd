// verify --database-url on a real PostgreSQL server (Debian's package, started privately here):
// the same verdicts as PGlite, a throwaway database that is gone afterwards, and the refusal to run
// next to a database that holds tables.
import { existsSync, readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NonEmptyDatabaseError, THROWAWAY_PREFIX, verifyMigrations } from "../src/index.js";
import { migrationRepo } from "./repo.js";
import { type PgServer, startPgServer } from "./support/pg-server.js";

const FILES = {
  "db/migrations/000001_accounts.up.sql": "CREATE TABLE accounts (id bigint PRIMARY KEY, plan text DEFAULT 'free');\n",
  "db/migrations/000001_accounts.down.sql": "DROP TABLE accounts;\n",
  "db/migrations/000002_plan_index.up.sql": "CREATE INDEX CONCURRENTLY accounts_plan_idx ON accounts (plan);\n",
  "db/migrations/000002_plan_index.down.sql": "SELECT 1;\n",
  "db/migrations/000003_reporting.up.sql": "CREATE ROLE verify_reporting_role;\n",
  "db/migrations/000003_reporting.down.sql": "SELECT 1;\n",
};

async function query<T extends Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Whether the process still runs (a zombie waiting for a container's init to reap it does not). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, "utf8") : "";
  return !/^\d+ \(.*\) Z/.test(stat);
}

describe("migrations verify --database-url on a real PostgreSQL server", () => {
  const repo = migrationRepo(FILES);
  let server: PgServer;

  beforeAll(async () => {
    server = await startPgServer();
  }, 60_000);
  afterAll(() => {
    const pid = server.pid;
    server.stop();
    repo.remove();
    expect(alive(pid)).toBe(false);
  });

  it("verifies on a throwaway database and drops it", async () => {
    const verified = await verifyMigrations({ cwd: repo.dir, settings: {}, databaseUrl: server.url });
    expect(verified.engine).toBe("postgres");
    expect(verified.verdicts.map((v) => [v.migration, v.status])).toEqual([
      ["000001_accounts", "passed"],
      ["000002_plan_index", "rollback-incomplete"],
      ["000003_reporting", "not-rerunnable"],
    ]);
    expect(verified.result.findings[0]?.message).toContain("index accounts_plan_idx is left after down");
    const left = await query(server.url, `SELECT datname FROM pg_database WHERE datname LIKE '${THROWAWAY_PREFIX}%'`);
    expect(left).toEqual([]);
    // A role is the server's, not the throwaway database's: verify drops the ones migrations created.
    expect(await query(server.url, "SELECT rolname FROM pg_roles WHERE rolname = 'verify_reporting_role'")).toEqual([]);
  }, 60_000);

  it("refuses a server whose database holds tables, unless allowed", async () => {
    await query(server.url, "CREATE TABLE customers (id int)");
    try {
      await expect(verifyMigrations({ cwd: repo.dir, settings: {}, databaseUrl: server.url })).rejects.toBeInstanceOf(
        NonEmptyDatabaseError,
      );
      const allowed = await verifyMigrations({
        cwd: repo.dir,
        settings: {},
        databaseUrl: server.url,
        allowNonEmpty: true,
      });
      expect(allowed.verdicts).toHaveLength(3);
      const left = await query(server.url, `SELECT datname FROM pg_database WHERE datname LIKE '${THROWAWAY_PREFIX}%'`);
      expect(left).toEqual([]);
    } finally {
      await query(server.url, "DROP TABLE customers");
    }
  }, 60_000);
});
