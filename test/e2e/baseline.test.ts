// Baselines on a copy of the acme-shop acceptance repository: update, a clean run, a new finding
// appearing alone, fixed entries reported (and failing with --baseline-strict), and the file format.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, runJson } from "../support/cli.js";

const ACME = resolve(ROOT, "..", "shared", "acceptance", "acme-shop");

function acmeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "deploylint-baseline-"));
  cpSync(ACME, dir, { recursive: true });
  return dir;
}

function baselineOf(dir: string) {
  return JSON.parse(readFileSync(join(dir, "deploylint-baseline.json"), "utf8")) as {
    version: number;
    files: Record<string, Record<string, { count: number; fingerprints: string[] }>>;
  };
}

// Each test runs the CLI several times over the whole acme-shop copy; a loaded CI machine needs the room.
describe("baseline round trip on acme-shop", { timeout: 120_000 }, () => {
  it("update, then a clean run, then a new finding appears alone", () => {
    const dir = acmeCopy();
    const before = runJson([], { cwd: dir });
    expect(before.status).toBe(1);
    expect(before.report.findings.length).toBeGreaterThan(5);

    const update = runCli(["--update-baseline"], { cwd: dir });
    expect(update.status).toBe(0);
    expect(update.stderr).toContain(`wrote ${before.report.findings.length} findings to deploylint-baseline.json`);
    const baseline = baselineOf(dir);
    const total = Object.values(baseline.files)
      .flatMap((rules) => Object.values(rules))
      .reduce((n, e) => n + e.count, 0);
    expect(total).toBe(before.report.findings.length);

    const clean = runJson([], { cwd: dir });
    expect(clean.status).toBe(0);
    expect(clean.report.findings).toEqual([]);
    expect(clean.report.summary.errors).toBe(0);
    expect(Object.keys(JSON.parse(clean.stdout))).toEqual(["version", "findings", "summary"]);
    const stylish = runCli([], { cwd: dir });
    expect(stylish.status).toBe(0);
    expect(stylish.stdout).toContain(`${total} known findings hidden by the baseline deploylint-baseline.json.`);

    writeFileSync(join(dir, "db/migrations/000012_drop_note.up.sql"), "ALTER TABLE orders DROP COLUMN note;\n");
    writeFileSync(join(dir, "db/migrations/000012_drop_note.down.sql"), "ALTER TABLE orders ADD COLUMN note text;\n");
    const after = runJson([], { cwd: dir });
    expect(after.status).toBe(1);
    expect(after.report.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual([
      "migrations/no-drop-column db/migrations/000012_drop_note.up.sql",
    ]);
    expect(runJson(["--no-baseline"], { cwd: dir }).report.findings.length).toBe(total + 1);
  });

  it("keeps hiding findings when unrelated lines move", () => {
    const dir = acmeCopy();
    runCli(["--update-baseline"], { cwd: dir });
    const file = join(dir, "db/migrations/000005_order_status.up.sql");
    writeFileSync(file, `-- A comment added above everything.\n\n${readFileSync(file, "utf8")}`);
    const run = runJson([], { cwd: dir });
    expect(run.report.findings).toEqual([]);
    expect(run.status).toBe(0);
  });

  it("reports entries that no longer match as fixed, and fails on them with --baseline-strict", () => {
    const dir = acmeCopy();
    runCli(["--update-baseline"], { cwd: dir });
    rmSync(join(dir, "db/migrations/000006_rename_user_name.up.sql"));
    rmSync(join(dir, "db/migrations/000006_rename_user_name.down.sql"));
    const run = runJson([], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/no longer matche?s? a finding \(fixed\)/);
    expect(run.stderr).toContain("db/migrations/000006_rename_user_name.up.sql  migrations/no-rename-column  ×1");
    expect(runCli(["--baseline-strict"], { cwd: dir }).status).toBe(1);
    const stylish = runCli([], { cwd: dir });
    expect(stylish.stdout).toMatch(/baseline entr(y|ies) no longer match(es)?: run deploylint --update-baseline/);

    runCli(["--update-baseline"], { cwd: dir });
    expect(Object.keys(baselineOf(dir).files)).not.toContain("db/migrations/000006_rename_user_name.up.sql");
    expect(runCli(["--baseline-strict"], { cwd: dir }).status).toBe(0);
  });

  it("writes sorted, value-free, byte-identical baselines", () => {
    const dir = acmeCopy();
    runCli(["--update-baseline"], { cwd: dir });
    const first = readFileSync(join(dir, "deploylint-baseline.json"), "utf8");
    runCli(["--update-baseline"], { cwd: dir });
    expect(readFileSync(join(dir, "deploylint-baseline.json"), "utf8")).toBe(first);
    const baseline = baselineOf(dir);
    expect(baseline.version).toBe(1);
    const files = Object.keys(baseline.files);
    expect(files).toEqual([...files].sort());
    for (const rules of Object.values(baseline.files)) {
      expect(Object.keys(rules)).toEqual([...Object.keys(rules)].sort());
      for (const entry of Object.values(rules)) {
        expect(Object.keys(entry)).toEqual(["count", "fingerprints"]);
        expect(entry.count).toBe(entry.fingerprints.length);
        for (const fingerprint of entry.fingerprints) expect(fingerprint).toMatch(/^[0-9a-f]{16,64}$/);
      }
    }
    for (const raw of ["Tr0ub4dor&3-prod-9Qz", "AKIAQX4Z7TLW2RBNM3VD", "Xk9vR2mQ7pLw", "9f8e7d6c5b4a3928"]) {
      expect(first).not.toContain(raw);
    }
  });

  it("uses --baseline FILE instead of the default name", () => {
    const dir = acmeCopy();
    expect(runCli(["--update-baseline", "--baseline", "known.json"], { cwd: dir }).status).toBe(0);
    expect(existsSync(join(dir, "deploylint-baseline.json"))).toBe(false);
    expect(runCli(["--baseline", "known.json"], { cwd: dir }).status).toBe(0);
    expect(runCli([], { cwd: dir }).status).toBe(1);
  });

  it("exits 2 when --baseline names a missing file or not a baseline", () => {
    const dir = acmeCopy();
    const missing = runCli(["--baseline", "nope.json"], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--baseline nope\.json: no such file/);
    writeFileSync(join(dir, "bad.json"), '{"findings": []}\n');
    const bad = runCli(["--baseline", "bad.json"], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not a deploylint baseline/);
  });

  it("refuses --update-baseline on a partial run", () => {
    const dir = acmeCopy();
    const run = runCli(["--update-baseline", "--only", "secrets/*"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--update-baseline records every finding of a full run/);
  });
});
