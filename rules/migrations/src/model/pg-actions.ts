// Cuts the actions of a PostgreSQL ALTER TABLE out of its text. libpg-query gives each action as a
// node but not where it is written, so the text is cut with PostgreSQL's own lexer (strings, dollar
// quotes, comments and nested parentheses never split an action) and checked against the tree.
import { byteToIndex, scanPostgres } from "@deploylint/core/rule-api";
import { visitPlainTokens } from "./pg-plain-tokens.js";

const DOT = 46;
const SEMICOLON = 59;
const COMMA = 44;

/**
 * Reads the tokens of an ALTER TABLE one at a time (comments left out) and keeps only where each
 * action starts and ends: a token object per word of every ALTER TABLE, made and then thrown away,
 * was most of cutting a history's ALTER TABLEs.
 */
class ActionCutter {
  /** Before the name, just after a part of it, after a `.` that may join another part, in the actions, past a top-level `;`. */
  private state: "before" | "name" | "dot" | "actions" | "done" = "before";
  private dot = { start: 0, end: 0 };
  private depth = 0;
  /** [start, end] of each action cut so far, or null for an empty one. */
  private readonly pieces: ([number, number] | null)[] = [];
  private pieceStart = -1;
  private pieceEnd = -1;

  constructor(
    private readonly text: string,
    private readonly nameStart: number,
  ) {}

  token(start: number, end: number): void {
    switch (this.state) {
      case "before":
        if (start >= this.nameStart) this.state = "name";
        return;
      case "name":
        if (this.isChar(start, end, DOT)) {
          this.state = "dot";
          this.dot = { start, end };
          return;
        }
        this.state = "actions";
        this.action(start, end);
        return;
      case "dot":
        this.state = "name"; // the part of the name after the `.`, whatever it is
        return;
      case "actions":
        this.action(start, end);
        return;
      case "done":
        return;
    }
  }

  /** The texts of the actions, or null when they are not `expected` many, one of them is empty, or no name was found. */
  finish(expected: number): string[] | null {
    if (this.state === "before") return null;
    // A `.` with nothing after it is not part of the name.
    if (this.state === "dot") this.action(this.dot.start, this.dot.end);
    const pieces = [...this.pieces, this.current()];
    if (pieces.length !== expected) return null;
    const texts: string[] = [];
    for (const piece of pieces) {
      if (piece === null) return null;
      texts.push(this.text.slice(piece[0], piece[1]));
    }
    return texts;
  }

  private action(start: number, end: number): void {
    const single = end - start === 1 ? this.text.charCodeAt(start) : -1;
    if (single === 40 /* ( */ || single === 91 /* [ */) this.depth++;
    else if (single === 41 /* ) */ || single === 93 /* ] */) this.depth--;
    if (this.depth === 0 && single === SEMICOLON) {
      this.state = "done";
      return;
    }
    if (this.depth === 0 && single === COMMA) {
      this.pieces.push(this.current());
      this.pieceStart = -1;
      return;
    }
    if (this.pieceStart === -1) this.pieceStart = start;
    this.pieceEnd = end;
  }

  private current(): [number, number] | null {
    return this.pieceStart === -1 ? null : [this.pieceStart, this.pieceEnd];
  }

  private isChar(start: number, end: number, code: number): boolean {
    return end - start === 1 && this.text.charCodeAt(start) === code;
  }
}

/**
 * The texts of the `expected` actions after the table name at byte `relationLocation`, or null when
 * the text does not cut into that many (the caller then reads the statement as text).
 */
export function pgActionTexts(statement: string, relationLocation: number, expected: number): string[] | null {
  const nameStart = byteToIndex(statement)(relationLocation);
  // Most ALTER TABLEs are plain text (no dollar quotes, escapes or block comments): read in
  // JavaScript, bounded as the server's lexer bounds them; the rest asks that lexer.
  const plain = new ActionCutter(statement, nameStart);
  if (visitPlainTokens(statement, (start, end, comment) => comment || plain.token(start, end))) {
    return plain.finish(expected);
  }
  const lexed = new ActionCutter(statement, nameStart);
  for (const token of scanPostgres(statement)) if (!token.comment) lexed.token(token.start, token.end);
  return lexed.finish(expected);
}
