// Issue 17, start-up: the bundled CLI (bundle/cli.cjs) is compiled from V8's cached data after the
// first run. Two things could quietly undo that: data written at exit under the engine's V8 flags
// (rejected by every next run, which compiles before the flags change), and import() inside code
// read back from the cache (V8 11 loses it; the CLI's database drivers and ES module configs are
// imported at run time).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT, runCli } from "../support/cli.js";

const SHOP = join(ROOT, "test", "fixtures", "example-shop");
const scratch = mkdtempSync(join(tmpdir(), "deploylint-cli-code-cache-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A run of the shop with the code cache in `cache` (or "off"), and the module URLs it imported. */
function runShop(
  cache: string,
  name: string,
): { status: number | null; stdout: string; stderr: string; imported: string[] } {
  const log = join(scratch, `${name}.imports.txt`);
  const run = spawnSync(
    process.execPath,
    ["--import", join(ROOT, "test/support/record-imports.mjs"), BIN, "--no-cache", "--format", "json", "--debug"],
    {
      cwd: SHOP,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", DEPLOYLINT_CODE_CACHE: cache, DEPLOYLINT_RECORD_IMPORTS: log },
      timeout: 60_000,
    },
  );
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    imported: readFileSync(log, "utf8").split("\n"),
  };
}

describe("the CLI's code cache", () => {
  it("is written by the first run and used by the next, which reports the same", () => {
    const cache = join(scratch, "cache");
    const off = runShop("off", "off");
    const first = runShop(cache, "first");
    const second = runShop(cache, "second");
    expect(off.stderr).not.toContain("code cache:");
    expect(first.stderr).toMatch(/code cache: deploylint@[^/\s]+\/bundle\/cli\.cjs miss/);
    expect(second.stderr).toMatch(/code cache: deploylint@[^/\s]+\/bundle\/cli\.cjs hit/);
    // PostgreSQL's grammar's 61 KB of Emscripten glue, compiled by every run with migrations, is
    // cached too (the shop has four): it is over the size threshold, far below the CLI's 2 MB.
    expect(first.stderr).toMatch(/code cache: libpg-query@[^/\s]+\/wasm\/libpg-query\.js miss/);
    expect(second.stderr).toMatch(/code cache: libpg-query@[^/\s]+\/wasm\/libpg-query\.js hit/);
    // The shop's strategy document is read by the markdown parser, a CommonJS file beside the CLI
    // that its import() requires: cached as the CLI is.
    expect(first.stderr).toMatch(/code cache: deploylint@[^/\s]+\/bundle\/parse-markdown\.cjs miss/);
    expect(second.stderr).toMatch(/code cache: deploylint@[^/\s]+\/bundle\/parse-markdown\.cjs hit/);
    for (const run of [first, second]) {
      expect(run.status).toBe(off.status);
      expect(run.stdout).toBe(off.stdout);
    }
  });

  it("loads a config written as an ES module from a cache hit", () => {
    const repo = join(scratch, "mjs-config");
    mkdirSync(repo);
    writeFileSync(
      join(repo, "deploylint.config.mjs"),
      'export default { extends: ["recommended"], rules: { "secrets/no-committed-dotenv": "off" } };\n',
    );
    writeFileSync(join(repo, ".env"), "PORT=3000\n");
    const env = { DEPLOYLINT_CODE_CACHE: join(scratch, "mjs-cache") };
    const runs = [1, 2].map(() => runCli(["--no-cache", "--debug", "--print-config", ".env"], { cwd: repo, env }));
    expect(runs.map((run) => /cli\.cjs (miss|hit)/.exec(run.stderr)?.[1])).toEqual(["miss", "hit"]);
    for (const run of runs) {
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("deploylint.config.mjs");
      expect(JSON.parse(run.stdout).rules["secrets/no-committed-dotenv"][0]).toBe("off");
    }
  });

  it("is not used when turned off, and the CLI runs all the same", () => {
    const run = runCli(["--no-cache", "--debug"], { cwd: SHOP, env: { DEPLOYLINT_CODE_CACHE: "off" } });
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain("code cache:");
  });
});
