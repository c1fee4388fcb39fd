// Lazy access to the parsers: a parser module is imported only when a run has an enabled rule
// or extractor for its kind, so `deploylint --version` and small runs load nothing they don't use.
import type { SourceMap } from "../rule-api/types.js";
import { isStackOverflow, NESTED_TOO_DEEPLY } from "./too-deep.js";

export type ParsedKind = "sql" | "script" | "yaml" | "json" | "dotenv";

export type ParseOutcome<K extends keyof SourceMap> =
  | { ok: true; source: SourceMap[K] }
  | { ok: false; error: { message: string; offset: number } };

export interface ParseRequest {
  text: string;
  path: string;
  sqlDialect?: string;
  /** SQL: where the text starts in its file (embedded in a script); ranges count from the file's start. */
  offset?: number;
}

export type ParserSet = {
  [K in ParsedKind]?: (request: ParseRequest) => ParseOutcome<K>;
};

async function loadParser(kind: ParsedKind): Promise<ParserSet[ParsedKind]> {
  switch (kind) {
    case "sql": {
      const { loadPostgresParser, readSqlFile } = await import("./sql/index.js");
      // PostgreSQL's grammar is WebAssembly, loaded asynchronously: once, before any file is parsed.
      await loadPostgresParser();
      return ({ text, path, sqlDialect, offset }: ParseRequest) => ({
        ok: true,
        source: readSqlFile({
          text,
          path,
          ...(sqlDialect !== undefined ? { configured: sqlDialect } : {}),
          ...(offset !== undefined ? { offset } : {}),
        }),
      });
    }
    case "dotenv": {
      const { parseDotenv } = await import("./dotenv.js");
      return ({ text }: ParseRequest) => ({ ok: true, source: parseDotenv(text) });
    }
    case "yaml": {
      const { parseYaml } = await import("./yaml.js");
      return ({ text }: ParseRequest) => parseYaml(text);
    }
    case "json": {
      const { isJsoncPath, parseJson } = await import("./json.js");
      // tsconfig.json, .vscode/*.json and friends allow comments; plain JSON does not.
      return ({ text, path }: ParseRequest) => parseJson(text, { jsonc: isJsoncPath(path) });
    }
    case "script": {
      const { parseScript } = await import("./script.js");
      return ({ text, path }: ParseRequest) => parseScript(text, path);
    }
  }
}

const PARSED_KINDS = new Set<string>(["sql", "script", "yaml", "json", "dotenv"]);

export function isParsedKind(kind: string): kind is ParsedKind {
  return PARSED_KINDS.has(kind);
}

/**
 * A parser whose stack overflow (a file nested thousands of levels deep) is that file's parse error.
 * Every parser we use recurses somewhere (typescript-estree's converter, yaml's composer and toJS,
 * sql-parser-cst's grammar), so the guard sits here, around all of them.
 */
function guardDepth<K extends ParsedKind>(
  parse: (request: ParseRequest) => ParseOutcome<K>,
): (request: ParseRequest) => ParseOutcome<K> {
  return (request) => {
    try {
      return parse(request);
    } catch (error) {
      if (!isStackOverflow(error)) throw error;
      return { ok: false, error: { message: NESTED_TOO_DEEPLY, offset: 0 } };
    }
  };
}

/** Imports the parsers for the given kinds (others stay unloaded). */
export async function loadParsers(kinds: Iterable<string>): Promise<ParserSet> {
  const wanted = [...new Set(kinds)].filter(isParsedKind);
  // Side by side, SQL first: V8 compiles PostgreSQL's grammar (WebAssembly) on its own threads, so
  // the other parsers' modules load on this one meanwhile instead of after it (one after the other,
  // the example shop waited ~40 ms for the grammar before loading anything else).
  wanted.sort((a, b) => Number(b === "sql") - Number(a === "sql"));
  const loaded = await Promise.all(wanted.map(async (kind) => [kind, await loadParser(kind)] as const));
  const parsers: Record<string, unknown> = {};
  for (const [kind, parse] of loaded)
    if (parse) parsers[kind] = guardDepth(parse as (request: ParseRequest) => ParseOutcome<ParsedKind>);
  return parsers as ParserSet;
}

/**
 * Parsers loaded as the files that need them come: `parsers` fills in as `ensure` imports a kind
 * for the first time. A worker or a run whose files are all SQL never compiles `typescript`.
 */
export function createParserLoader(): { parsers: ParserSet; ensure(kinds: Iterable<string>): Promise<void> } {
  const parsers: ParserSet = {};
  return {
    parsers,
    async ensure(kinds) {
      const missing = [...kinds].filter((kind) => isParsedKind(kind) && parsers[kind] === undefined);
      if (missing.length > 0) Object.assign(parsers, await loadParsers(missing));
    },
  };
}
