// Every `"key": "string"` pair of a JSON (or JSONC) file, with the value's offsets, read by one
// pass over the text. The engine's JSON source already proved the text valid, so a string followed
// by a colon is a key and the token after that colon is its value. A YAML document of the same text
// gives the same pairs, but building it costs a second, much slower parse: a 400 KB data file (a
// map's geometry, a translation catalogue) took more than half a second that way.
import type { Assignment } from "./assignments.js";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const SLASH = 0x2f;
const STAR = 0x2a;
const NEWLINE = 0x0a;

/** `"name": "value"` pairs in text order (duplicate keys included, as JSON.parse reads them all). */
export function jsonAssignments(text: string): Assignment[] {
  const found: Assignment[] = [];
  const pairs = new JsonPairs(text);
  while (pairs.next()) {
    const { keyStart, keyEnd, valueStart, valueEnd } = pairs;
    found.push({
      name: decodeJsonString(text, keyStart, keyEnd),
      value: decodeJsonString(text, valueStart, valueEnd),
      start: valueStart,
      end: valueEnd,
    });
  }
  return found;
}

/**
 * The same pairs as offsets, one at a time, without their strings: a reader that needs few of a
 * file's pairs (the rule's JSON prefilter) decodes only those. Each offset pair spans a string
 * literal, quotes included.
 */
export class JsonPairs {
  keyStart = -1;
  keyEnd = -1;
  valueStart = -1;
  valueEnd = -1;
  private i = 0;
  // The next `/` at or after i (it may open a comment, which can hide a quote), -1 when none is left.
  private slash: number;

  constructor(private readonly text: string) {
    this.slash = text.indexOf("/");
  }

  /** Moves to the next pair; false when there is none. */
  next(): boolean {
    const { text } = this;
    // The key whose value is the next token, while only blanks and comments have come since its colon.
    let keyStart = -1;
    let keyEnd = -1;
    let i = this.i;
    while (i < text.length) {
      if (keyStart < 0) {
        // No key waits for its value, so blanks and other tokens (numbers, brackets, commas: most of
        // a data file) change nothing: go straight to the next string or `/`, by native search
        // rather than a step of this loop for each character.
        if (this.slash !== -1 && this.slash < i) this.slash = text.indexOf("/", i);
        const quote = text.indexOf('"', i);
        const next = quote === -1 ? this.slash : this.slash === -1 ? quote : Math.min(quote, this.slash);
        if (next === -1) break;
        i = next;
      }
      const code = text.charCodeAt(i);
      if (code === QUOTE) {
        const end = stringEnd(text, i);
        const next = skipBlanks(text, end);
        if (text.charCodeAt(next) === COLON) {
          keyStart = i;
          keyEnd = end;
          i = next + 1;
          continue;
        }
        if (keyStart >= 0) {
          this.i = end;
          this.keyStart = keyStart;
          this.keyEnd = keyEnd;
          this.valueStart = i;
          this.valueEnd = end;
          return true;
        }
        i = end;
        continue;
      }
      const blankEnd = skipBlanks(text, i);
      if (blankEnd > i) {
        i = blankEnd;
        continue;
      }
      // Any other token (object, array, number, literal, comma) means the pending key's value is not a string.
      keyStart = -1;
      i++;
    }
    this.i = text.length;
    return false;
  }
}

// Past the closing quote of the string opening at `start` (the text is valid JSON, so there is one):
// the first quote after it that an odd run of backslashes does not escape. Found by native search,
// quote to quote: a step of a loop per character ran unoptimised through most of a run's JSON (a
// run reads each file once, and this function is hot only after a few of them), ~30 ms cold on
// linkwarden's 33 files against ~3 ms once optimised.
function stringEnd(text: string, start: number): number {
  for (let quote = text.indexOf('"', start + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (quote - backslashes - 1 > start && text.charCodeAt(quote - backslashes - 1) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return text.length;
}

// Past whitespace and JSONC comments (a strict JSON file has none, so skipping them changes nothing there).
function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === NEWLINE || code === 0x0d || code === 0xfeff) i++;
    else if (code === SLASH && text.charCodeAt(i + 1) === SLASH) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
    } else if (code === SLASH && text.charCodeAt(i + 1) === STAR) {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? text.length : end + 2;
    } else break;
  }
  return i;
}

/**
 * The value of the string literal at [start, end): a slice when it has no escapes, else JSON's own
 * decoding of exactly that literal (which throws on an escape JSON does not know).
 */
export function decodeJsonString(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  return inner.includes("\\") ? (JSON.parse(text.slice(start, end)) as string) : inner;
}
