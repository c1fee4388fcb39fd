// Reading a script's text a token at a time, backwards from a position: what the prefilter needs
// to tell, without a syntax tree, what stands before a word or a string.

export const IDENTIFIER_CHAR = /[\w$]/;
const SPACE = /\s/;
const LINE_COMMENT = /(?:^|\s)\/\//;

/** What stands before `index` in an expression: an identifier, or UNKNOWN for `)` or a comment. */
export const UNKNOWN = Symbol("unknown");

/** The last character before `index` that is not whitespace; -1 at the start of the text. */
export function previousToken(text: string, index: number): number {
  let at = index - 1;
  while (at >= 0 && SPACE.test(text[at] ?? "")) at--;
  return at;
}

/**
 * Whether what stands before `index` may be hidden by a comment: a block comment's end, or a
 * line above that holds "//" (`config // note` then `.PORT` on the next line).
 */
export function commentBefore(text: string, index: number): boolean {
  const at = previousToken(text, index);
  if (text[at] === "/" && text[at - 1] === "*") return true;
  const lineStart = text.lastIndexOf("\n", at) + 1;
  return text.lastIndexOf("\n", index - 1) >= lineStart && text.slice(lineStart, at + 1).includes("//");
}

/**
 * The object of the member whose dot is at `dot`: `config` in `config.PORT`, `config?.PORT`,
 * `config!.PORT`; UNKNOWN when it is written in parentheses (`(config as Env).PORT`) or a comment
 * may sit between, so it cannot be told from the text; null when it is no identifier.
 */
export function objectBefore(text: string, dot: number): string | typeof UNKNOWN | null {
  const from = text[dot - 1] === "?" ? dot - 1 : dot;
  if (commentBefore(text, from)) return UNKNOWN;
  let at = previousToken(text, from);
  if (text[at] === "!") {
    if (commentBefore(text, at)) return UNKNOWN;
    at = previousToken(text, at);
  }
  const last = text[at] ?? "";
  if (last === ")") return UNKNOWN;
  let start = at;
  while (start > 0 && IDENTIFIER_CHAR.test(text[start - 1] ?? "")) start--;
  return start <= at && IDENTIFIER_CHAR.test(last) ? text.slice(start, at + 1) : null;
}

/** Whether `start` is inside a comment, as far as its line tells: after `//`, or on a block comment's line. */
export function inComment(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const line = text.slice(lineStart, start);
  const comment = LINE_COMMENT.exec(line);
  // A quote before the `//` may open a string that holds it ("http://…"): then it cannot be told.
  if (comment && !/["'`]/.test(line.slice(0, comment.index))) return true;
  const first = line.trimStart();
  if (!(first.startsWith("*") || first.startsWith("/*"))) return false;
  return text.lastIndexOf("/*", start) > text.lastIndexOf("*/", start);
}
