// The worker pool and the cache judge unreadable, oddly encoded and oversized files exactly as the
// main thread does; --workers is capped at the machine's available parallelism.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempRepo } from "../../support/cli.js";

const CONFIG =
  "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\nrules:\n  migrations/require-down: off\n";
const DROP = "ALTER TABLE users DROP COLUMN legacy;\n";
const BLOB = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));

function repository(): string {
  const files: Record<string, string | Buffer> = {
    "deploylint.config.yaml": CONFIG,
    "db/migrations/000001_latin1.up.sql": Buffer.concat([
      Buffer.from("-- caf"),
      Buffer.from([0xe9, 0x0a]),
      Buffer.from(DROP),
    ]),
    "db/migrations/000002_utf16.up.sql": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DROP, "utf16le")]),
    "db/migrations/000003_nobom.up.sql": Buffer.from(DROP, "utf16le"),
    "db/migrations/000004_blob.up.sql": BLOB,
    "db/migrations/000005_big.up.sql": `${"-- a long note to make the file bigger than maxFileSize\n".repeat(60_000)}${DROP}`,
    "db/migrations/000006_nul.up.sql": Buffer.from(`-- \0\n${DROP}`),
    ".env.production": BLOB,
    "assets/logo.png": BLOB,
  };
  // Enough small files for several batches of the pool.
  for (let i = 0; i < 60; i++) files[`src/module${i}.ts`] = `export const value${i} = ${i};\n`;
  return tempRepo(files);
}

function lint(dir: string, args: string[]) {
  const run = runCli(["--format", "json", "--debug", ...args], { cwd: dir });
  const report = JSON.parse(run.stdout) as {
    findings: { ruleId: string; file: string; line: number; message: string }[];
  };
  return { ...run, findings: report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message}`) };
}

describe("worker pool and cache", () => {
  it("give the same findings as the main thread for unreadable, oddly encoded and oversized files", () => {
    const dir = repository();
    const main = lint(dir, ["--workers", "0"]);
    expect(main.status).toBe(1);
    expect(main.findings.map((f) => f.split(" ").slice(0, 2).join(" "))).toEqual([
      "core/file-not-checked .env.production:1",
      "migrations/no-drop-column db/migrations/000001_latin1.up.sql:2",
      "migrations/no-drop-column db/migrations/000002_utf16.up.sql:1",
      "core/file-not-checked db/migrations/000003_nobom.up.sql:1",
      "core/file-not-checked db/migrations/000004_blob.up.sql:1",
      "migrations/no-drop-column db/migrations/000005_big.up.sql:60001",
      "migrations/no-drop-column db/migrations/000006_nul.up.sql:2",
    ]);
    const pooled = lint(dir, ["--workers", "2"]);
    expect(pooled.stderr).toMatch(/per-file phase: \d+ files on [12] worker threads/);
    expect(pooled.findings).toEqual(main.findings);
    const cache = join(dir, ".cache");
    const cold = lint(dir, ["--cache", "--cache-location", cache, "--workers", "0"]);
    const warm = lint(dir, ["--cache", "--cache-location", cache, "--workers", "2"]);
    expect(warm.stderr).toMatch(/cache: \d+ hits, 0 misses/);
    expect(cold.findings).toEqual(main.findings);
    expect(warm.findings).toEqual(main.findings);
    // A skipped file is skipped the same way on every path.
    for (const run of [main, pooled, cold, warm]) expect(run.stderr).toMatch(/skipped assets\/logo\.png: binary/);
  });

  it("caps --workers at the available parallelism and says so under --debug", () => {
    const run = lint(repository(), ["--workers", "64"]);
    const cores = availableParallelism();
    if (cores < 64) expect(run.stderr).toContain(`--workers 64 capped at ${cores}`);
    const threads = Number(/on (\d+) worker threads/.exec(run.stderr)?.[1]);
    expect(threads).toBeGreaterThan(0);
    expect(threads).toBeLessThanOrEqual(cores);
  });
});
