// Liquibase formatted SQL keeps each changeset's rollback in `--rollback <sql>` comment lines (or a
// `/* liquibase rollback … */` block); this reads them, so each changeset's down can be judged.
import type { OffsetRange, SqlStatement } from "@deploylint/core/rule-api";
import { DYNAMIC } from "./orm/emit.js";
import { kindOfSql } from "./orm/sql-kind.js";
import type { RollbackKind } from "./types.js";

const ROLLBACK_LINE = /^[ \t]*--[ \t]*rollback[ \t]+([^\n]*)$/gim;
const ROLLBACK_BLOCK = /^[ \t]*\/\*[ \t]*liquibase[ \t]*rollback[ \t]*\r?$/gim;
/** `--rollback not required` / `--rollback empty`: the author says there is nothing to undo. */
const NOT_REQUIRED = /^(not\s+required|empty)\b/i;
/** `--rollback changesetId:x changesetAuthor:y`: the rollback of another changeset, run as this one's. */
const OTHER_CHANGESET = /\bchangeset(?:Id|Author):/i;

/** One rollback line's SQL, or the body of a rollback block, with where it is in the file. */
interface RollbackPiece {
  /** The whole line or block: statements of a line point at the line. */
  range: OffsetRange;
  body: string;
  /** Where `body` starts in the file (statements of a block point at themselves). */
  bodyStart: number;
  block: boolean;
}

function pieces(text: string, range: OffsetRange): RollbackPiece[] {
  const section = text.slice(range.start, range.end);
  const found: RollbackPiece[] = [];
  for (const match of section.matchAll(ROLLBACK_LINE)) {
    const start = range.start + match.index;
    const body = match[1] ?? "";
    const end = start + match[0].length;
    found.push({ range: { start, end }, body, bodyStart: end - body.length, block: false });
  }
  for (const match of section.matchAll(ROLLBACK_BLOCK)) {
    const start = range.start + match.index;
    const bodyStart = start + match[0].length;
    const close = text.indexOf("*/", bodyStart);
    const bodyEnd = close === -1 || close > range.end ? range.end : close;
    const end = close === -1 || close > range.end ? range.end : close + 2;
    found.push({ range: { start, end }, body: text.slice(bodyStart, bodyEnd), bodyStart, block: true });
  }
  return found.sort((a, b) => a.range.start - b.range.start);
}

function statement(body: string, range: OffsetRange): SqlStatement {
  const kind = OTHER_CHANGESET.test(body) ? DYNAMIC : kindOfSql(body);
  return { text: body, range, kind, cst: null, parseError: null };
}

/** The rollback statements of the changeset in `range`, at the offsets of their comment lines. */
export function rollbackStatements(text: string, range: OffsetRange): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let pending = "";
  let pendingStart = -1;
  const flush = (end: number) => {
    const body = pending.trim();
    if (body !== "" && !NOT_REQUIRED.test(body)) statements.push(statement(body, { start: pendingStart, end }));
    pending = "";
    pendingStart = -1;
  };
  const found = pieces(text, range);
  for (const piece of found) {
    let at = piece.bodyStart;
    for (const part of piece.body.split(/(;)/)) {
      if (part === ";") {
        flush(piece.block ? at + 1 : piece.range.end);
      } else if (part.trim() !== "") {
        if (pendingStart === -1)
          pendingStart = piece.block ? at + part.length - part.trimStart().length : piece.range.start;
        pending += ` ${part}`;
      }
      at += part.length;
    }
  }
  flush(found[found.length - 1]?.range.end ?? range.end);
  return statements;
}

/** What the changeset in `range` says about its rollback, and where its first rollback line starts. */
export function changesetRollback(text: string, range: OffsetRange): { kind: RollbackKind; start: number | null } {
  const found = pieces(text, range);
  const first = found[0];
  if (first === undefined) return { kind: "missing", start: null };
  const notRequired =
    found.some((piece) => NOT_REQUIRED.test(piece.body.trim())) && rollbackStatements(text, range).length === 0;
  return { kind: notRequired ? "notRequired" : "written", start: first.range.start };
}
