// verify on PGlite: a down that is right, one that leaves an index, one that forgets a column's
// default, one that fails, an up that cannot run twice, and an extension PGlite lacks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type VerifyResult, verifyMigrations } from "../src/index.js";
import { migrationRepo } from "./repo.js";

const FILES: Record<string, string> = {
  "db/migrations/000001_accounts.up.sql":
    "CREATE TABLE accounts (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  email text NOT NULL,\n  status text NOT NULL DEFAULT 'new'\n);\nCREATE UNIQUE INDEX accounts_email_key ON accounts (email);\n",
  "db/migrations/000001_accounts.down.sql": "DROP TABLE accounts;\n",
  "db/migrations/000002_index_status.up.sql": "CREATE INDEX CONCURRENTLY accounts_status_idx ON accounts (status);\n",
  "db/migrations/000002_index_status.down.sql": "-- nothing\n",
  "db/migrations/000003_status_default.up.sql": "ALTER TABLE accounts ALTER COLUMN status SET DEFAULT 'active';\n",
  "db/migrations/000003_status_default.down.sql": "ALTER TABLE accounts ALTER COLUMN status DROP DEFAULT;\n",
  "db/migrations/000004_nickname.up.sql": "ALTER TABLE accounts ADD COLUMN nickname text;\n",
  "db/migrations/000004_nickname.down.sql":
    "ALTER TABLE accounts DROP COLUMN nickname;\nDROP INDEX accounts_nickname_idx;\n",
  "db/migrations/000005_reporting_role.up.sql": "CREATE ROLE reporting_verify_test;\n",
  "db/migrations/000005_reporting_role.down.sql": "SELECT 1;\n",
  "db/migrations/000006_geo.up.sql": "CREATE EXTENSION IF NOT EXISTS postgis;\n",
  "db/migrations/000006_geo.down.sql": "DROP EXTENSION postgis;\n",
  "db/migrations/000007_places.up.sql": "CREATE TABLE places (id bigint PRIMARY KEY, at geometry(Point, 4326));\n",
  "db/migrations/000007_places.down.sql": "DROP TABLE places;\n",
};

describe("migrations verify on PGlite", () => {
  const repo = migrationRepo(FILES);
  let verified: VerifyResult;

  beforeAll(async () => {
    verified = await verifyMigrations({ cwd: repo.dir, settings: { paths: ["db/migrations"], dialect: "postgresql" } });
  }, 120_000);
  afterAll(() => repo.remove());

  it("runs on PGlite and gives one verdict per migration, in order", () => {
    expect(verified.engine).toBe("pglite");
    expect(verified.verdicts.map((v) => [v.migration, v.status])).toEqual([
      ["000001_accounts", "passed"],
      ["000002_index_status", "rollback-incomplete"],
      ["000003_status_default", "rollback-incomplete"],
      ["000004_nickname", "failed"],
      ["000005_reporting_role", "not-rerunnable"],
      ["000006_geo", "skipped"],
      ["000007_places", "skipped"],
    ]);
  });

  it("names what a rollback leaves behind: an index, a column's lost default", () => {
    const messages = verified.result.findings
      .filter((f) => f.ruleId === "migrations/rollback-incomplete")
      .map((f) => [f.file, f.message]);
    expect(messages).toEqual([
      [
        "db/migrations/000002_index_status.down.sql",
        expect.stringContaining("index accounts_status_idx is left after down"),
      ],
      [
        "db/migrations/000003_status_default.down.sql",
        expect.stringContaining(
          `column accounts.status is "text NOT NULL" after down, was "text NOT NULL DEFAULT 'new'::text"`,
        ),
      ],
    ]);
  });

  it("reports the statement the engine rejects, at its position, with the engine's message", () => {
    const failed = verified.result.findings.filter((f) => f.ruleId === "migrations/verify-failed");
    expect(failed).toEqual([
      expect.objectContaining({
        file: "db/migrations/000004_nickname.down.sql",
        line: 2,
        column: 1,
        severity: "error",
        message: expect.stringContaining('index "accounts_nickname_idx" does not exist'),
      }),
    ]);
  });

  it("reports an up that fails when it runs again after a down that looked complete", () => {
    const again = verified.result.findings.filter((f) => f.ruleId === "migrations/not-rerunnable");
    expect(again).toEqual([
      expect.objectContaining({
        file: "db/migrations/000005_reporting_role.up.sql",
        line: 1,
        message: expect.stringContaining('role "reporting_verify_test" already exists'),
      }),
    ]);
  });

  it("skips, never passes, what needs an extension PGlite lacks, and what comes after it", () => {
    const skipped = verified.result.findings.filter((f) => f.ruleId === "migrations/verify-skipped");
    expect(skipped.map((f) => [f.file, f.severity])).toEqual([
      ["db/migrations/000006_geo.up.sql", "info"],
      ["db/migrations/000007_places.up.sql", "info"],
    ]);
    expect(skipped[0]?.message).toContain("extension postgis, which pglite lacks");
    expect(verified.result.summary.errors).toBe(4);
  });
});
