// Where the comments of a file are, as offsets: a suppression directive counts only at the start
// of a real comment of the file's language, never in a string, a template literal or a value.

export interface CommentRange {
  start: number;
  end: number;
}

/**
 * The end of a `//` or `/* *\/` comment starting at `start` (JSON with comments and scripts share
 * the syntax), or -1 when no comment starts there. An unclosed block runs to the end of the text.
 */
export function slashCommentEnd(text: string, start: number): number {
  if (text[start] !== "/") return -1;
  if (text[start + 1] === "/") {
    const newline = text.indexOf("\n", start);
    return newline === -1 ? text.length : newline;
  }
  if (text[start + 1] === "*") {
    const close = text.indexOf("*/", start + 2);
    return close === -1 ? text.length : close + 2;
  }
  return -1;
}
