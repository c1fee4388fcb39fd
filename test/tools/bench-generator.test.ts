// The benchmark generator is deterministic, and no speed lever changes findings: the same generated
// repository gives byte-identical JSON with and without workers and with a cold and a warm cache.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateTree, treeDigest, writeRepository } from "../../tools/bench/generate.mjs";
import { runCli } from "../support/cli.js";

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "deploylint-bench-test-"));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir` except .git, as path -> content, read back from disk. */
function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      if (name === ".git") continue;
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(dir, full), readFileSync(full, "utf8"));
    }
  };
  walk(dir);
  return files;
}

describe("benchmark generator", () => {
  it("gives the same tree and contents for the same seed, and a different one for another seed", () => {
    const first = generateTree({ scale: "tiny", seed: 7 });
    const second = generateTree({ scale: "tiny", seed: 7 });
    expect([...second.keys()]).toEqual([...first.keys()]);
    expect(treeDigest(second)).toBe(treeDigest(first));
    expect(treeDigest(generateTree({ scale: "tiny", seed: 8 }))).not.toBe(treeDigest(first));
  });

  it("writes the same bytes and the same git commit into two directories", () => {
    const [a, b] = [tempDir(), tempDir()];
    const written = writeRepository({ dir: a, scale: "tiny", seed: 7 });
    writeRepository({ dir: b, scale: "tiny", seed: 7 });
    expect(treeDigest(readTree(a))).toBe(written.digest);
    expect(treeDigest(readTree(b))).toBe(written.digest);
    const head = (dir: string) => execFileSync("git", ["rev-parse", "HEAD"], { cwd: dir, encoding: "utf8" });
    expect(head(b)).toBe(head(a));
  });

  it("plants migrations in up/down pairs, env reads, config files and format-valid fake secrets", () => {
    const tree = generateTree({ scale: { files: 80, migrations: 60 }, seed: 7 });
    const paths = [...tree.keys()];
    expect(paths.filter((p) => p.endsWith(".up.sql"))).toHaveLength(60);
    expect(paths).toContain("company.config.yaml");
    expect(paths.some((p) => p.startsWith(".github/workflows/"))).toBe(true);
    const text = [...tree.values()].join("\n");
    expect(text).toMatch(/process\.env\.[A-Z_]+/);
    expect(text).toMatch(/const \{ [A-Z_]+/);
    expect(text).toMatch(/CREATE (UNIQUE )?INDEX CONCURRENTLY/);
    expect(text).toMatch(/AS \$\$\n/);
    expect(text).toMatch(/\bsk_live_[A-Za-z0-9]{24}\b/);
    expect(text).toMatch(/\bAKIA[A-Z2-7]{16}\b/);
  });
});

describe("speed levers keep findings identical", () => {
  it("reports the same JSON on the small corpus with 0 or 2 workers and with a cold and warm cache", () => {
    const dir = tempDir();
    writeRepository({ dir, scale: "small", seed: 11 });
    const cache = join(tempDir(), "cache");
    const lint = (...args: string[]) => {
      const run = runCli(["--format", "json", ...args], { cwd: dir });
      expect(run.status, run.stderr).toBe(1);
      return run.stdout;
    };
    const serial = lint("--workers", "0");
    const findings = (JSON.parse(serial) as { findings: unknown[] }).findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(lint("--workers", "2")).toBe(serial);
    expect(lint("--cache", "--cache-location", cache)).toBe(serial);
    expect(lint("--cache", "--cache-location", cache)).toBe(serial);
  }, 120_000);
});
