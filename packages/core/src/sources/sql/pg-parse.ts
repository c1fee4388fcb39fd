// PostgreSQL statements parsed by PostgreSQL's grammar: what it accepts is valid, what it rejects is
// a real syntax error with the server's own message and the position of the offending token.
import type { PgRawStmt, SqlStatement } from "../../rule-api/types.js";
import { classifyStatement } from "./classify.js";
import { byteToIndex, parsePostgres } from "./pg-parser.js";
import { type SplitStatement, splitSql } from "./split.js";

// Leading space and comments of a statement libpg-query cut out of a longer text.
const LEADING = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;
// The `;` that ended it (libpg-query's length stops before it, except for the last statement).
const TRAILING = /(?:\s|;)+$/;

/** A psql meta-command (`\connect db`, `\set x 1`): psql's, not the server's, so not SQL to parse. */
export const isPsqlCommand = (text: string): boolean => text.startsWith("\\");

function statementOf(text: string, range: { start: number; end: number }, cst: PgRawStmt | null): SqlStatement {
  const body = text.slice(range.start, range.end);
  return { text: body, range, kind: classifyStatement(body), cst, parseError: null };
}

/**
 * The statements of a parse of several (a goose `StatementBegin … StatementEnd` block holds many for
 * the database), each cut at PostgreSQL's own statement boundaries.
 */
function parts(text: string, block: SplitStatement, stmts: PgRawStmt[]): SqlStatement[] {
  const toIndex = byteToIndex(block.text);
  return stmts.flatMap((stmt) => {
    const from = toIndex(stmt.stmt_location ?? 0);
    const to =
      stmt.stmt_len === undefined || stmt.stmt_len === 0
        ? block.text.length
        : toIndex((stmt.stmt_location ?? 0) + stmt.stmt_len);
    const raw = block.text.slice(from, to);
    const lead = LEADING.exec(raw)?.[0].length ?? 0;
    const body = raw.slice(lead).replace(TRAILING, "");
    if (body === "") return [];
    const start = block.range.start + from + lead;
    // The tree's locations must count from the statement's own text: a part cut from a longer text
    // is parsed again on its own.
    const own = start === block.range.start ? stmt : ownTree(body, stmt);
    return [statementOf(text, { start, end: start + body.length }, own)];
  });
}

function ownTree(body: string, fallback: PgRawStmt): PgRawStmt {
  const alone = parsePostgres(body);
  return alone.ok && alone.statements.length === 1 ? (alone.statements[0] ?? fallback) : fallback;
}

function parseOne(text: string, statement: SplitStatement): SqlStatement[] {
  const { text: body, range } = statement;
  if (isPsqlCommand(body)) return [{ text: body, range, kind: "psql_command", cst: null, parseError: null }];
  const outcome = parsePostgres(body);
  if (outcome.ok) {
    // Cut at PostgreSQL's own boundaries even for one statement: a goose block keeps its final `;`.
    const found = parts(text, statement, outcome.statements);
    return found.length > 0 ? found : [statementOf(text, range, null)];
  }
  // A goose block with one bad statement: the others are still judged, and the error sits on the bad one.
  const inner = splitSql(body, "postgresql").statements;
  if (inner.length > 1) {
    return inner.flatMap((part) =>
      parseOne(text, {
        text: part.text,
        range: { start: part.range.start + range.start, end: part.range.end + range.start },
      }),
    );
  }
  return [
    {
      text: body,
      range,
      kind: classifyStatement(body),
      cst: null,
      parseError: outcome.message,
      parseErrorOffset: range.start + Math.min(outcome.offset, body.length),
    },
  ];
}

/** Parses the splitter's statements of a PostgreSQL file. */
export function parsePostgresStatements(text: string, statements: readonly SplitStatement[]): SqlStatement[] {
  return statements.flatMap((statement) => parseOne(text, statement));
}
