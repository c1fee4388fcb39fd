// Parses a SQL file statement by statement: PostgreSQL with PostgreSQL's own grammar (pg-parse.ts),
// MySQL and SQLite with sql-parser-cst. A statement the parser rejects keeps its kind, and never
// hides the statements around it.
import { createRequire } from "node:module";
import type { SqlDialect, SqlSource, SqlStatement } from "../../rule-api/types.js";
import { isStackOverflow, STATEMENT_NESTED_TOO_DEEPLY } from "../too-deep.js";
import { classifyStatement } from "./classify.js";
import { resolveSqlDialect } from "./dialect.js";
import { isKnownParserGap } from "./known-gaps.js";
import { parsePostgresStatements } from "./pg-parse.js";
import { type SplitStatement, splitSql } from "./split.js";
import { uncheckedDialectOf } from "./unchecked-dialect.js";

type CstParse = typeof import("sql-parser-cst").parse;

// Required on first use: a PostgreSQL-only repository (most of them) never loads this 7 MB parser.
const requireHere = createRequire(import.meta.url);
let cstParse: CstParse | null = null;

function parse(...args: Parameters<CstParse>): ReturnType<CstParse> {
  cstParse ??= (requireHere("sql-parser-cst") as typeof import("sql-parser-cst")).parse;
  return cstParse(...args);
}

/** Moves every `range` of a CST node by `offset`, in place (each node once). */
function shiftRanges(root: unknown, offset: number): void {
  if (offset === 0) return;
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "range" && Array.isArray(value) && value.length === 2) {
        value[0] += offset;
        value[1] += offset;
      } else if (typeof value === "object" && value !== null) {
        stack.push(value);
      }
    }
  }
}

function firstLine(message: string): string {
  const line = message.split("\n", 1)[0] ?? message;
  return line.trim();
}

/**
 * Parses one statement of the splitter. A goose `StatementBegin … StatementEnd` block is one
 * statement for goose but may hold several for the database; when the parser reads every one of
 * them, they come back as separate statements (`parts`), each with its own tree.
 */
function parseStatement(
  text: string,
  start: number,
  dialect: SqlDialect,
): Pick<SqlStatement, "cst" | "parseError"> & {
  parts?: { cst: unknown; range: [number, number] }[];
  /** Where the parser stopped, relative to `text`. */
  errorAt?: number | null;
} {
  try {
    const program = parse(text, { dialect, includeRange: true, includeComments: false });
    // The block keeps its final `;`, which parses as a trailing empty statement.
    const statements = program.statements.filter((node, i) => i === 0 || node.type !== "empty");
    const cst = statements[0] ?? null;
    if (cst === null || cst.type === "empty") {
      return { cst: null, parseError: `Expected one statement, the parser found ${statements.length}.` };
    }
    shiftRanges(program, start);
    if (statements.length === 1) return { cst, parseError: null };
    const parts = statements.map((node) => ({ cst: node, range: node.range as [number, number] }));
    return { cst: null, parseError: null, parts };
  } catch (error) {
    if (isStackOverflow(error)) return { cst: null, parseError: STATEMENT_NESTED_TOO_DEEPLY };
    const parseError = firstLine(error instanceof Error ? error.message : String(error));
    return { cst: null, parseError, errorAt: errorOffset(error, text) };
  }
}

/** Where a sql-parser-cst syntax error points ("--> file:LINE:COLUMN"), as an offset into `text`. */
function errorOffset(error: unknown, text: string): number | null {
  const at = error instanceof Error ? /--> [^\n]*:(\d+):(\d+)\s*$/m.exec(error.message) : null;
  if (at === null) return null;
  let offset = 0;
  for (let line = 1; line < Number(at[1]); line++) {
    const nl = text.indexOf("\n", offset);
    if (nl === -1) return null;
    offset = nl + 1;
  }
  return offset + Number(at[2]) - 1;
}

