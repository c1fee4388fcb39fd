// Comments of a JSON-with-comments file (tsconfig.json, *.jsonc): `//` and `/* */` outside strings.
import type { CommentRange } from "./types.js";

export function jsonComments(text: string): CommentRange[] {
  const comments: CommentRange[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
      i++;
    } else if (ch === "/" && text[i + 1] === "/") {
      const nl = text.indexOf("\n", i);
      const end = nl === -1 ? text.length : nl;
      comments.push({ start: i, end });
      i = end;
    } else if (ch === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      const end = close === -1 ? text.length : close + 2;
      comments.push({ start: i, end });
      i = end;
    } else i++;
  }
  return comments;
}
