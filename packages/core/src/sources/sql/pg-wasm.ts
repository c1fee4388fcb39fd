// A thin call layer over libpg-query's WebAssembly module (PostgreSQL's parser compiled by
// emscripten), in place of the package's parseSync / scanSync: the same calls into the same module,
// but the query goes in through the native TextEncoder and the answer's end is found with a native
// search. libpg-query's own glue does both in per-character JavaScript loops (lengthBytesUTF8,
// stringToUTF8Array, findStringEnd): a seventh of parsing hatchet's 930 statements.
import { createRequire } from "node:module";

/** What this file uses of the emscripten module (libpg-query/wasm/libpg-query.js). */
interface PgModule {
  HEAPU8: Uint8Array;
  HEAPU32: Uint32Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  _wasm_parse_query_raw(query: number): number;
  _wasm_free_parse_result(result: number): void;
  _wasm_scan(query: number): number;
  _wasm_free_string(pointer: number): void;
  UTF8ToString(pointer: number): string;
  lengthBytesUTF8(text: string): number;
  stringToUTF8(text: string, pointer: number, room: number): number;
}

type PgModuleFactory = () => Promise<PgModule>;

/** PostgreSQL's error, as libpg-query's parseSync reports it (its SqlError: message and 0-based cursor). */
export class PgSqlError extends Error {
  readonly sqlDetails: { cursorPosition: number };
  constructor(message: string, cursorPosition: number) {
    super(message);
    this.name = "SqlError";
    this.sqlDetails = { cursorPosition };
  }
}

// One instance per process: every copy of this file (the CLI's bundle, a pack's own import, a test's
// source import) finds the module another copy loaded, as one CommonJS instance of libpg-query was.
const SHARED = Symbol.for("deploylint.libpg-query.module");
interface Shared {
  loading?: Promise<PgModule>;
  module?: PgModule;
}
const holder = globalThis as Record<symbol, Shared | undefined>;
holder[SHARED] ??= {};
const shared: Shared = holder[SHARED];

const requireHere = createRequire(import.meta.url);

// The module's own exports and the C structs read below are libpg-query's internals, outside its
// semver: packages/core pins the exact version, and a module without these exports is refused at
// load with one line instead of failing on the first statement.
const NEEDED = [
  "_malloc",
  "_free",
  "_wasm_parse_query_raw",
  "_wasm_free_parse_result",
  "_wasm_scan",
  "_wasm_free_string",
  "UTF8ToString",
  "lengthBytesUTF8",
  "stringToUTF8",
] as const;

/** The exports of NEEDED that `module` lacks (none for the pinned libpg-query). */
export function missingPgExports(module: object): string[] {
  return NEEDED.filter((name) => typeof (module as Record<string, unknown>)[name] !== "function");
}

/** Loads and instantiates the module once per process; later calls wait for the same load. */
export function loadPgModule(): Promise<PgModule> {
  shared.loading ??= (requireHere("libpg-query/wasm/libpg-query.js") as PgModuleFactory)().then((module) => {
    const missing = missingPgExports(module);
    if (missing.length > 0) {
      throw new Error(
        `libpg-query's WebAssembly module lacks ${missing.join(", ")}: install the version packages/core pins`,
      );
    }
    shared.module = module;
    return module;
  });
  return shared.loading;
}

function loaded(): PgModule {
  // libpg-query's own words for the same mistake (a parse before the load): a bug of ours, never
  // to be mistaken for a syntax error (pg-parser.ts rethrows it).
  if (shared.module === undefined) throw new Error("WASM module not initialized. Call loadModule() first.");
  return shared.module;
}

const encoder = new TextEncoder();
// The decoder emscripten's UTF8ToString uses for more than 16 bytes (every JSON answer is longer).
const decoder = new TextDecoder();
// A lone UTF-16 surrogate: TextEncoder writes it as U+FFFD where emscripten writes bytes of its own,
// so a text holding one goes in through emscripten's encoder and PostgreSQL sees the same bytes.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Copies `text` into the module's memory as a NUL-terminated UTF-8 string; the caller frees it. */
function stringIn(pg: PgModule, text: string): number {
  if (LONE_SURROGATE.test(text)) {
    const room = pg.lengthBytesUTF8(text) + 1;
    const pointer = pg._malloc(room);
    pg.stringToUTF8(text, pointer, room);
    return pointer;
  }
  // A UTF-16 unit never takes more than 3 bytes of UTF-8 (a pair takes 4 for its 2 units).
  const room = text.length * 3 + 1;
  const pointer = pg._malloc(room);
  const { written } = encoder.encodeInto(text, pg.HEAPU8.subarray(pointer, pointer + room - 1));
  pg.HEAPU8[pointer + written] = 0;
  return pointer;
}

/** The NUL-terminated UTF-8 string at `pointer`, decoded as emscripten's UTF8ToString decodes it. */
function stringOut(pg: PgModule, pointer: number): string {
  const heap = pg.HEAPU8;
  const end = heap.indexOf(0, pointer);
  if (end - pointer <= 16) return pg.UTF8ToString(pointer);
  return decoder.decode(heap.subarray(pointer, end === -1 ? heap.length : end));
}

function checkQuery(query: string): void {
  if (query === "") throw new Error("Query cannot be empty");
}

/**
 * libpg-query's parseSync, answering the JSON text of the tree instead of the tree: PostgreSQL's
 * error is thrown as a PgSqlError with the same message and cursor.
 */
export function parseToJson(query: string): string {
  checkQuery(query);
  const pg = loaded();
  const queryPointer = stringIn(pg, query);
  let result = 0;
  try {
    result = pg._wasm_parse_query_raw(queryPointer);
    if (!result) throw new Error("Failed to parse query: memory allocation failed");
    // PgQueryParseResult: the tree's JSON, the captured stderr, the error (PgQueryError *).
    const tree = pg.HEAPU32[result >> 2] as number;
    const error = pg.HEAPU32[(result + 8) >> 2] as number;
    if (error) {
      // PgQueryError: message, funcname, filename, lineno, cursorpos (1-based; 0 when none).
      const messagePointer = pg.HEAPU32[error >> 2] as number;
      const cursor = pg.HEAPU32[(error + 16) >> 2] as number;
      const message = messagePointer ? pg.UTF8ToString(messagePointer) : "Unknown error";
      throw new PgSqlError(message, (cursor | 0) > 0 ? cursor - 1 : 0);
    }
    if (!tree) throw new Error("No parse tree generated");
    return stringOut(pg, tree);
  } finally {
    pg._free(queryPointer);
    if (result) pg._wasm_free_parse_result(result);
  }
}

/** libpg-query's parseSync: the parse tree of `query` (statements under `stmts`). */
export function parseSyncPg(query: string): unknown {
  return JSON.parse(parseToJson(query));
}

/** libpg-query's scanSync: PostgreSQL's tokens of `query`, as its JSON gives them. */
export function scanSyncPg(query: string): {
  tokens: { start: number; end: number; tokenName: string }[];
} {
  const pg = loaded();
  const queryPointer = stringIn(pg, query);
  let result = 0;
  try {
    result = pg._wasm_scan(queryPointer);
    const text = stringOut(pg, result);
    if (text.startsWith("syntax error") || text.startsWith("deparse error") || text.startsWith("ERROR")) {
      throw new Error(text);
    }
    return JSON.parse(text);
  } finally {
    pg._free(queryPointer);
    if (result) pg._wasm_free_string(result);
  }
}
