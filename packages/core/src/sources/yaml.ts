// The YAML source kind: parses every document of a file with ranges kept, turns syntax errors
// and alias bombs into an error result, and maps a key path back to a source range.
import {
  type Alias,
  type Document,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  Lexer,
  parseAllDocuments,
  type YAMLMap,
} from "yaml";
import type { YamlSource } from "../rule-api/types.js";
import { isMergeKey } from "../rule-api/yaml-paths.js";
import { NESTED_TOO_DEEPLY, nestedBeyond } from "./too-deep.js";

export { nodeRangeAt } from "../rule-api/yaml-paths.js";

/**
 * Alias expansions allowed per document. It equals `yaml`'s own `toJS()` default, so any document
 * that parses here can be turned into a value by a rule calling `doc.toJS()` without throwing.
 */
export const YAML_MAX_ALIAS_COUNT = 100;

export interface SourceParseError {
  message: string;
  /** Offset into the text where the problem starts. */
  offset: number;
}

export type ParseResult<S> = { ok: true; source: S } | { ok: false; error: SourceParseError };

/**
 * Options every deploylint YAML parse uses. `merge` enables `<<` merge keys because CI files
 * (GitLab CI, docker-compose) rely on them; `prettyErrors` is off so that no source excerpt,
 * which may hold a secret, ends up in an error message. yaml's own duplicate-key check is
 * quadratic in the size of a map (seconds for 20k keys), so we check keys ourselves.
 */
export const YAML_PARSE_OPTIONS = { merge: true, prettyErrors: false, uniqueKeys: false } as const;

/**
 * Parses all documents of a YAML stream. Any error in any document (syntax, duplicate key,
 * unresolved alias, excessive aliasing) makes the whole file an error result pointing at the
 * first problem, because a rule reading a half-parsed document would judge the wrong values.
 * Warnings (unknown tags such as `!Ref` or `!reference`) are kept on the documents and do not fail.
 */
export function parseYaml(text: string): ParseResult<YamlSource> {
  const tooDeep = tooDeepFlowAt(text);
  if (tooDeep !== -1)
    return { ok: false, error: { message: nestedBeyond(MAX_FLOW_DEPTH, "flow collections"), offset: tooDeep } };
  const documents = [...parseAllDocuments(text, YAML_PARSE_OPTIONS)];
  const scans = documents.map(scanDocument);
  const problems = documents.flatMap((doc, i) => [
    // yaml records its own stack overflow (a document nested thousands deep) as a document error.
    ...doc.errors.map((error) => ({
      message: /maximum call stack size/i.test(error.message) ? NESTED_TOO_DEEPLY : error.message,
      offset: error.pos[0],
    })),
    ...(scans[i]?.duplicates ?? []),
  ]);
  const first = problems.sort((a, b) => a.offset - b.offset).at(0);
  if (first) return { ok: false, error: first };
  for (const [i, doc] of documents.entries()) {
    const aliasError = checkAliases(doc, scans[i]?.aliases ?? []);
    if (aliasError) return { ok: false, error: aliasError };
  }
  return { ok: true, source: { documents } };
}

/**
 * Flow collections (`[`, `{`) nested deeper than this are refused before yaml composes them. The
 * composer recurses once per level, and near the end of the stack V8 may have to compile a regular
 * expression first used down there: out of stack in the regexp compiler kills the process
 * ("RegExpCompiler Allocation failed") instead of throwing the RangeError that makes the file its
 * own parse error. Two flow sequences of 1,000 and 3,000 levels in one run crashed it every time;
 * the main thread's stack runs out at ~800 levels. Real files nest a handful.
 */
export const MAX_FLOW_DEPTH = 256;

/** yaml's lexer marks a document start, a scalar and a flow end with characters not in the text. */
const LEXER_MARKERS = new Set(["\x02", "\x18", "\x1f"]);

/** The offset of the first flow collection opened deeper than MAX_FLOW_DEPTH, or -1. */
function tooDeepFlowAt(text: string): number {
  if (!bracketsMayNestBeyond(text, MAX_FLOW_DEPTH)) return -1;
  // yaml's lexer does not recurse; its "[" and "{" tokens are exactly the flow collections (a
  // bracket in a quoted or block scalar, or in a comment, is part of a longer token).
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === "[" || token === "{") {
      if (++depth > MAX_FLOW_DEPTH) return offset;
    } else if ((token === "]" || token === "}") && depth > 0) depth--;
    if (!LEXER_MARKERS.has(token)) offset += token.length;
  }
  return -1;
}

/** Every bracket counted, in scalars and comments too: an overestimate that settles nearly every file in one pass. */
function bracketsMayNestBeyond(text: string, levels: number): boolean {
  if (text.length <= levels) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5b || code === 0x7b) {
      if (++depth > levels) return true;
    } else if ((code === 0x5d || code === 0x7d) && depth > 0) depth--;
  }
  return false;
}

interface DocumentScan {
  aliases: Alias[];
  duplicates: SourceParseError[];
}

// One walk for what yaml leaves to us: the aliases to check, and duplicate keys (found with a
// Set per map, comparing scalar values the way yaml's own check does).
function scanDocument(doc: Document.Parsed): DocumentScan {
  const scan: DocumentScan = { aliases: [], duplicates: [] };
  scanNode(doc.contents, scan);
  return scan;
}

// Visits nodes in the order yaml's `visit` does (a collection before its items, a pair's key
// before its value), written out by hand: `visit` copies and freezes the ancestor path at every
// collection and pair, which made this walk ~8% of parsing a repository's YAML.
function scanNode(node: unknown, scan: DocumentScan): void {
  if (isAlias(node)) {
    scan.aliases.push(node);
  } else if (isPair(node)) {
    scanNode(node.key, scan);
    scanNode(node.value, scan);
  } else if (isCollection(node)) {
    if (isMap(node)) addDuplicateKeys(node, scan.duplicates);
    for (const item of node.items) scanNode(item, scan);
  }
}

function addDuplicateKeys(map: YAMLMap, duplicates: SourceParseError[]): void {
  const seen = new Set<unknown>();
  for (const pair of map.items) {
    if (!isScalar(pair.key) || isMergeKey(pair.key)) continue;
    if (seen.has(pair.key.value)) {
      duplicates.push({
        message: `Duplicate key ${String(pair.key.value)}: YAML requires unique keys, and tools disagree on which value wins.`,
        offset: pair.key.range?.[0] ?? 0,
      });
    }
    seen.add(pair.key.value);
  }
}

/**
 * Resolves the document's aliases once, under the expansion bound, so that an alias bomb or an
 * alias to a missing anchor is reported here instead of throwing later inside a rule.
 */
function checkAliases(doc: Document.Parsed, aliases: Alias[]): SourceParseError | null {
  const first = aliases[0];
  if (!first) return null;
  const unresolved = aliases.find((alias) => !alias.resolve(doc));
  if (unresolved) {
    return {
      message: `Alias *${unresolved.source} refers to an anchor that is not defined before it.`,
      offset: unresolved.range?.[0] ?? 0,
    };
  }
  try {
    doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml signals alias failures with a ReferenceError; anything else is a real bug.
    if (!(error instanceof ReferenceError)) throw error;
    return {
      message: `Aliases expand to too many nodes (more than ${YAML_MAX_ALIAS_COUNT} expansions), which looks like a resource exhaustion ("billion laughs") attack.`,
      offset: first.range?.[0] ?? 0,
    };
  }
  return null;
}
