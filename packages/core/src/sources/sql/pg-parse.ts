// PostgreSQL statements parsed by PostgreSQL's grammar: what it accepts is valid, what it rejects is
// a real syntax error with the server's own message and the position of the offending token.
import type { PgRawStmt, SqlStatement } from "../../rule-api/types.js";
import { classifyStatement } from "./classify.js";
import { byteToIndex, parsePostgres } from "./pg-parser.js";
import { type SplitStatement, splitSql } from "./split.js";

// Leading space and comments of a statement libpg-query cut out of a longer text.
const LEADING = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;

const SPACE = /\s/;

/**
 * Where `text` ends without the spaces and `;` after its statement (libpg-query's length stops
 * before the `;`, except for the last statement). A loop from the end: the regular expression
 * `(?:\s|;)+$` retried at every run of spaces inside a long statement.
 */
function trailingStart(text: string): number {
  let end = text.length;
  while (end > 0) {
    const ch = text[end - 1] as string;
    if (ch !== ";" && !SPACE.test(ch)) break;
    end--;
  }
  return end;
}

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
    const body = raw.slice(lead, Math.max(lead, trailingStart(raw)));
    if (body === "") return [];
    const start = block.range.start + from + lead;
    // The tree's locations must count from the statement's own text.
    const own = start === block.range.start ? stmt : ownTree(stmt, utf8Length(block.text.slice(0, from + lead)));
    return [statementOf(text, { start, end: start + body.length }, own)];
  });
}

// libpg-query's position fields (PostgreSQL's ParseLoc): UTF-8 byte offsets into the parsed text,
// -1 when unknown. stmt_len is a length, not a position.
const POSITIONS: ReadonlySet<string> = new Set([
  "location",
  "name_location",
  "list_start",
  "list_end",
  "rexpr_list_start",
  "rexpr_list_end",
  "stmt_location",
]);

const utf8Length = (text: string): number => Buffer.byteLength(text, "utf8");

/**
 * Moves every known position of a tree back by `bytes`, in place (the tree is this parse's own); one
 * that becomes 0 is left out, as in libpg-query's JSON.
 */
function shiftPositions(node: unknown, bytes: number): void {
  if (Array.isArray(node)) {
    for (const item of node) shiftPositions(item, bytes);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const record = node as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (POSITIONS.has(key) && typeof value === "number" && value >= 0) {
      if (value === bytes) delete record[key];
      else record[key] = value - bytes;
    } else if (typeof value === "object" && value !== null) shiftPositions(value, bytes);
  }
}

/**
 * The tree a parse of the statement alone gives, from the one its block's parse gave (cut at byte
 * `offset` of the block): its positions moved back, and no stmt_location / stmt_len (the one
 * statement of its text starts at 0 and runs to the end). A second parse of each part cost hatchet's
 * goose history a fifth of its parsing; the corpora's 560 parts came out identical either way.
 */
function ownTree(stmt: PgRawStmt, offset: number): PgRawStmt {
  const { stmt_location: _location, stmt_len: _length, ...rest } = stmt;
  shiftPositions(rest, offset);
  return rest as PgRawStmt;
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
