// Where the generic layer's words (secret-words.ts) occur in a text, read from the catalogue
// scanner's pass over it (keywordPass): the occurrences a search of the text for the words finds,
// in any ASCII case as the case-insensitive expressions they replace read them.
import { catalogueScanner } from "../detectors/scan.js";
import { CALLEE_WORDS, HINT_WORDS, NAME_WORDS, NEAR_WORDS } from "./secret-words.js";

const NEAR = 1;
const NAME = 2;
const HINT = 4;
const CALLEE = 8;

/** For each keyword of the pass: which word lists hold it, and its length. */
interface WordTable {
  flags: Uint8Array;
  lengths: Int32Array;
  /** `pat`, whose occurrence counts only where no letter (NEAR) or word character (HINT) follows. */
  pat: number;
}

let table: WordTable | undefined;

function wordTable(): WordTable {
  if (table) return table;
  const scanner = catalogueScanner();
  const flags = new Uint8Array(scanner.keywordCount);
  const lengths = new Int32Array(scanner.keywordCount);
  const mark = (words: readonly string[], flag: number) => {
    for (const word of words) {
      const id = scanner.keywordId(word);
      if (id < 0) throw new Error(`The catalogue scanner does not look for "${word}".`);
      flags[id] = (flags[id] ?? 0) | flag;
      lengths[id] = word.length;
    }
  };
  mark(NEAR_WORDS, NEAR);
  mark(NAME_WORDS, NAME);
  mark(HINT_WORDS, HINT);
  mark(CALLEE_WORDS, CALLEE);
  table = { flags, lengths, pat: scanner.keywordId("pat") };
  return table;
}

/** Where each NEAR word of `text` ends, every occurrence, `pat` only when no ASCII letter follows; sorted. */
export function nearWordEnds(text: string): Int32Array {
  const { flags, lengths, pat } = wordTable();
  const { keywords, starts, count } = catalogueScanner().keywordPass(text);
  const ends: number[] = [];
  for (let i = 0; i < count; i++) {
    const keyword = keywords[i] ?? 0;
    if (((flags[keyword] ?? 0) & NEAR) === 0) continue;
    const end = (starts[i] ?? 0) + (lengths[keyword] ?? 0);
    if (keyword === pat && isAsciiLetter(text.charCodeAt(end))) continue;
    ends.push(end);
  }
  return Int32Array.from(ends).sort();
}

/** Whether `text` holds a HINT word (`pat` only as a whole word's end, as `pat\b` reads it). */
export function hasHintWord(text: string): boolean {
  const { flags, lengths, pat } = wordTable();
  const { keywords, starts, count } = catalogueScanner().keywordPass(text);
  for (let i = 0; i < count; i++) {
    const keyword = keywords[i] ?? 0;
    if (((flags[keyword] ?? 0) & HINT) === 0) continue;
    if (keyword !== pat || !isWordCode(text.charCodeAt((starts[i] ?? 0) + (lengths[keyword] ?? 0)))) return true;
  }
  return false;
}

/**
 * The lines of `text` holding a NAME word, in order, as [start, end) pairs one after the other:
 * the line around an occurrence up to its `\n` (a `\r` before it stays in the line).
 */
export function nameWordLines(text: string): number[] {
  const { flags } = wordTable();
  const { keywords, starts, count } = catalogueScanner().keywordPass(text);
  const lines: number[] = [];
  // Occurrences come in order of their end and hold no line break, so their lines never go back.
  let lineEnd = -1;
  for (let i = 0; i < count; i++) {
    const keyword = keywords[i] ?? 0;
    const start = starts[i] ?? 0;
    if (((flags[keyword] ?? 0) & NAME) === 0 || start < lineEnd) continue;
    const newline = text.indexOf("\n", start);
    lineEnd = newline === -1 ? text.length : newline;
    lines.push(text.lastIndexOf("\n", start) + 1, lineEnd);
  }
  return lines;
}

/**
 * Every occurrence of a NAME word in `text`, as parallel arrays of start and end offsets in order of
 * their end: a string holds a name isSecretName can accept only if one lies within it.
 */
export function nameWordHits(text: string): { starts: Int32Array; ends: Int32Array; count: number } {
  const { flags, lengths } = wordTable();
  const { keywords, starts, count } = catalogueScanner().keywordPass(text);
  const found = { starts: new Int32Array(count), ends: new Int32Array(count), count: 0 };
  for (let i = 0; i < count; i++) {
    const keyword = keywords[i] ?? 0;
    if (((flags[keyword] ?? 0) & NAME) === 0) continue;
    const start = starts[i] ?? 0;
    found.starts[found.count] = start;
    found.ends[found.count] = start + (lengths[keyword] ?? 0);
    found.count++;
  }
  return found;
}

/** Where each CALLEE word of `text` starts, every occurrence, in order and once each. */
export function calleeWordStarts(text: string): number[] {
  const { flags } = wordTable();
  const { keywords, starts, count } = catalogueScanner().keywordPass(text);
  const found: number[] = [];
  for (let i = 0; i < count; i++) {
    if (((flags[keywords[i] ?? 0] ?? 0) & CALLEE) !== 0) found.push(starts[i] ?? 0);
  }
  // `connect` ends where `real_connect` does, after it starts: order by start.
  found.sort((a, b) => a - b);
  return found.filter((start, i) => i === 0 || start !== found[i - 1]);
}

function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** A character `\w` matches: ASCII letters, digits and `_`. */
function isWordCode(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}
