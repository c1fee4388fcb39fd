// The dotenv line grammar as a hand-written scanner: finds each assignment dotenv.parse would load,
// with the offsets that rules need, in text whose `\r\n` and `\r` are already `\n`.
import {
  isKeyChar,
  isLineTerminator,
  isWhitespace,
  lineEnd,
  lineStartAfter,
  lineStartAtOrAfter,
  skipWhitespace,
} from "./chars.js";

interface Span {
  text: string;
  start: number;
}

/** One assignment; offsets are into the scanned text. */
export interface ScannedEntry {
  exported: boolean;
  key: string;
  /** The assignment's first character: `export` or the key. */
  start: number;
  keyStart: number;
  /** Just after the separator: where an absent value sits. */
  separatorEnd: number;
  /** From the separator to the end of the value, untrimmed (dotenv trims it); null when absent. */
  value: Span | null;
  /** The trailing `#` comment, which may sit on a later line than the value. */
  comment: Span | null;
  /** Where the assignment ends and the search for the next one resumes. */
  end: number;
}

interface Tail {
  comment: Span | null;
  end: number;
}

const QUOTES = ["'", '"', "`"] as const;

/**
 * Every assignment in order. An assignment starts at a line start, after any whitespace (blank
 * lines included); when that fails, every other line start inside the same whitespace run fails the
 * same way, so the scan moves past the run at once and stays linear on long runs of blank lines.
 */
export function* scanDotenv(text: string): Generator<ScannedEntry> {
  let position = 0;
  while (position < text.length) {
    const start = skipWhitespace(text, position);
    const entry = readAssignment(text, start);
    if (entry) {
      yield entry;
      position = lineStartAtOrAfter(text, entry.end);
    } else {
      position = lineStartAfter(text, start);
    }
  }
}

/** `export KEY=…` (the whitespace after `export` may include line breaks), else `KEY=…`: `export=1` sets `export`. */
function readAssignment(text: string, start: number): ScannedEntry | null {
  if (text.startsWith("export", start) && isWhitespace(text, start + 6)) {
    const entry = readKeyAndValue(text, { start, keyStart: skipWhitespace(text, start + 6), exported: true });
    if (entry) return entry;
  }
  return readKeyAndValue(text, { start, keyStart: start, exported: false });
}

function readKeyAndValue(
  text: string,
  at: { start: number; keyStart: number; exported: boolean },
): ScannedEntry | null {
  let keyEnd = at.keyStart;
  while (isKeyChar(text, keyEnd)) keyEnd++;
  if (keyEnd === at.keyStart) return null;
  const separatorEnd = readSeparator(text, keyEnd);
  if (separatorEnd === null) return null;
  const { value, tail } = readValue(text, separatorEnd);
  return {
    exported: at.exported,
    key: text.slice(at.keyStart, keyEnd),
    start: at.start,
    keyStart: at.keyStart,
    separatorEnd,
    value,
    comment: tail.comment,
    end: tail.end,
  };
}

/**
 * `=` after optional whitespace (line breaks too: `KEY\n=value` is an assignment), or `:` right
 * after the key followed by one whitespace character (`KEY: value`, but not `KEY:value`).
 */
function readSeparator(text: string, keyEnd: number): number | null {
  if (text.charAt(keyEnd) === ":") return isWhitespace(text, keyEnd + 1) ? keyEnd + 2 : null;
  const equals = skipWhitespace(text, keyEnd);
  return text.charAt(equals) === "=" ? equals + 1 : null;
}

/** A quoted value in each quote style in turn, else an unquoted one, else none. */
function readValue(text: string, from: number): { value: Span | null; tail: Tail } {
  for (const quote of QUOTES) {
    const quoted = readQuoted(text, from, quote);
    if (quoted) return quoted;
  }
  let end = from;
  while (end < text.length && text.charAt(end) !== "#" && text.charAt(end) !== "\n" && text.charAt(end) !== "\r") {
    end++;
  }
  const value = end > from ? { text: text.slice(from, end), start: from } : null;
  // At a `#`, a line break or the end of the text a tail always fits; the fallback is unreachable.
  return { value, tail: readTail(text, end) ?? { comment: null, end } };
}

/**
 * A value in `quote`s, possibly after blank lines and spanning lines. It closes at the first
 * unescaped quote; when nothing but a comment or a line break may follow there, dotenv falls back
 * to closing at an escaped quote (`\'`), the last one first; when no closing works the value is not
 * quoted (`A='abc'def` and an unclosed quote are read as unquoted text).
 */
function readQuoted(text: string, from: number, quote: string): { value: Span; tail: Tail } | null {
  const open = skipWhitespace(text, from);
  if (text.charAt(open) !== quote) return null;
  const escaped: number[] = [];
  let closing = -1;
  for (let index = open + 1; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === "\\" && text.charAt(index + 1) === quote) {
      index++;
      escaped.push(index);
    } else if (char === quote) {
      closing = index;
      break;
    }
  }
  const candidates = escaped.reverse();
  if (closing >= 0) candidates.unshift(closing);
  for (const close of candidates) {
    const tail = readTail(text, close + 1);
    if (tail) return { value: { text: text.slice(from, close + 1), start: from }, tail };
  }
  return null;
}

/**
 * What may follow a value: whitespace, then a `#` comment to the end of its line, or a line break.
 * The whitespace may span lines, so a comment on a later line ends the assignment too (it is no
 * inline comment; the caller checks the line). Null when other text follows on the same line.
 */
function readTail(text: string, from: number): Tail | null {
  const next = skipWhitespace(text, from);
  if (next >= text.length) return { comment: null, end: text.length };
  if (text.charAt(next) === "#") {
    const end = lineEnd(text, next);
    return { comment: { text: text.slice(next, end), start: next }, end };
  }
  for (let index = next - 1; index >= from; index--) {
    if (isLineTerminator(text, index)) return { comment: null, end: index };
  }
  return null;
}
