// Comments of a JSON-with-comments file (tsconfig.json, *.jsonc): `//` and `/* */` outside strings.
import { type CommentRange, slashCommentEnd } from "./types.js";

export function jsonComments(text: string): CommentRange[] {
  const comments: CommentRange[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
      i++;
    } else {
      const end = slashCommentEnd(text, i);
      if (end === -1) i++;
      else {
        comments.push({ start: i, end });
        i = end;
      }
    }
  }
  return comments;
}
