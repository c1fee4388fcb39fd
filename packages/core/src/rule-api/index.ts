// The public rule API: the helpers a rule pack is written with, and their types.
import type { Extractor, FileRule, Pack, ProjectRule } from "./types.js";

export type * from "./types.js";

/**
 * Declares a rule. Message ids, their `{{placeholders}}` and the options type are inferred from
 * the metadata, so `ctx.report({ messageId, data })` is checked at compile time.
 */
export function defineRule<const M extends Record<string, string>, O = undefined>(
  rule: ProjectRule<M, O>,
): ProjectRule<M, O>;
export function defineRule<const M extends Record<string, string>, O = undefined>(rule: FileRule<M, O>): FileRule<M, O>;
export function defineRule(rule: FileRule | ProjectRule): FileRule | ProjectRule {
  return rule;
}

/** Declares an extractor: per-file code that emits plain-JSON facts for project rules. */
export function defineExtractor(extractor: Extractor): Extractor {
  return extractor;
}

/** Declares a pack: a named set of rules, the extractors they need, and configs to extend. */
export function definePack(pack: Pack): Pack {
  return pack;
}
export { classifyPath } from "../sources/classify.js";
export { dialectFromAlias } from "../sources/sql/dialect.js";
// PostgreSQL's own lexer, for packs that read clauses of statements PostgreSQL's grammar parsed.
export { byteToIndex, type PgToken, scanPostgres } from "../sources/sql/pg-parser.js";
export { uncheckedDialectOfPath } from "../sources/sql/unchecked-dialect.js";
export { EXAMPLE_FILE_NAMES, isExampleFileName } from "./example-files.js";
export { hashSecret, maskSecret } from "./mask.js";
export { nodeRangeAt } from "./yaml-paths.js";
