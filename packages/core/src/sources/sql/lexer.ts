// A small SQL lexer: just enough to tell strings, quoted identifiers, dollar quotes and comments
// from code, so that a `;` inside any of them never splits a statement.
import type { SqlDialect } from "../../rule-api/types.js";

export type SqlTokenType = "space" | "comment" | "string" | "quoted" | "word" | "punct";

export interface SqlToken {
  type: SqlTokenType;
  start: number;
  end: number;
}

export interface ScanOptions {
  text: string;
  dialect: SqlDialect;
  /** A custom statement delimiter (MySQL `DELIMITER`); a word stops where it begins. */
  delimiter?: string;
}

const isMysql = (dialect: SqlDialect): boolean => dialect === "mysql" || dialect === "mariadb";

/** The characters the lexer reads as space. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xfeff;
}

/** Identifier characters: ASCII letters, digits, `_`, `$`, and anything non-ASCII. */
export function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36 ||
    code > 127
  );
}

function isTagStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code > 127;
}

/** End of a quoted run opened at `start` by `quote`; a doubled quote escapes, and so does `\` when allowed. */
export function scanQuoted(text: string, start: number, quote: string, backslash: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (backslash && ch === "\\") {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return text.length;
}

/** `$tag$` opening at `start`, or null when the `$` does not open a dollar quote. */
function dollarTag(text: string, start: number): string | null {
  let i = start + 1;
  if (text.charCodeAt(i) === 36) return "$$";
  if (!isTagStart(text.charCodeAt(i))) return null;
  while (i < text.length && isWordChar(text.charCodeAt(i)) && text.charCodeAt(i) !== 36) i++;
  return text.charCodeAt(i) === 36 ? text.slice(start, i + 1) : null;
}

function scanBlockComment(text: string, start: number, nested: boolean): number {
  let depth = 1;
  let i = start + 2;
  while (i < text.length) {
    if (text.startsWith("*/", i)) {
      depth--;
      i += 2;
      if (depth === 0 || !nested) return i;
    } else if (nested && text.startsWith("/*", i)) {
      depth++;
      i += 2;
    } else {
      i++;
    }
  }
  return text.length;
}

function lineEnd(text: string, start: number): number {
  const nl = text.indexOf("\n", start);
  return nl === -1 ? text.length : nl;
}

function scanWord(options: ScanOptions, start: number): number {
  const { text, delimiter } = options;
  const custom = delimiter !== undefined && delimiter !== ";" ? delimiter : undefined;
  let i = start + 1;
  while (i < text.length && isWordChar(text.charCodeAt(i))) {
    if (custom !== undefined && text.startsWith(custom, i)) break;
    i++;
  }
  return i;
}

/** The token that starts at `start` (never empty; an unterminated quote or comment runs to the end). */
export function scanToken(options: ScanOptions, start: number): SqlToken {
  const { text, dialect } = options;
  const code = text.charCodeAt(start);
  const ch = text[start];
  const token = (type: SqlTokenType, end: number): SqlToken => ({ type, start, end });

  if (isSpace(code)) {
    let i = start + 1;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    return token("space", i);
  }
  if (ch === "-" && text[start + 1] === "-") return token("comment", lineEnd(text, start));
  if (ch === "#" && isMysql(dialect)) return token("comment", lineEnd(text, start));
  if (ch === "/" && text[start + 1] === "*") {
    return token("comment", scanBlockComment(text, start, dialect === "postgresql"));
  }
  if (ch === "'") return token("string", scanQuoted(text, start, "'", isMysql(dialect)));
  if (ch === '"') {
    // MySQL reads "…" as a string (ANSI_QUOTES off), with backslash escapes.
    return isMysql(dialect)
      ? token("string", scanQuoted(text, start, '"', true))
      : token("quoted", scanQuoted(text, start, '"', false));
  }
  if (ch === "`" && dialect !== "postgresql") return token("quoted", scanQuoted(text, start, "`", false));
  if (ch === "[" && dialect === "sqlite") {
    const close = text.indexOf("]", start + 1);
    return token("quoted", close === -1 ? text.length : close + 1);
  }
  if (ch === "$" && dialect === "postgresql") {
    const tag = dollarTag(text, start);
    if (tag !== null) {
      const close = text.indexOf(tag, start + tag.length);
      return token("string", close === -1 ? text.length : close + tag.length);
    }
  }
  if (isWordChar(code)) {
    // PostgreSQL E'…' strings take backslash escapes.
    if ((ch === "E" || ch === "e") && text[start + 1] === "'" && dialect === "postgresql") {
      return token("string", scanQuoted(text, start + 1, "'", true));
    }
    return token("word", scanWord(options, start));
  }
  return token("punct", start + 1);
}
