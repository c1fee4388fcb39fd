// `deploylint migrations verify` through the CLI on copies of the fixture repositories:
// harbor-shop's 000007_vouchers rolls back completely and the downs that do not match are named;
// calm-api verifies; the findings go through the lint reporters and exit codes.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, tempRepo } from "../support/cli.js";

const made: string[] = [];

function copyOf(fixture: string): string {
  const dir = tempRepo({}, fixture);
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("deploylint migrations verify", () => {
  it("harbor-shop: 000007_vouchers rolls back completely; 000010 and 000011 do not", () => {
    const dir = copyOf("harbor-shop");
    const stylish = runCli(["migrations", "verify"], { cwd: dir });
    expect(stylish.status).toBe(1);
    expect(stylish.stdout).toMatch(/ok +000007_vouchers +up, down and up again: rollback complete/);
    expect(stylish.stdout).toMatch(
      /FAIL 000010_index_shipments_carrier +rollback incomplete: index shipments_carrier_idx is left after down/,
    );
    expect(stylish.stdout).toMatch(
      /FAIL 000011_drop_tracking_events +rollback incomplete: table tracking_events is left after down/,
    );

    const json = runCli(["migrations", "verify", "--format", "json", "--quiet"], { cwd: dir });
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as { findings: { ruleId: string; file: string; severity: string }[] };
    // 000003 has no down: the header counts it, it is not a problem of its own.
    expect(json.stderr).toBe("");
    expect(stylish.stdout).toMatch(
      /^Verified on pglite: \d+ of \d+ migrations up, down and up again; not verified: 1 without a down \(up applied only\)\.$/m,
    );
    expect(stylish.stdout).toMatch(
      /^skip 1 migration without a down: it has no down to run \(000003_drop_fax_number\)$/m,
    );
    expect(report.findings.map((f) => `${f.severity} ${f.ruleId} ${f.file}`)).toEqual([
      "error migrations/rollback-incomplete db/migrations/000010_index_shipments_carrier.down.sql",
      "error migrations/rollback-incomplete db/migrations/000011_drop_tracking_events.down.sql",
    ]);
  }, 180_000);

  it("calm-api: every migration verifies, exit 0", () => {
    const run = runCli(["migrations", "verify", "--format", "json"], { cwd: copyOf("calm-api") });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
    expect(run.stderr).toMatch(/^Verified on pglite: 6 of 6 migrations up, down and up again\.$/m);
  }, 180_000);

  it("exits 2 when no migration has a down: it judged no rollback, and one line says why", () => {
    const dir = tempRepo({
      "prisma/schema.prisma": 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n',
      "prisma/migrations/migration_lock.toml": 'provider = "postgresql"\n',
      "prisma/migrations/20240101000000_init/migration.sql": "CREATE TABLE a (id int);\n",
      "prisma/migrations/20240102000000_b/migration.sql": "ALTER TABLE a ADD COLUMN b text;\n",
    });
    made.push(dir);
    const run = runCli(["migrations", "verify"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(
      /^Verified on pglite: 0 of 2 migrations up, down and up again; not verified: 2 without a down/,
    );
    expect(run.stdout).toMatch(
      /^skip 2 migrations without a down: it has no down to run \(20240101000000_init, 20240102000000_b\)$/m,
    );
    expect(run.stdout).not.toMatch(/was not verified/);
    expect(run.stderr).toBe(
      "deploylint migrations verify: could not verify any rollback: none of the 2 migrations has a down it can run, so only their ups were applied. Write downs for the migrations that should roll back, or lint them without verify.\n",
    );
  }, 180_000);

  it("exits 2 on a usage error", () => {
    const run = runCli(["migrations", "verify", "--engine", "oracle"], { cwd: copyOf("calm-api") });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--engine takes pglite or sqlite/);
  });
});
