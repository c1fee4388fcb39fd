// The dotenv source kind: entries with key/value positions and their comments, and a kind for
// every physical line. We wrote our own parser because dotenv.parse drops comments and positions;
// the tests check that it loads the same values as dotenv.parse, odd corners included.
import type { DotenvEntry, DotenvLine, DotenvLineKind, DotenvSource, OffsetRange } from "../rule-api/types.js";
import { type ScannedEntry, scanDotenv } from "./dotenv/scan.js";
import { loadedValue } from "./dotenv/value.js";

/** Parses a dotenv file; never throws (a line dotenv would skip becomes an "invalid" line). */
export function parseDotenv(text: string): DotenvSource {
  const normal = normaliseLineBreaks(text);
  const physical = splitPhysicalLines(text);
  const kinds: (DotenvLineKind | null)[] = physical.texts.map(() => null);
  const lineOf = (offset: number): number => lineAt(physical.starts, offset);
  const entries: DotenvEntry[] = [];
  const firstLines: number[] = [];

  for (const scanned of scanDotenv(normal.text)) {
    const entry = toEntry(scanned, { text, toOriginal: normal.toOriginal, lineOf });
    entries.push(entry);
    const first = lineOf(normal.toOriginal(scanned.start));
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

interface EntryContext {
  text: string;
  toOriginal: (offset: number) => number;
  lineOf: (offset: number) => number;
}

function toEntry(scanned: ScannedEntry, context: EntryContext): DotenvEntry {
  const { toOriginal, lineOf } = context;
  const keyStart = toOriginal(scanned.keyStart);
  const keyRange = { start: keyStart, end: keyStart + scanned.key.length };
  const raw = scanned.value?.text ?? "";
  const trimmed = raw.trim();
  const valueStart = scanned.value && trimmed ? scanned.value.start + (raw.length - raw.trimStart().length) : null;
  const valueRange: OffsetRange =
    valueStart === null
      ? { start: toOriginal(scanned.separatorEnd), end: toOriginal(scanned.separatorEnd) }
      : { start: toOriginal(valueStart), end: toOriginal(valueStart + trimmed.length) };
  const { value, quote } = loadedValue(trimmed);
  const { comment } = scanned;
  const commentOnValueLine =
    comment !== null && lineOf(toOriginal(comment.start)) === lineOf(Math.max(valueRange.end - 1, 0));
  return {
    key: scanned.key,
    value,
    rawValue: context.text.slice(valueRange.start, valueRange.end),
    quote,
    exported: scanned.exported,
    line: lineOf(keyStart),
    keyRange,
    valueRange,
    comments: [],
    inlineComment: commentOnValueLine && comment ? stripCommentMarker(comment.text) : null,
  };
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
