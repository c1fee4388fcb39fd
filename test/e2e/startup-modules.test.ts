// Issue 17, start-up: what a small run does not load. Every schema of a plain run is compiled at
// build time (the config, the built-in packs' settings, the ladder manifest), so ajv is required
// only when a config gives a rule options. Checked on the built CLI with NODE_DEBUG=module, which
// names every CommonJS file Node loads.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, runCli, tempRepos } from "../support/cli.js";
import { loadedModules } from "../support/loaded-modules.js";

const repo = tempRepos();

/** The node_modules packages a run loaded through require(). */
function requiredPackages(args: string[], cwd: string): { status: number | null; packages: Set<string> } {
  const run = runCli(args, { cwd, env: { NODE_DEBUG: "module" } });
  const packages = new Set<string>();
  for (const [, name] of run.stderr.matchAll(/\/node_modules\/((?:@[^/\s]+\/)?[^/\s'"]+)\//g)) packages.add(name);
  return { status: run.status, packages };
}

/** The texts of the bundle files a run loaded (ES modules and CommonJS files alike). */
function loadedBundleTexts(args: string[], cwd: string): string[] {
  return loadedModules(args, { cwd })
    .urls.filter((url) => url.startsWith("file:") && url.includes("/packages/cli/bundle/"))
    .map((url) => readFileSync(fileURLToPath(url), "utf8"));
}

describe("start-up loads what the run needs", () => {
  it("a zero-config run of the example shop (manifest, migrations, scripts) never loads ajv", () => {
    const { status, packages } = requiredPackages(["--no-cache"], join(ROOT, "test", "fixtures", "example-shop"));
    expect(status).toBe(1);
    expect(packages.has("libpg-query")).toBe(true);
    expect(packages.has("ajv")).toBe(false);
    // Nor through a bundle chunk (esbuild marks each bundled module with its path).
    const texts = loadedBundleTexts(["--no-cache"], join(ROOT, "test", "fixtures", "example-shop"));
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(texts.filter((text) => text.includes("node_modules/ajv/"))).toEqual([]);
  });

  it("a run loads the CLI as one bundle file, not dozens of chunks; env check and verify are the same module", () => {
    const shop = join(ROOT, "test", "fixtures", "example-shop");
    const bundleFiles = loadedModules(["--no-cache"], { cwd: shop })
      .urls.filter((url) => url.includes("/packages/cli/bundle/"))
      .map((url) => url.slice(url.lastIndexOf("/") + 1));
    // The start (bin.cjs), the CLI it requires, the file the CLI's import() calls go through, and the
    // markdown parser for the shop's strategy document, a CommonJS file the code cache covers: no
    // chunk, and no ES module of the bundle. No script parser either: the text of the shop's
    // scripts settles all they tell env-docs, and no other rule needs their trees.
    const [chunks, files] = [
      bundleFiles.filter((file) => file.startsWith("chunk-")),
      bundleFiles.filter((file) => !file.startsWith("chunk-")),
    ];
    expect(files).toEqual(["bin.cjs", "cli.cjs", "cli-import.cjs", "parse-markdown.cjs"]);
    expect(chunks).toEqual([]);
    expect(readFileSync(join(ROOT, "packages/cli/bundle/cli.js"), "utf8")).toContain('("./cli.cjs")');
    // The commands found at run time re-export the CLI's own copy (one set of error classes).
    for (const file of ["env-check.js", "migrations-verify.js"])
      expect(readFileSync(join(ROOT, "packages/cli/bundle", file), "utf8")).toMatch(
        /^export \{ \w+ \} from "\.\/cli\.js";/,
      );
  });

  it("the scripts are parsed without oxc-parser's ES modules: no ES module loader for a run", () => {
    // A destructured read: env-docs needs the script's tree for it.
    const dir = repo({
      "src/config.ts": "const { API_TOKEN_TTL } = process.env;\nexport const ttl = API_TOKEN_TTL;\n",
      ".env.example": "# How long a token lives, in seconds.\nAPI_TOKEN_TTL=3600\n",
    });
    const run = loadedModules(["--no-cache", "--format", "json"], { cwd: dir });
    expect(JSON.parse(run.stdout).findings).toEqual([]);
    expect(run.urls.some((url) => url.endsWith("/packages/cli/bundle/oxc-parser.cjs"))).toBe(true);
    const oxc = run.urls.filter((url) => url.includes("/node_modules/oxc-parser/") || url.includes("/@oxc-parser/"));
    // Its binding loader, required (as CommonJS) from the package's folder, and the native binding.
    expect(oxc.some((url) => url.endsWith(".node"))).toBe(true);
    expect(oxc.filter((url) => url.endsWith(".js"))).toEqual([]);
  });

  it("a rule's options are still validated: ajv is loaded for them, and a wrong option is a config error", () => {
    const dir = repo({
      "deploylint.config.yaml":
        "extends: [recommended]\nrules:\n  secrets/no-generic-secret: [error, { noSuchOption: 1 }]\n",
      "README.md": "# x\n",
    });
    const run = runCli(["--no-cache"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("noSuchOption");
    expect(requiredPackages(["--no-cache"], dir).packages.has("ajv")).toBe(true);
  });
});

/** Whether hot WebAssembly was left on Liftoff in a process started with these node arguments. */
function wasmTier(nodeArgs: string[], cwd: string): string | undefined {
  const run = spawnSync(
    process.execPath,
    ["--allow-natives-syntax", "--import", join(ROOT, "test/support/wasm-tier-probe.mjs"), ...nodeArgs],
    { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 },
  );
  return /wasm-tier: (\w+)/.exec(run.stderr)?.[1];
}

describe("the engine's V8 flags", () => {
  it("keep WebAssembly (PostgreSQL's grammar) on Liftoff: TurboFan's recompile of the parser cost more than it saved", () => {
    const shop = join(ROOT, "test", "fixtures", "example-shop");
    // The probe can tell: a plain node process recompiles the same hot function with TurboFan.
    expect(wasmTier(["-e", "0"], shop)).toBe("turbofan");
    expect(wasmTier([BIN, "--no-cache", "--format", "json"], shop)).toBe("liftoff");
  });

  it("keep PGlite's PostgreSQL on Liftoff in deploylint migrations verify too", () => {
    const dir = repo({
      "db/migrations/000001_init.up.sql": "CREATE TABLE t (id int);\n",
      "db/migrations/000001_init.down.sql": "DROP TABLE t;\n",
    });
    expect(wasmTier([BIN, "migrations", "verify"], dir)).toBe("liftoff");
  });

  it("turn off TurboFan's inlining, optimise later and validate WebAssembly lazily in the CLI's own process, never in a host calling lint()", () => {
    const shop = join(ROOT, "test", "fixtures", "example-shop");
    const flagsOf = (nodeArgs: string[]) => {
      const run = spawnSync(
        process.execPath,
        ["--import", join(ROOT, "test/support/v8-flags-probe.mjs"), ...nodeArgs],
        { cwd: shop, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 },
      );
      return /v8-flags: (.*)/.exec(run.stderr)?.[1]?.split(" ").filter(Boolean);
    };
    const cli = flagsOf([BIN, "--no-cache", "--format", "json"]);
    expect(cli).toContain("--no-turbo-inlining");
    expect(cli).toContain("--wasm-lazy-validation");
    expect(cli).toContain("--interrupt-budget=270336");
    expect(cli).toContain("--liftoff-only");
    const host = flagsOf([
      "--input-type=module",
      "-e",
      `const { lint } = await import(${JSON.stringify(join(ROOT, "packages/cli/dist/index.js"))});
       const result = await lint({ cwd: process.cwd() });
       if (result.findings.length === 0) process.exit(3);`,
    ]);
    expect(host).toContain("--liftoff-only");
    expect(host).not.toContain("--no-turbo-inlining");
    expect(host).not.toContain("--wasm-lazy-validation");
    expect(host).not.toContain("--interrupt-budget=270336");
  });

  it("are set once the run is loaded, not at start-up: --version leaves V8's flags alone", () => {
    // A flag set at start-up would make Node compile every built-in module loaded afterwards without
    // the code cache it ships for them.
    expect(wasmTier([BIN, "--version"], ROOT)).toBe("turbofan");
  });
});
