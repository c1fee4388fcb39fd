// Baselines on a copy of the harbor-shop fixture repository: update, a clean run, a new finding
// appearing alone, fixed entries reported (and failing with --baseline-strict), and the file format.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, runJson, tempRepo } from "../support/cli.js";

// Values planted in harbor-shop's files; a baseline holds fingerprints, never one of these.
const RAW_VALUES = [
  "sk_live_gFa1LDY8FJmeJ3vc6s4uEHdbrGDqFgg2HBiolgFe",
  "AKIAGVT2HHLO4ALTUDYI",
  "HsDX8FpqIFfFuG9noZl4rklatGUf02uLK1WVlfiU",
  "xYtLqYP5nQdlAL",
  "WB3YZDEMHoEo9ywO",
  "1w37tF32rFoIEUHpRDGdDmRobvq8P6E2c0NZf4piPbg=",
  "coq1UIF6wI-P3FLvy75",
  "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",
];

const made: string[] = [];

function harborCopy(): string {
  const dir = tempRepo({}, "harbor-shop");
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function baselineOf(dir: string) {
  return JSON.parse(readFileSync(join(dir, "deploylint-baseline.json"), "utf8")) as {
    version: number;
    files: Record<string, Record<string, { count: number; fingerprints: string[] }>>;
  };
}

// Each test runs the CLI several times over the whole harbor-shop copy; a loaded CI machine needs the room.
describe("baseline round trip on harbor-shop", { timeout: 120_000 }, () => {
  it("update, then a clean run, then a new finding appears alone", () => {
    const dir = harborCopy();
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

    writeFileSync(
      join(dir, "db/migrations/000012_drop_voucher.up.sql"),
      "ALTER TABLE shipments DROP COLUMN voucher_id;\n",
    );
    writeFileSync(
      join(dir, "db/migrations/000012_drop_voucher.down.sql"),
      "ALTER TABLE shipments ADD COLUMN voucher_id bigint;\n",
    );
    const after = runJson([], { cwd: dir });
    expect(after.status).toBe(1);
    expect(after.report.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual([
      "migrations/no-drop-column db/migrations/000012_drop_voucher.up.sql",
    ]);
    expect(runJson(["--no-baseline"], { cwd: dir }).report.findings.length).toBe(total + 1);
  });

  it("keeps hiding findings when unrelated lines move", () => {
    const dir = harborCopy();
    runCli(["--update-baseline"], { cwd: dir });
    const file = join(dir, "db/migrations/000005_shipment_carrier.up.sql");
    writeFileSync(file, `-- A comment added above everything.\n\n${readFileSync(file, "utf8")}`);
    const run = runJson([], { cwd: dir });
    expect(run.report.findings).toEqual([]);
    expect(run.status).toBe(0);
  });

  it("reports entries that no longer match as fixed, and fails on them with --baseline-strict", () => {
    const dir = harborCopy();
    runCli(["--update-baseline"], { cwd: dir });
    rmSync(join(dir, "db/migrations/000006_rename_display_name.up.sql"));
    rmSync(join(dir, "db/migrations/000006_rename_display_name.down.sql"));
    const run = runJson([], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/no longer matche?s? a finding \(fixed\)/);
    expect(run.stderr).toContain("db/migrations/000006_rename_display_name.up.sql  migrations/no-rename-column  ×1");
    expect(runCli(["--baseline-strict"], { cwd: dir }).status).toBe(1);
    const stylish = runCli([], { cwd: dir });
    expect(stylish.stdout).toMatch(/baseline entr(y|ies) no longer match(es)?: run deploylint --update-baseline/);

    runCli(["--update-baseline"], { cwd: dir });
    expect(Object.keys(baselineOf(dir).files)).not.toContain("db/migrations/000006_rename_display_name.up.sql");
    expect(runCli(["--baseline-strict"], { cwd: dir }).status).toBe(0);
  });

  it("writes sorted, value-free, byte-identical baselines", () => {
    const dir = harborCopy();
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
    for (const raw of RAW_VALUES) expect(first).not.toContain(raw);
  });

  it("uses --baseline FILE instead of the default name", () => {
    const dir = harborCopy();
    expect(runCli(["--update-baseline", "--baseline", "known.json"], { cwd: dir }).status).toBe(0);
    expect(existsSync(join(dir, "deploylint-baseline.json"))).toBe(false);
    expect(runCli(["--baseline", "known.json"], { cwd: dir }).status).toBe(0);
    expect(runCli([], { cwd: dir }).status).toBe(1);
  });

  it("exits 2 when --baseline names a missing file or not a baseline", () => {
    const dir = harborCopy();
    const missing = runCli(["--baseline", "nope.json"], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--baseline nope\.json: no such file/);
    writeFileSync(join(dir, "bad.json"), '{"findings": []}\n');
    const bad = runCli(["--baseline", "bad.json"], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not a deploylint baseline/);
  });

  it("refuses --update-baseline on a partial run", () => {
    const dir = harborCopy();
    const run = runCli(["--update-baseline", "--only", "secrets/*"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--update-baseline records every finding of a full run/);
  });
});
