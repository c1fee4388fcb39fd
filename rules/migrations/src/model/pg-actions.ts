// Cuts the actions of a PostgreSQL ALTER TABLE out of its text. libpg-query gives each action as a
// node but not where it is written, so the text is cut with PostgreSQL's own lexer (strings, dollar
// quotes, comments and nested parentheses never split an action) and checked against the tree.
import { byteToIndex, type PgToken, scanPostgres } from "@deploylint/core/rule-api";
import { plainTokens } from "./pg-plain-tokens.js";

/** Index of the first token after the (possibly schema-qualified) name starting at token `at`. */
function afterName(tokens: readonly PgToken[], at: number): number {
  let i = at + 1;
  while (tokens[i]?.text === "." && tokens[i + 1] !== undefined) i += 2;
  return i;
}

/**
 * The texts of the `expected` actions after the table name at byte `relationLocation`, or null when
 * the text does not cut into that many (the caller then reads the statement as text).
 */
export function pgActionTexts(statement: string, relationLocation: number, expected: number): string[] | null {
  // Most ALTER TABLEs are plain text (no dollar quotes, escapes or block comments): read in
  // JavaScript, bounded as the server's lexer bounds them; the rest asks that lexer.
  const tokens = (plainTokens(statement) ?? scanPostgres(statement)).filter((token) => !token.comment);
  const nameStart = byteToIndex(statement)(relationLocation);
  const at = tokens.findIndex((token) => token.start >= nameStart);
  if (at === -1) return null;
  const pieces: PgToken[][] = [[]];
  let depth = 0;
  for (const token of tokens.slice(afterName(tokens, at))) {
    if (token.text === "(" || token.text === "[") depth++;
    else if (token.text === ")" || token.text === "]") depth--;
    if (depth === 0 && token.text === ";") break;
    if (depth === 0 && token.text === ",") pieces.push([]);
    else pieces.at(-1)?.push(token);
  }
  if (pieces.length !== expected || pieces.some((piece) => piece.length === 0)) return null;
  return pieces.map((piece) => statement.slice(piece[0]?.start ?? 0, piece.at(-1)?.end ?? 0));
}
