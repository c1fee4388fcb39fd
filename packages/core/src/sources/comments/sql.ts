// Comments of a SQL file, from the same lexer that splits statements: strings, quoted identifiers
// and dollar quotes are skipped, so `-- x` inside them is not a comment.
import type { SqlDialect } from "../../rule-api/types.js";
import { scanToken } from "../sql/lexer.js";
import type { CommentRange } from "./types.js";

export function sqlComments(text: string, dialect: SqlDialect): CommentRange[] {
  const comments: CommentRange[] = [];
  const options = { text, dialect };
  let i = 0;
  while (i < text.length) {
    const token = scanToken(options, i);
    if (token.type === "comment") comments.push({ start: token.start, end: token.end });
    i = token.end;
  }
  return comments;
}