/** Index of the last statement starting at or before `offset` (-1 when none). */
function statementAt(statements: readonly SplitStatement[], offset: number): number {
  let low = 0;
  let high = statements.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((statements[mid] as SplitStatement).range.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * The statements of few large parses, keyed by their exact range. One call per run of statements is
 * much cheaper than one per statement (the parser's per-call setup dominates short statements).
 * When a run does not parse, the error's position names the bad statement: the statements before it
 * are parsed as one run, the bad one is left to the per-statement pass (which keeps its message), and
 * the rest goes on as a run. So one unparseable statement (LOCK TABLE, VACUUM …) in a migration of
 * 200,000 costs one more parse, not 200,000 small ones.
 */
function parseRuns(run: StatementRun): Map<string, unknown> {
  const { text, statements, dialect } = run;
  const byRange = new Map<string, unknown>();
  let from = 0;
  let end = statements.length;
  while (from < statements.length) {
    const start = (statements[from] as SplitStatement).range.start;
    const stop = end < statements.length ? (statements[end] as SplitStatement).range.start : run.limit;
    const chunk = text.slice(start, stop);
    try {
      const program = parse(chunk, { dialect, includeRange: true, includeComments: false });
      shiftRanges(program, start);
      for (const statement of program.statements) {
        if (statement.type !== "empty" && statement.range)
          byRange.set(`${statement.range[0]}:${statement.range[1]}`, statement);
      }
      from = end + 1; // the statement at `end` (if any) failed before: the per-statement pass reads it
      end = statements.length;
    } catch (error) {
      const offset = errorOffset(error, chunk);
      const failing = offset === null ? -1 : statementAt(statements, start + offset);
      // No position (a stack overflow, say) or one outside this run: the rest goes statement by statement.
      if (failing < from || failing >= end) break;
      if (failing === from) {
        from++;
        end = statements.length;
      } else end = failing;
    }
  }
  return byRange;
}

/** Statements of the splitter to parse, in `text`, none of them reaching past `limit`. */
interface StatementRun {
  text: string;
  statements: readonly SplitStatement[];
  dialect: SqlDialect;
  limit: number;
}

/**
 * The statements a goose block that does not parse as a whole holds, each on its own: one statement
 * the parser lacks must not leave the rest of a 2,000-line block unjudged, and a known gap is
 * recognised only on the statement that has it. Null when the block is a single statement.
 */
function blockStatements(text: string, range: { start: number; end: number }, dialect: SqlDialect) {
  const inner = splitSql(text.slice(range.start, range.end), dialect).statements;
  if (inner.length < 2) return null;
  const statements = inner.map((statement) => ({
    text: statement.text,
    range: { start: statement.range.start + range.start, end: statement.range.end + range.start },
  }));
  return { text, statements, dialect, limit: range.end };
}

function parseStatements(run: StatementRun): SqlStatement[] {
  const { text, dialect } = run;
  const whole = parseRuns(run);
  return run.statements.flatMap(({ text: body, range }): SqlStatement[] => {
    const kind = classifyStatement(body);
    const parsed = whole.get(`${range.start}:${range.end}`);
    // A statement the whole-file parse saw with the splitter's exact range needs no second parse.
    if (parsed !== undefined) return [{ text: body, range, kind, cst: parsed, parseError: null }];
    const { cst, parseError, parts, errorAt } = parseStatement(body, range.start, dialect);
    if (parts !== undefined) {
      return parts.map((part) => {
        const partText = text.slice(part.range[0], part.range[1]);
        const partRange = { start: part.range[0], end: part.range[1] };
        return {
          text: partText,
          range: partRange,
          kind: classifyStatement(partText),
          cst: part.cst,
          parseError: null,
        };
      });
    }
    if (parseError !== null) {
      const block = blockStatements(text, range, dialect);
      if (block !== null) return parseStatements(block);
    }
    const gap = parseError !== null && isKnownParserGap({ dialect, kind, text: body, message: parseError });
    if (parseError === null || gap) return [{ text: body, range, kind, cst, parseError: null }];
    const at = errorAt === undefined || errorAt === null ? {} : { parseErrorOffset: range.start + errorAt };
    return [{ text: body, range, kind, cst, parseError, ...at }];
  });
}

export function parseSql(text: string, dialect: SqlDialect): SqlSource {
  const { statements, comments } = splitSql(text, dialect);
  if (dialect === "postgresql") return { dialect, comments, statements: parsePostgresStatements(text, statements) };
  return { dialect, comments, statements: parseStatements({ text, statements, dialect, limit: text.length }) };
}

/**
 * The source of SQL read at `offset` in its file, with every range moved there: statements,
 * comments, error positions, and sql-parser-cst's node ranges (libpg-query's positions count from
 * each statement's own text, so they stay).
 */
function atOffset(source: SqlSource, offset: number): SqlSource {
  if (offset === 0) return source;
  const move = (range: { start: number; end: number }) => ({ start: range.start + offset, end: range.end + offset });
  if (source.dialect !== "postgresql")
    shiftRanges(
      source.statements.map((statement) => statement.cst),
      offset,
    );
  return {
    ...source,
    comments: source.comments.map((comment) => ({ ...comment, range: move(comment.range) })),
    statements: source.statements.map((statement) => ({
      ...statement,
      range: move(statement.range),
      ...(statement.parseErrorOffset === undefined ? {} : { parseErrorOffset: statement.parseErrorOffset + offset }),
    })),
  };
}

/**
 * A SQL file as the engine reads it: left alone (`unchecked`) when written for a dialect no parser
 * here reads, else parsed in the configured dialect, or the one its folders name, or PostgreSQL.
 * `offset` is where the text starts in its file (SQL inside a script's literal): the ranges count
 * from the file's start, as if the text stood there alone. Padding the text to its offset instead
 * made the lexer read logto's 1.5 MB of spaces before its 0.4 MB of alterations.
 */
export function readSqlFile(options: { text: string; path: string; configured?: string; offset?: number }): SqlSource {
  const unchecked = uncheckedDialectOf(options);
  if (unchecked !== null) return { dialect: "postgresql", statements: [], comments: [], unchecked };
  return atOffset(parseSql(options.text, resolveSqlDialect(options.path, options.configured)), options.offset ?? 0);
}
