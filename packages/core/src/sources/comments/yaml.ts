// Comments of a YAML file, from yaml's own lexer: a `#` inside a quoted or block scalar is text.
import { Lexer } from "yaml";
import type { CommentRange } from "./types.js";

// The lexer's control tokens (document start, flow end, scalar start) stand for no source text.
const CONTROL = new Set(["\u0002", "\u0018", "\u001f"]);

/**
 * The comment tokens with their offsets. The lexer's other tokens are the source text itself, so
 * their lengths add up to each offset; if they ever do not, no comment is returned, which makes
 * every directive of the file count for nothing (a suppression must never hide more than it says).
 */
export function yamlComments(text: string): CommentRange[] {
  const comments: CommentRange[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (CONTROL.has(token)) continue;
    if (token.startsWith("#") && text.startsWith(token, offset)) {
      comments.push({ start: offset, end: offset + token.length });
    }
    offset += token.length;
  }
  return offset === text.length ? comments : [];
}
