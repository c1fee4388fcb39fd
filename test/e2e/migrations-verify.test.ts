// `deploylint migrations verify` through the CLI on copies of the acceptance repositories:
// acme-shop's 000007_coupons rolls back completely and the downs that do not match are named;
// tidy-api verifies; the findings go through the lint reporters and exit codes.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli.js";

const ACCEPTANCE = resolve(ROOT, "..", "shared", "acceptance");
const made: string[] = [];

function copyOf(fixture: string): string {
  const dir = mkdtempSync(join(tmpdir(), `deploylint-verify-${fixture}-`));
  cpSync(join(ACCEPTANCE, fixture), dir, { recursive: true });
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("deploylint migrations verify", () => {
  it("acme-shop: 000007_coupons rolls back completely; 000010 and 000011 do not", () => {
    const dir = copyOf("acme-shop");
    const stylish = runCli(["migrations", "verify"], { cwd: dir });
    expect(stylish.status).toBe(1);
    expect(stylish.stdout).toMatch(/ok +000007_coupons +up, down and up again: rollback complete/);
    expect(stylish.stdout).toMatch(
      /FAIL 000010_index_orders_status +rollback incomplete: index orders_status_idx is left after down/,
    );

    const json = runCli(["migrations", "verify", "--format", "json", "--quiet"], { cwd: dir });
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as { findings: { ruleId: string; file: string; severity: string }[] };
    expect(report.findings.map((f) => `${f.severity} ${f.ruleId} ${f.file}`)).toEqual([
      "info migrations/verify-skipped db/migrations/000003_drop_legacy_name.up.sql",
      "error migrations/rollback-incomplete db/migrations/000010_index_orders_status.down.sql",
      "error migrations/rollback-incomplete db/migrations/000011_drop_audit_log.down.sql",
    ]);
  }, 180_000);

  it("tidy-api: every migration verifies, exit 0", () => {
    const run = runCli(["migrations", "verify", "--format", "json"], { cwd: copyOf("tidy-api") });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
    expect(run.stderr).toMatch(/6 migration\(s\)/);
  }, 180_000);

  it("exits 2 on a usage error", () => {
    const run = runCli(["migrations", "verify", "--engine", "oracle"], { cwd: copyOf("tidy-api") });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--engine takes pglite or sqlite/);
  });
});
