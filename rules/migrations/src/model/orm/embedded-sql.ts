// SQL written inside an ORM migration's string or template literal (knex.raw, queryRunner.query,
// pgm.sql, sequelize.query): parsed with the real SQL parser when the context offers it (its ranges
// are file offsets), else split here and read by the text readers the SQL path uses for statements
// its parser rejects.
import type { SqlSource, SqlStatement } from "@deploylint/core/rule-api";
import { statementOperations } from "../operations.js";
import type { Direction, Operation } from "../types.js";
import { kindOfSql } from "./sql-kind.js";

/** End of a quoted run that starts at `start` (the quote itself), with doubled quotes as escapes. */
function closeQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] !== quote) return i + 1;
      i += 2;
      continue;
    }
    i++;
  }
  return text.length;
}

/** Where the token at `i` that cannot hold a `;` (string, comment, dollar quote) ends, or -1. */
function skipOpaque(text: string, i: number): number {
  const ch = text[i];
  if (ch === "'" || ch === '"' || ch === "`") return closeQuote(text, i, ch);
  if (ch === "-" && text[i + 1] === "-") {
    const nl = text.indexOf("\n", i);
    return nl === -1 ? text.length : nl;
  }
  if (ch === "/" && text[i + 1] === "*") {
    const close = text.indexOf("*/", i + 2);
    return close === -1 ? text.length : close + 2;
  }
  if (ch === "$") {
    const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i, i + 64))?.[0];
    if (tag !== undefined) {
      const close = text.indexOf(tag, i + tag.length);
      return close === -1 ? text.length : close + tag.length;
    }
  }
  return -1;
}

/** Top-level statements of `text` as offset ranges (comments-only pieces dropped). */
export function splitStatements(text: string): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const body = text.slice(start, end);
    const lead = body.length - body.trimStart().length;
    const trimmed = body.trim();
    if (trimmed !== "" && !/^(--[^\n]*\s*|\/\*[\s\S]*?\*\/\s*)+$/.test(trimmed)) {
      pieces.push({ start: start + lead, end: start + lead + trimmed.length });
    }
  };
  while (i < text.length) {
    const skipped = skipOpaque(text, i);
    if (skipped !== -1) {
      i = skipped;
      continue;
    }
    if (text[i] === ";") {
      push(i);
      start = i + 1;
    }
    i++;
  }
  push(text.length);
  return pieces;
}

/** Leading comments are not part of what a statement is. */
function withoutLeadingComments(text: string): { text: string; offset: number } {
  const stripped = text.replace(/^(\s*(--[^\n]*|\/\*[\s\S]*?\*\/))+\s*/, "");
  return { text: stripped, offset: text.length - stripped.length };
}

/** Parses a literal's SQL at its offset in the script (the rule context's parseEmbedded). */
export type EmbeddedSqlParser = (text: string, offset: number) => SqlSource | null;

/**
 * The operations of the SQL in a literal whose text starts at `offset` in the script. `nextIndex`
 * hands out statement indexes, unique within the migration.
 */
export function embeddedOperations(options: {
  sql: string;
  offset: number;
  section: Direction;
  nextIndex: () => number;
  parseSql?: EmbeddedSqlParser | null;
  /** The file offset of a position in `sql`, when escapes or placeholders make them differ. */
  toFile?: (position: number) => number;
}): Operation[] {
  const operations = readOperations(options);
  const toFile = options.toFile;
  if (toFile === undefined) return operations;
  // The parser saw the SQL at `offset` as if the file held it verbatim; findings point at the file.
  const at = (position: number) => toFile(position - options.offset);
  // Object.assign, not a spread (V8's slow path for operations of many shapes); same keys, same order.
  return operations.map((op) => Object.assign({}, op, { range: { start: at(op.range.start), end: at(op.range.end) } }));
}

function readOperations(options: {
  sql: string;
  offset: number;
  section: Direction;
  nextIndex: () => number;
  parseSql?: EmbeddedSqlParser | null;
}): Operation[] {
  const parsed = options.parseSql?.(options.sql, options.offset) ?? null;
  if (parsed) {
    return parsed.statements.flatMap((statement) =>
      statementOperations(statement, { index: options.nextIndex(), section: options.section }),
    );
  }
  return splitStatements(options.sql).flatMap((piece) => {
    const raw = options.sql.slice(piece.start, piece.end);
    const { text, offset } = withoutLeadingComments(raw);
    const start = options.offset + piece.start + offset;
    const statement: SqlStatement = {
      text,
      range: { start, end: options.offset + piece.end },
      kind: kindOfSql(text),
      cst: null,
      parseError: null,
    };
    return statementOperations(statement, { index: options.nextIndex(), section: options.section });
  });
}
