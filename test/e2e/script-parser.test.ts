// The script parser end to end: oxc-parser by default (typescript never loads), the same report
// with DEPLOYLINT_SCRIPT_PARSER=typescript-estree and from worker threads, and a bad value refused.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, runCli, tempRepos } from "../support/cli.js";

const repo = tempRepos();

/** Scripts whose findings need their trees: env reads in TS and JSX, a secret, a knex migration. */
const SCRIPTS: Record<string, string> = {
  ".env.example": "DATABASE_URL=\n",
  "src/config.ts":
    "export const config = { url: process.env.DATABASE_URL, token: process.env.UNDOCUMENTED_TOKEN };\n" +
    'const dbPassword = "Xk9vPq3mZt7Lw2Rb";\nexport const id = <T,>(x: T) => x;\n',
  "src/app.jsx": 'export const App = () => <div title="a &amp; b">{process.env.REACT_APP_MISSING}</div>;\n',
  "src/typed.js": "export function f(a: string) { return process.env.TYPED_IN_JS ?? a; }\n",
  "migrations/20240101000000_drop.js":
    'exports.up = (knex) => knex.schema.alterTable("users", (t) => { t.dropColumn("email"); });\nexports.down = () => {};\n',
};

function requiredModules(cwd: string, env: Record<string, string> = {}): string[] {
  const log = join(mkdtempSync(join(tmpdir(), "deploylint-requires-")), "required.txt");
  const run = spawnSync(
    process.execPath,
    ["--require", join(ROOT, "test/support/record-requires.cjs"), BIN, "--workers", "0", "--no-cache"],
    { cwd, encoding: "utf8", env: { ...process.env, ...env, DEPLOYLINT_RECORD_REQUIRES: log } },
  );
  expect(run.stdout).toMatch(/no-undocumented-var/);
  return readFileSync(log, "utf8").trim().split("\n");
}

// typescript-estree's table of JSX entities (a plain object module) decodes `&amp;` in JSX strings;
// nothing else of it, and nothing of typescript, may load.
const TYPESCRIPT =
  /[\\/]node_modules[\\/](typescript[\\/]|@typescript-eslint[\\/]typescript-estree[\\/](?!dist[\\/]jsx[\\/]xhtml-entities\.js$))/;

describe("script parser", () => {
  it("parses scripts with oxc-parser's native binding and never loads typescript", () => {
    const loaded = requiredModules(repo(SCRIPTS));
    expect(loaded.some((file) => /oxc-parser.*\.node$/.test(file))).toBe(true);
    expect(loaded.filter((file) => TYPESCRIPT.test(file))).toEqual([]);
  });

  it("uses typescript-estree when DEPLOYLINT_SCRIPT_PARSER asks for it, with the same report", () => {
    const dir = repo(SCRIPTS);
    const loaded = requiredModules(dir, { DEPLOYLINT_SCRIPT_PARSER: "typescript-estree" });
    expect(loaded.some((file) => /[\\/]typescript[\\/]lib[\\/]typescript\.js$/.test(file))).toBe(true);
    expect(loaded.some((file) => /oxc-parser/.test(file))).toBe(false);

    const oxc = runCli(["--format", "json", "--no-cache"], { cwd: dir });
    const estree = runCli(["--format", "json", "--no-cache"], {
      cwd: dir,
      env: { DEPLOYLINT_SCRIPT_PARSER: "typescript-estree" },
    });
    expect(oxc.stdout).toBe(estree.stdout);
    const rules = JSON.parse(oxc.stdout).findings.map((f: { ruleId: string; file: string }) => `${f.ruleId} ${f.file}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        "env-docs/no-undocumented-var src/config.ts",
        "env-docs/no-undocumented-var src/app.jsx",
        "env-docs/no-undocumented-var src/typed.js",
        "secrets/no-generic-secret src/config.ts",
        "migrations/no-drop-column migrations/20240101000000_drop.js",
      ]),
    );
  });

  it("falls back to typescript-estree, with the same report, where oxc's native binding cannot load", () => {
    const dir = repo(SCRIPTS);
    // napi-rs's loader tries this path first; a missing file is what an unsupported platform sees.
    const noBinding = { NAPI_RS_NATIVE_LIBRARY_PATH: join(dir, "no-such-binding.node") };
    const loaded = requiredModules(dir, noBinding);
    expect(loaded.some((file) => /[\\/]typescript[\\/]lib[\\/]typescript\.js$/.test(file))).toBe(true);
    expect(loaded.some((file) => /\.node$/.test(file))).toBe(false);
    const fallback = runCli(["--format", "json", "--no-cache"], { cwd: dir, env: noBinding });
    expect(fallback.stderr).toBe("");
    expect(fallback.stdout).toBe(runCli(["--format", "json", "--no-cache"], { cwd: dir }).stdout);
  });

  it("refuses an unknown DEPLOYLINT_SCRIPT_PARSER with a one-line error", () => {
    const run = runCli(["--no-cache"], { cwd: repo(SCRIPTS), env: { DEPLOYLINT_SCRIPT_PARSER: "babel" } });
    expect(run.status).toBe(2);
    // Raised by the first parse, so the engine's line names the rule that asked for the tree.
    expect(run.stderr).toMatch(
      /^deploylint: .*DEPLOYLINT_SCRIPT_PARSER must be "oxc" or "typescript-estree", not "babel"\.\n$/,
    );
  });

  it("gives the main thread's report from worker threads, which load the native binding too", () => {
    const files: Record<string, string> = { ".env.example": "DATABASE_URL=\n" };
    for (let i = 1; i <= 300; i++) {
      files[`src/module-${i}.ts`] =
        i % 10 === 0
          ? `export const read${i} = process.env.UNDOCUMENTED_${i} ?? <string>"x";\n`
          : `export const url${i}: string | undefined = process.env.DATABASE_URL;\n`;
      files[`src/view-${i}.jsx`] = `export const View${i} = () => <p>{process.env.DATABASE_URL}</p>;\n`;
    }
    const dir = repo(files);
    const pooled = runCli(["--format", "json", "--workers", "2", "--debug", "--no-cache"], { cwd: dir });
    expect(pooled.stderr).toMatch(/worker threads/);
    const single = runCli(["--format", "json", "--workers", "0", "--no-cache"], { cwd: dir });
    expect(pooled.stdout).toBe(single.stdout);
    // 30 undocumented reads, and .env.example's DATABASE_URL without description or example value.
    expect(JSON.parse(single.stdout).findings.length).toBe(32);
  });
});
