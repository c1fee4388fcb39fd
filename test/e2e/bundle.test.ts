// The bundled CLI (packages/cli/bundle, what the `deploylint` bin starts) against the plain tsc
// output (packages/cli/dist): byte-identical reports on fixtures, custom packs and a run big enough
// for the worker pool; and `--version` loading only the few small files it needs.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { freshBundle } from "../../packages/cli/bin/fresh-bundle.js";
import { loadCommonJsOxc, OXC_LOADER_FILE } from "../../packages/core/src/sources/script-oxc.js";
import { generateTree } from "../../tools/bench/generate.mjs";
import { BIN, ROOT, tempRepo } from "../support/cli.js";
import { loadedModules as loadedBy } from "../support/loaded-modules.js";

const BUNDLED = join(ROOT, "packages", "cli", "bundle", "bin.cjs");
const PLAIN = join(ROOT, "packages", "cli", "dist", "bin.js");

function run(bin: string, args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs both builds with the same arguments and expects the same exit code, stdout and stderr. */
function expectSameRun(args: string[], cwd: string) {
  const bundled = run(BUNDLED, args, cwd);
  const plain = run(PLAIN, args, cwd);
  expect(bundled.stderr).toBe(plain.stderr);
  expect(bundled.stdout).toBe(plain.stdout);
  expect(bundled.status).toBe(plain.status);
  return bundled;
}

beforeAll(() => {
  if (!existsSync(BUNDLED)) throw new Error("packages/cli/bundle/bin.cjs is missing: run `npm run build`.");
  if (!freshBundle()) throw new Error("packages/cli/bundle is older than what it is built from: run `npm run build`.");
});

describe("the bundled CLI gives the plain build's output", () => {
  it("on the example shop, in every report format that has no timestamps", () => {
    const cwd = join(ROOT, "test", "fixtures", "example-shop");
    const json = expectSameRun(["--format", "json"], cwd);
    expect(JSON.parse(json.stdout).findings.length).toBeGreaterThan(3);
    for (const format of ["stylish", "sarif", "github"]) expectSameRun(["--format", format], cwd);
    expectSameRun(["--print-config", "db/migrations/000002_drop_nickname.up.sql"], cwd);
    expectSameRun(["rules"], cwd);
  });

  it("with custom packs by path and by package name, imported by file URL", () => {
    const cwd = join(ROOT, "test", "fixtures", "custom-packs");
    const json = expectSameRun(["--format", "json"], cwd);
    expect(JSON.parse(json.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain("team/no-select-star");
  });

  it("on a generated repository linted by the worker pool, whose workers find the built-in packs", () => {
    const tree = generateTree({ scale: { files: 600, migrations: 60 }, seed: 11 });
    const cwd = tempRepo(Object.fromEntries(tree));
    const json = expectSameRun(["--format", "json", "--workers", "2"], cwd);
    const report = JSON.parse(json.stdout);
    expect(report.summary.files).toBeGreaterThanOrEqual(400);
    const packs = new Set(report.findings.map((f: { ruleId: string }) => f.ruleId.split("/")[0]));
    expect([...packs].sort()).toEqual(expect.arrayContaining(["env-docs", "migrations", "secrets"]));
    // Proof that the pool (not the main thread) ran when asked for; and the default policy (in the
    // main thread on a machine with two cores or fewer, a pool above that) gives the same report.
    const pooled = run(BUNDLED, ["--format", "json", "--workers", "2", "--debug"], cwd);
    expect(pooled.stderr).toMatch(/files on \d+ worker threads/);
    expect(pooled.stdout).toBe(json.stdout);
    expect(run(BUNDLED, ["--format", "json"], cwd).stdout).toBe(json.stdout);
  });

  it("on a config error, with the same message and exit code 2", () => {
    const cwd = tempRepo({ "deploylint.config.yaml": "rules:\n  migrations/no-such-rule: error\n" });
    expect(expectSameRun(["--format", "json"], cwd).status).toBe(2);
  });
});

describe("the bin", () => {
  it("starts the bundle when there is one, requiring it: no ES module loader for the start", () => {
    const run = loadedBy(["--version"], { cwd: ROOT });
    expect(run.status).toBe(0);
    const fresh = join(ROOT, "packages", "cli", "bin", "fresh-bundle.js");
    expect(run.urls.filter((url) => url.startsWith("file:"))).toEqual(
      [BIN, fresh, BUNDLED].map((file) => `file://${file}`),
    );
    // The bin itself is imported only because the test's module hooks route the entry through the
    // ES module loader; what it loads is required.
    expect(run.required).toEqual(expect.arrayContaining([fresh, BUNDLED].map((file) => `file://${file}`)));
    expect(run.imported.filter((url) => url.startsWith("file:"))).toEqual([`file://${BIN}`]);
  });

  it("--version loads only the launcher and a few kilobytes of the bundle: no engine, pack or parser", () => {
    const files = loadedModules(["--version"])
      .filter((url) => url.startsWith("file:"))
      .map((url) => fileURLToPath(url));
    const launcher = [BIN, join(ROOT, "packages", "cli", "bin", "fresh-bundle.js")];
    const bundleFiles = files.filter((file) => !launcher.includes(file));
    expect(bundleFiles.every((file) => file.startsWith(join(ROOT, "packages", "cli", "bundle")))).toBe(true);
    const bytes = bundleFiles.reduce((sum, file) => sum + statSync(file).size, 0);
    // The engine alone is hundreds of kilobytes; bin.cjs (the launcher, the code cache, the process
    // guard and the help text, loaded when called) is ~22.
    expect(bytes).toBeLessThan(32 * 1024);
    expect(run(BIN, ["--version"], ROOT).stdout).toBe(
      `${JSON.parse(readFileSync(join(ROOT, "packages/cli/package.json"), "utf8")).version}\n`,
    );
  });
});

describe("the bundle's files", () => {
  it("are ASCII only, so Node reads them as one-byte strings (one en dash made the 2 MB CLI a two-byte string)", () => {
    const dir = join(ROOT, "packages", "cli", "bundle");
    const files = readdirSync(dir).filter((name) => /\.c?js$/.test(name));
    expect(files).toEqual(expect.arrayContaining(["bin.cjs", "cli.cjs", "cli.js"]));
    const nonAscii = files.filter((name) => /[\u0080-\uffff]/.test(readFileSync(join(dir, name), "utf8")));
    expect(nonAscii).toEqual([]);
  });
});

describe("the bundled oxc-parser loader (oxc-parser.cjs)", () => {
  it("parses as the package's own entry does, each dialect, errors and literals the JSON cannot hold", () => {
    const fromBundle = createRequire(join(ROOT, "packages", "cli", "bundle", "cli.cjs"));
    const bundled = loadCommonJsOxc(fromBundle, `./${OXC_LOADER_FILE}`);
    const packaged = (fromBundle("oxc-parser") as { parseSync: NonNullable<typeof bundled> }).parseSync;
    expect(bundled).not.toBeNull();
    const cases: [string, string][] = [
      ["a.ts", "const big = 10n ** 20n; const re = /a+(?<n>b)/giu; export type T<U> = U[];"],
      ["b.tsx", "export const A = () => <div title='&amp;'>{x as number}</div>; // note"],
      ["c.js", "const a = <T,>(x: T) => x; /* types in a .js file */"],
      ["d.d.ts", "declare module 'x' { export const y: string; }"],
      ["e.ts", "const = ;"],
    ];
    for (const [file, text] of cases) {
      const lang = file.endsWith(".tsx") ? "tsx" : file.endsWith(".d.ts") ? "dts" : file.endsWith(".js") ? "jsx" : "ts";
      const options = { lang, range: true, preserveParens: false, astType: "ts" } as const;
      const [one, two] = [bundled?.(file, text, options), packaged(file, text, options)];
      expect(one?.program).toEqual(two.program);
      expect(one?.comments).toEqual(two.comments);
      expect(one?.errors).toEqual(two.errors);
    }
  });
});

describe("the bundled yaml parser", () => {
  it("never prints its debug tokens, which hold the files' values, even with LOG_TOKENS and LOG_STREAM set", () => {
    const value = "made-up-value-7Qx2Lm9Vt4";
    const cwd = tempRepo({
      ".github/workflows/ci.yml": `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      DEPLOY_HOOK: ${value}\n    steps:\n      - run: npm test\n`,
      "docker-compose.yml": `services:\n  api:\n    image: node:20\n    environment:\n      API_SETTING: ${value}\n`,
    });
    const result = spawnSync(process.execPath, [BUNDLED, "--format", "json", "--workers", "0"], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", LOG_TOKENS: "1", LOG_STREAM: "1" },
      timeout: 120_000,
    });
    // The files were parsed (the run reads both), and nothing but the report reached stdout.
    expect(JSON.parse(result.stdout).summary.files).toBe(2);
    expect(result.stdout).not.toContain(value);
    expect(result.stderr).not.toContain(value);
  });
});

describe("the bin's --help", () => {
  it("loads only the help text (a few kilobytes, no engine or pack) and prints what -C . --help prints", () => {
    const files = loadedModules(["--help"])
      .filter((url) => url.startsWith("file:"))
      .map((url) => fileURLToPath(url));
    const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
    // Through the CLI, the same text costs every chunk of the engine and the packs (megabytes).
    expect(bytes).toBeLessThan(32 * 1024);
    const bare = run(BIN, ["--help"], ROOT);
    expect(bare.status).toBe(0);
    expect(bare.stdout).toMatch(/^Usage: deploylint /);
    expect(bare.stdout).toBe(run(BIN, ["-C", ".", "--help"], ROOT).stdout);
    expect(run(BIN, ["-h"], ROOT).stdout).toBe(bare.stdout);
  });
});

function loadedModules(args: string[]): string[] {
  const run = loadedBy(args, { cwd: ROOT });
  expect(run.status).toBe(0);
  return run.urls;
}
