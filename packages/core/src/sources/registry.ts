// Lazy access to the parsers: a parser module is imported only when a run has an enabled rule
// or extractor for its kind, so `deploylint --version` and small runs load nothing they don't use.
import type { SourceMap, SqlDialect } from "../rule-api/types.js";

export type ParsedKind = "sql" | "script" | "yaml" | "json" | "dotenv";

export type ParseOutcome<K extends keyof SourceMap> =
  | { ok: true; source: SourceMap[K] }
  | { ok: false; error: { message: string; offset: number } };

export interface ParseRequest {
  text: string;
  path: string;
  sqlDialect?: string;
}

export type ParserSet = {
  [K in ParsedKind]?: (request: ParseRequest) => ParseOutcome<K>;
};

async function loadParser(kind: ParsedKind): Promise<ParserSet[ParsedKind]> {
  switch (kind) {
    case "sql": {
      const { parseSql, resolveSqlDialect } = await import("./sql/index.js");
      return ({ text, path, sqlDialect }: ParseRequest) => ({
        ok: true,
        source: parseSql(text, resolveSqlDialect(path, sqlDialect) as SqlDialect),
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

/** Imports the parsers for the given kinds (others stay unloaded). */
export async function loadParsers(kinds: Iterable<string>): Promise<ParserSet> {
  const parsers: Record<string, unknown> = {};
  for (const kind of kinds) {
    if (isParsedKind(kind) && !parsers[kind]) parsers[kind] = await loadParser(kind);
  }
  return parsers as ParserSet;
}
