// The dotenv source kind: entries with key/value positions and their comments, and a kind for
// every physical line. Our own parser because dotenv.parse drops comments and positions.
import type { DotenvEntry, DotenvLine, DotenvLineKind, DotenvSource, OffsetRange } from "../rule-api/types.js";

/**
 * dotenv v17's own line grammar (lib/main.js, BSD-2-Clause), with capturing groups added for the
 * `export` keyword, the separator and the trailing comment. Capturing does not change what matches,
 * so values agree with dotenv.parse by construction, including its odd corners (`KEY: value`,
 * a quoted value on the line after `KEY=`, an unclosed quote read as a literal). Sticky instead of
 * global: the loop below picks the line starts itself.
 */
const ENTRY =
  /(?:^|^)\s*(?:(export)\s+)?([\w.-]+)(\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(#.*)?(?:$|$)/dmy;
const SURROUNDING_QUOTES = /^(['"`])([\s\S]*)\1$/gm;
/** Whether the whole trimmed value is quoted (then dotenv strips that quote pair). */
const QUOTED = /^(['"`])[\s\S]*\1$/;
/** Line terminators of a JavaScript regular expression in multiline mode, once `\r` is gone. */
const REGEX_LINE_BREAK = /[\n\u2028\u2029]/;
const WHITESPACE = /\s/;

interface Match {
  exported: boolean;
  key: string;
  /** Offsets into the normalised text. */
  start: number;
  keyStart: number;
  separatorEnd: number;
  group: { text: string; start: number } | null;
  comment: { text: string; start: number } | null;
}

/** Parses a dotenv file; never throws (a line dotenv would skip becomes an "invalid" line). */
export function parseDotenv(text: string): DotenvSource {
  const normal = normaliseLineBreaks(text);
  const physical = splitPhysicalLines(text);
  const kinds: (DotenvLineKind | null)[] = physical.texts.map(() => null);
  const lineOf = (offset: number): number => lineAt(physical.starts, offset);
  const entries: DotenvEntry[] = [];
  const firstLines: number[] = [];

  for (const match of scanEntries(normal.text)) {
    const entry = toEntry(match, { text, toOriginal: normal.toOriginal, lineOf });
    entries.push(entry);
    const first = lineOf(normal.toOriginal(match.start + leadingWhitespace(normal.text, match.start)));
    const last = lineOf(entry.valueRange.end - 1);
    firstLines.push(first);
    for (let line = first; line <= last; line++) {
      if (kinds[line - 1] === null) kinds[line - 1] = line === entry.line ? "entry" : "continuation";
    }
  }

  const lines: DotenvLine[] = physical.texts.map((lineText, index) => ({
    line: index + 1,
    kind: kinds[index] ?? classifyFreeLine(lineText),
    text: lineText,
  }));
  entries.forEach((entry, index) => {
    entry.comments = commentsAbove(lines, firstLines[index] ?? entry.line);
  });
  return { entries, lines };
}

/** dotenv reads `\r\n` and a lone `\r` as `\n`; this keeps the way back to original offsets. */
function normaliseLineBreaks(text: string): { text: string; toOriginal: (offset: number) => number } {
  // Offsets (in the normalised text) just after each `\n` that stands for a removed `\r\n`.
  const shifts: number[] = [];
  let normalised = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 13) continue;
    normalised += `${text.slice(from, i)}\n`;
    if (text.charCodeAt(i + 1) === 10) {
      i++;
      shifts.push(normalised.length);
    }
    from = i + 1;
  }
  normalised += text.slice(from);
  return { text: normalised, toOriginal: (offset) => offset + countAtOrBelow(shifts, offset) };
}

/** Physical lines as the engine's line index counts them (`\r\n`, `\r`, `\n`); no line after a final break. */
function splitPhysicalLines(text: string): { texts: string[]; starts: number[] } {
  const texts: string[] = [];
  const starts: number[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let found = breaks.exec(text); found !== null; found = breaks.exec(text)) {
    texts.push(text.slice(start, found.index));
    starts.push(start);
    start = found.index + found[0].length;
  }
  if (start < text.length) {
    texts.push(text.slice(start));
    starts.push(start);
  }
  return { texts, starts };
}

/**
 * Finds every match the global regex in dotenv.parse would find, in order. A failed attempt at a
 * line start inside a run of whitespace means every later line start of that run fails too (the
 * earlier attempt's `\s*` covers them), so the run is skipped: dotenv's scan is quadratic there.
 */
function* scanEntries(text: string): Generator<Match> {
  let position = 0;
  while (position < text.length) {
    ENTRY.lastIndex = position;
    const found = ENTRY.exec(text);
    if (found?.indices) {
      yield toMatch(found, found.indices);
      position = nextLineStart(text, ENTRY.lastIndex, true);
      continue;
    }
    let end = position;
    while (end < text.length && WHITESPACE.test(text.charAt(end))) end++;
    position = nextLineStart(text, end, false);
  }
}

/** The first regex line start at or after `from` (`inclusive`) or strictly after `from`. */
function nextLineStart(text: string, from: number, inclusive: boolean): number {
  if (inclusive && (from === 0 || REGEX_LINE_BREAK.test(text.charAt(from - 1)))) return from;
  for (let i = from; i < text.length; i++) {
    if (REGEX_LINE_BREAK.test(text.charAt(i))) return i + 1;
  }
  return text.length;
}

function toMatch(found: RegExpExecArray, indices: RegExpIndicesArray): Match {
  const groupAt = (index: number) => {
    const value = found[index];
    const range = indices[index];
    return value === undefined || range === undefined ? null : { text: value, start: range[0] };
  };
  return {
    exported: found[1] !== undefined,
    key: found[2] ?? "",
    start: found.index,
    keyStart: indices[2]?.[0] ?? found.index,
    separatorEnd: indices[3]?.[1] ?? found.index,
    group: groupAt(4),
    comment: groupAt(5),
  };
}

interface EntryContext {
  text: string;
  toOriginal: (offset: number) => number;
  lineOf: (offset: number) => number;
}

function toEntry(match: Match, context: EntryContext): DotenvEntry {
  const { toOriginal, lineOf } = context;
  const keyStart = toOriginal(match.keyStart);
  const keyRange = { start: keyStart, end: keyStart + match.key.length };
  const raw = match.group?.text ?? "";
  const trimmed = raw.trim();
  const valueStart = match.group && trimmed ? match.group.start + (raw.length - raw.trimStart().length) : null;
  const valueRange: OffsetRange =
    valueStart === null
      ? { start: toOriginal(match.separatorEnd), end: toOriginal(match.separatorEnd) }
      : { start: toOriginal(valueStart), end: toOriginal(valueStart + trimmed.length) };
  const { value, quote } = dotenvValue(trimmed);
  const commentOnValueLine =
    match.comment !== null && lineOf(toOriginal(match.comment.start)) === lineOf(Math.max(valueRange.end - 1, 0));
  return {
    key: match.key,
    value,
    rawValue: context.text.slice(valueRange.start, valueRange.end),
    quote,
    exported: match.exported,
    line: lineOf(keyStart),
    keyRange,
    valueRange,
    comments: [],
    inlineComment: commentOnValueLine && match.comment ? stripCommentMarker(match.comment.text) : null,
  };
}

/** The value exactly as dotenv.parse computes it from the trimmed match. */
function dotenvValue(trimmed: string): { value: string; quote: DotenvEntry["quote"] } {
  const maybeQuote = trimmed.charAt(0);
  let value = trimmed.replace(SURROUNDING_QUOTES, "$2");
  if (maybeQuote === '"') value = value.replace(/\\n/g, "\n").replace(/\\r/g, "\r");
  const quote = QUOTED.test(trimmed) ? (maybeQuote as DotenvEntry["quote"]) : null;
  return { value, quote };
}

function classifyFreeLine(text: string): DotenvLineKind {
  const trimmed = text.trim();
  if (trimmed === "") return "blank";
  return trimmed.startsWith("#") ? "comment" : "invalid";
}

/** The comment block directly above `line` (stopping at a blank or any other line), in file order. */
function commentsAbove(lines: DotenvLine[], line: number): string[] {
  const comments: string[] = [];
  for (let index = line - 2; index >= 0; index--) {
    const above = lines[index];
    if (above?.kind !== "comment") break;
    comments.unshift(stripCommentMarker(above.text.trim()));
  }
  return comments;
}

function stripCommentMarker(comment: string): string {
  const body = comment.startsWith("#") ? comment.slice(1) : comment;
  return (body.startsWith(" ") ? body.slice(1) : body).trimEnd();
}

function leadingWhitespace(text: string, from: number): number {
  let count = 0;
  while (from + count < text.length && WHITESPACE.test(text.charAt(from + count))) count++;
  return count;
}

/** 1-based line containing `offset`, given the sorted start offsets of the lines. */
function lineAt(starts: number[], offset: number): number {
  return Math.max(1, countAtOrBelow(starts, offset));
}

function countAtOrBelow(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
