// Keep working: a cache that cannot be created, read or written is one warning line on stderr, and
// the run goes on uncached with the same findings and exit code as a run without a cache.
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, runJson, tempRepo } from "../../support/cli.js";

const FILES = {
  "deploylint.config.yaml": "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n",
  "db/migrations/000001_drop.up.sql": "ALTER TABLE t DROP COLUMN c;\n",
  "db/migrations/000001_drop.down.sql": "ALTER TABLE t ADD COLUMN c text;\n",
  ".env.staging": "SESSION_SECRET=Zx9qT4mW2vB7kLp3aa\n",
  ".env.production": "SESSION_SECRET=Zx9qT4mW2vB7kLp3aa\n",
};

const made: string[] = [];
afterAll(() => {
  for (const dir of made) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

function repo(): string {
  const dir = tempRepo(FILES);
  made.push(dir);
  return dir;
}

/** What the same repository gives without any cache: the findings every cached run must match. */
function uncached(dir: string) {
  const run = runJson(["--no-cache"], { cwd: dir });
  expect(run.status).toBe(1);
  expect(run.report.findings.map((f) => f.ruleId)).toEqual(
    expect.arrayContaining(["migrations/no-drop-column", "secrets/no-shared-credentials-across-environments"]),
  );
  return run.report.findings;
}

function expectOneWarning(stderr: string, location: string) {
  const lines = stderr.split("\n").filter((line) => line.trim() !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^deploylint: warning: cannot (use|write) the cache in .*${location}`));
}

describe("a cache that cannot be used", { timeout: 120_000 }, () => {
  it("is a warning when a file stands where the cache folder should be", () => {
    const dir = repo();
    writeFileSync(join(dir, "cachefile"), "not a folder\n");
    const run = runJson(["--cache-location", "cachefile"], { cwd: dir });
    expect(run.status).toBe(1);
    expectOneWarning(run.stderr, "cachefile");
    expect(run.report.findings).toEqual(uncached(dir));
  });

  it("is a warning when a file stands where a parent of the cache folder should be", () => {
    const dir = repo();
    writeFileSync(join(dir, "blocked"), "");
    const run = runJson(["--cache-location", "blocked/deeper/cache"], { cwd: dir });
    expect(run.status).toBe(1);
    expectOneWarning(run.stderr, "blocked/deeper/cache");
    expect(run.report.findings).toEqual(uncached(dir));
  });

  it("is a warning when a folder stands where the cache file should be", () => {
    const dir = repo();
    const first = runJson(["--cache-location", ".dl-cache"], { cwd: dir });
    expect(first.stderr).toBe("");
    const cacheFile = readdirSync(join(dir, ".dl-cache")).find((name) => name.endsWith(".json")) as string;
    rmSync(join(dir, ".dl-cache", cacheFile));
    mkdirSync(join(dir, ".dl-cache", cacheFile, "inside"), { recursive: true });
    const run = runJson(["--cache-location", ".dl-cache"], { cwd: dir });
    expect(run.status).toBe(1);
    expectOneWarning(run.stderr, ".dl-cache");
    expect(run.report.findings).toEqual(first.report.findings);
    expect(run.report.findings).toEqual(uncached(dir));
  });

  it("is a warning when the cache folder is read-only (for users file modes bind)", () => {
    const dir = repo();
    const location = join(dir, "ro-cache");
    mkdirSync(location);
    chmodSync(location, 0o555);
    const run = runJson(["--cache-location", "ro-cache"], { cwd: dir });
    chmodSync(location, 0o755);
    expect(run.status).toBe(1);
    expect(run.report.findings).toEqual(uncached(dir));
    // Root writes through file modes; the unit tests of the cache cover a failing write for root.
    if (process.getuid?.() === 0) expect(run.stderr).toBe("");
    else expectOneWarning(run.stderr, "ro-cache");
  });

  it("keeps the exit code a clean repository gets", () => {
    const dir = tempRepo({ "README.md": "# ok\n", cachefile: "" });
    made.push(dir);
    const run = runCli(["--cache-location", "cachefile"], { cwd: dir });
    expect(run.status).toBe(0);
    expectOneWarning(run.stderr, "cachefile");
  });
});
