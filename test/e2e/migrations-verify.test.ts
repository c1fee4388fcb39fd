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
    expect(report.findings.map((f) => `${f.severity} ${f.ruleId} ${f.file}`)).toEqual([
      "info migrations/verify-skipped db/migrations/000003_drop_fax_number.up.sql",
      "error migrations/rollback-incomplete db/migrations/000010_index_shipments_carrier.down.sql",
      "error migrations/rollback-incomplete db/migrations/000011_drop_tracking_events.down.sql",
    ]);
  }, 180_000);

  it("calm-api: every migration verifies, exit 0", () => {
    const run = runCli(["migrations", "verify", "--format", "json"], { cwd: copyOf("calm-api") });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
    expect(run.stderr).toMatch(/6 migration\(s\)/);
  }, 180_000);

  it("exits 2 on a usage error", () => {
    const run = runCli(["migrations", "verify", "--engine", "oracle"], { cwd: copyOf("calm-api") });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--engine takes pglite or sqlite/);
  });
});
