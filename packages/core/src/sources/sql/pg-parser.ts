// PostgreSQL's own grammar (libpg-query: the server's parser compiled to WebAssembly). Loading the
// WebAssembly module is asynchronous and takes tens of milliseconds, so it is loaded once, before
// files are read, and every parse after that is synchronous.
import type { PgRawStmt } from "../../rule-api/types.js";
import { isStackOverflow, STATEMENT_NESTED_TOO_DEEPLY } from "../too-deep.js";
import { loadPgModule, parseSyncPg, scanSyncPg } from "./pg-wasm.js";

let loading: Promise<void> | null = null;
let loadMs: number | null = null;

/**
 * Loads the parser (once; later calls wait for the same load). A lint run has set `--liftoff-only`
 * before this (engine/run.ts, applyEngineV8Flags): by default V8 recompiles the hot functions of the
 * 1.7 MB module with its optimising compiler in background threads, which on 2 cores competed with
 * the parse, and the process could not exit before they finished (hatchet's history: parsing took
 * 340-500 ms and exiting 280-600 ms more; on Liftoff alone it parses in 100 ms and exits at once).
 */
export function loadPostgresParser(): Promise<void> {
  loading ??= (async () => {
    const started = performance.now();
    await loadPgModule();
    loadMs = performance.now() - started;
  })();
  return loading;
}

/** How long loading took, in milliseconds, or null before it finished in this copy of the module. */
export function postgresParserLoadMs(): number | null {
  return loadMs;
}

const NOT_LOADED = /not initialized/i;

export type PgParseOutcome =
  | { ok: true; statements: PgRawStmt[] }
  | {
      ok: false;
      /** PostgreSQL's message: `syntax error at or near ","`. */
      message: string;
      /** Where PostgreSQL's cursor points, as an index into the parsed text. */
      offset: number;
    };

/** Byte offsets (UTF-8) of libpg-query's locations, as indexes into a JavaScript string. */
export function byteToIndex(text: string): (byte: number) => number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  if (!/[^\x00-\x7f]/.test(text)) return (byte) => byte;
  const indexAt: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let b = 0; b < bytes; b++) indexAt.push(i);
    if (code >= 0x10000) i++; // the low surrogate is part of the same character
  }
  return (byte) => (byte >= indexAt.length ? text.length : (indexAt[byte] ?? text.length));
}

/** PostgreSQL's error cursor counts characters (code points): the string index of the n-th one. */
function codePointToIndex(text: string, position: number): number {
  let index = 0;
  for (let n = 0; n < position && index < text.length; n++) {
    index += (text.codePointAt(index) ?? 0) >= 0x10000 ? 2 : 1;
  }
  return index;
}

interface SqlErrorLike {
  message: string;
  sqlDetails?: { cursorPosition?: number };
}

/** Parses `text` (one or more statements) with PostgreSQL's grammar. */
export function parsePostgres(text: string): PgParseOutcome {
  try {
    // pg-wasm.ts throws "not initialized" when nothing awaited loadPostgresParser(): a bug of ours,
    // not bad input, and never to be mistaken for a syntax error.
    const result = parseSyncPg(text) as { stmts?: PgRawStmt[] };
    return { ok: true, statements: result.stmts ?? [] };
  } catch (error) {
    if (error instanceof Error && NOT_LOADED.test(error.message)) throw error;
    // Nesting deeper than PostgreSQL's parser stack (bison's "memory exhausted"), or than ours when
    // reading its tree back: the server rejects it too, in the words every parser here uses.
    if (isStackOverflow(error) || (error instanceof Error && /^memory exhausted\b/.test(error.message))) {
      return { ok: false, message: STATEMENT_NESTED_TOO_DEEPLY, offset: 0 };
    }
    const details = error as SqlErrorLike;
    const cursor = details.sqlDetails?.cursorPosition;
    const message = typeof details.message === "string" ? details.message : String(error);
    return { ok: false, message, offset: cursor === undefined ? 0 : codePointToIndex(text, cursor) };
  }
}

export interface PgToken {
  start: number;
  end: number;
  text: string;
  /** A comment (the scanner reports them; the grammar skips them). */
  comment: boolean;
}

const COMMENT_TOKENS = new Set(["SQL_COMMENT", "C_COMMENT"]);

/**
 * PostgreSQL's tokens of `text` (strings, dollar quotes and comments read by the server's own lexer),
 * with string indexes; empty when the lexer rejects the text.
 */
export function scanPostgres(text: string): PgToken[] {
  const toIndex = byteToIndex(text);
  try {
    return scanSyncPg(text).tokens.map((token) => {
      const start = toIndex(token.start);
      const end = toIndex(token.end);
      return { start, end, text: text.slice(start, end), comment: COMMENT_TOKENS.has(token.tokenName) };
    });
  } catch (error) {
    if (error instanceof Error && NOT_LOADED.test(error.message)) throw error;
    return [];
  }
}
