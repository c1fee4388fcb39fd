// pg-wasm.ts calls libpg-query's WebAssembly module itself (native UTF-8 in and out): it must answer
// exactly what libpg-query's parseSync / scanSync answer, trees, errors and cursors alike.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { loadPgModule, missingPgExports, parseSyncPg, scanSyncPg } from "../../src/sources/sql/pg-wasm.js";

interface LibPgQuery {
  loadModule(): Promise<void>;
  parseSync(text: string): unknown;
  scanSync(text: string): unknown;
}
const library = createRequire(import.meta.url)("libpg-query") as LibPgQuery;

beforeAll(async () => {
  await loadPgModule();
  await library.loadModule();
});

/** The tree, or the error's class name, message and cursor. */
function outcome(parse: (text: string) => unknown, text: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    const { name, message, sqlDetails } = error as Error & { sqlDetails?: { cursorPosition?: number } };
    return { name, message, cursor: sqlDetails?.cursorPosition };
  }
}

const TEXTS = [
  "CREATE TABLE t (id int PRIMARY KEY, note text DEFAULT 'x');",
  'ALTER TABLE "café" ADD COLUMN "naïve" text; UPDATE "café" SET "naïve" = \'é\';',
  'CREATE TABLE "\u{1f600}" (a int); SELECT \'\u{1f600}\' FROM "\u{1f600}"',
  "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql",
  "SELECT 'a lone \ud800 high and \udc00 low surrogate', 'é'",
  "SELEC 1",
  "SELECT 'é', 'ü' FRM t",
  "SELECT (",
  "SELECT 1 /* unterminated",
  "",
  "  ",
  "-- only a comment",
  "x",
];

describe("libpg-query through pg-wasm.ts", () => {
  it.each(TEXTS)("parses %j as libpg-query's parseSync does", (text) => {
    expect(outcome(parseSyncPg, text)).toEqual(outcome(library.parseSync, text));
  });

  it.each(TEXTS)("scans %j as libpg-query's scanSync does", (text) => {
    expect(outcome(scanSyncPg, text)).toEqual(outcome(library.scanSync, text));
  });

  it("refuses a module without the exports it calls (another libpg-query build), naming them", async () => {
    expect(missingPgExports(await loadPgModule())).toEqual([]);
    const { _wasm_parse_query_raw, ...renamed } = await loadPgModule();
    expect(missingPgExports({ ...renamed, _wasm_parse_query: _wasm_parse_query_raw })).toEqual([
      "_wasm_parse_query_raw",
    ]);
  });

  it("is pinned to the exact libpg-query version whose module and structs it reads", () => {
    const manifest = createRequire(import.meta.url)("../../package.json") as { dependencies: Record<string, string> };
    expect(manifest.dependencies["libpg-query"]).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("encodes with TextEncoder, and with emscripten's own encoder only for a text holding a lone surrogate", async () => {
    const module = await loadPgModule();
    const emscripten = vi.spyOn(module, "lengthBytesUTF8");
    parseSyncPg("SELECT 'é', '\u{1f600}' FROM t");
    expect(emscripten).not.toHaveBeenCalled();
    parseSyncPg("SELECT '\ud800'");
    expect(emscripten).toHaveBeenCalledTimes(1);
    emscripten.mockRestore();
  });

  it("instantiates one module per process, without libpg-query's own (which would compile a second)", () => {
    const sources = fileURLToPath(new URL("../../dist/sources/sql/pg-parser.js", import.meta.url));
    const script = `
      import { createRequire } from "node:module";
      const cache = createRequire(import.meta.url).cache;
      const { loadPostgresParser, parsePostgres } = await import(${JSON.stringify(sources)});
      const again = await import(${JSON.stringify(`${sources}?copy`)});
      await loadPostgresParser();
      const parsed = again.parsePostgres("SELECT 1").ok && parsePostgres("SELECT 1").ok;
      const index = Object.keys(cache).some((path) => /libpg-query[\\\\/]wasm[\\\\/]index/.test(path));
      console.log(JSON.stringify([parsed, index]));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual([true, false]);
  });
});
