// Comments of a dotenv file, from our dotenv parser: a comment line, or a `#` comment after a value
// on its line. A `#` inside a quoted (possibly multi-line) value is part of the value.
import type { DotenvSource } from "../../rule-api/types.js";
import type { CommentRange } from "./types.js";

export function dotenvComments(text: string, source: DotenvSource): CommentRange[] {
  const comments: CommentRange[] = [];
  const lineStarts: number[] = [];
  let at = 0;
  for (const line of source.lines) {
    lineStarts.push(at);
    at += line.text.length;
    // The line break after it: \r\n, \r or \n.
    if (text.startsWith("\r\n", at)) at += 2;
    else if (at < text.length) at += 1;
  }
  source.lines.forEach((line, index) => {
    if (line.kind !== "comment") return;
    const start = (lineStarts[index] ?? 0) + line.text.indexOf("#");
    comments.push({ start, end: (lineStarts[index] ?? 0) + line.text.length });
  });
  for (const entry of source.entries) {
    if (entry.inlineComment === null) continue;
    const hash = text.indexOf("#", entry.valueRange.end);
    if (hash === -1) continue;
    const nl = text.slice(hash).search(/\r|\n/);
    comments.push({ start: hash, end: nl === -1 ? text.length : hash + nl });
  }
  return comments.sort((a, b) => a.start - b.start);
}
