// Whether a YAML file is worth parsing for no-generic-secret (the rule's meta.prefilter.yaml). The
// `yaml` library reads ~1.3 MB/s, and most YAML that mentions a secret-like word pairs no
// secret-named key with a credential (an OpenAPI schema's `token:` holds `type: string`). The
// test reads the text as YAML would, line by line, and is a necessary condition of a finding:
// every `key: string` the rule judges is seen with its value, and whatever the text alone cannot
// settle (escapes, block scalars, explicit keys, quotes that go on past the line) keeps the file.
import { isSecretName } from "./secret-names.js";
import { looksLikePasswordValue, looksLikeSecretValue, type ValueGate } from "./secret-values.js";

// Every name isSecretName accepts holds one of these (passwd, apikey, creds, `_auth`, GITHUB_PAT …).
const KEY_WORD = /pass|pwd|secret|token|cred|key|salt|pat|auth/gi;
// An explicit key (`? password`) may span lines, and an escape in a double-quoted key can spell any
// word (`"p\x61ssword": …`): the line-by-line reading below cannot name such keys.
const EXPLICIT_KEY = /(?:^|[\s{[,])\?(?:[ \t\r\n]|$)/;
const ESCAPED_KEY = /\\[^\n\r]{0,1030}?"[ \t]*:/;

/** Whether some key of the YAML text may be spelled other than as written (an explicit or escaped key). */
export function hasUnspelledKey(text: string): boolean {
  return EXPLICIT_KEY.test(text) || ESCAPED_KEY.test(text);
}

/** What a value's text cannot settle: the file is kept whatever the key's value turns out to be. */
const UNSETTLED = "unsettled";
type Values = string[] | typeof UNSETTLED;

// No value longer than this passes either value test (looksLikeSecretValue stops at 4096).
const LONGEST_VALUE = 4096;
// YAML caps an implicit key at 1024 characters; quotes and spaces around it add a few.
const LONGEST_KEY = 1030;
// isSecretName judges at most 8 words after a public prefix of at most 2.
const MOST_KEY_WORDS = 10;

/**
 * The YAML prefilter of no-generic-secret, with the rule's value gate: some line pairs a key that
 * could be secret-named with a value that could be a credential, or one the text cannot settle.
 */
export function yamlCouldHoldSecret(text: string, gate: ValueGate = {}): boolean {
  return yamlCouldPair(text, (value) => looksLikePasswordValue(value) || looksLikeSecretValue(value, gate));
}

/**
 * Whether some `key: value` of the YAML text could have a secret-named key (isSecretName) and a
 * value `couldBe` accepts (values are the scalars' text as written; see scalarValues).
 */
export function yamlCouldPair(text: string, couldBe: (value: string) => boolean): boolean {
  if (hasUnspelledKey(text)) return true;
  KEY_WORD.lastIndex = 0;
  for (let word = KEY_WORD.exec(text); word !== null; word = KEY_WORD.exec(text)) {
    const line = { start: lineStart(text, word.index), end: lineEnd(text, word.index) };
    // A key holding the word ends at a colon after it: earlier colons on the line end other keys.
    for (let colon = word.index; colon < line.end; colon++) {
      if (text.charCodeAt(colon) !== 0x3a || !isValueIndicator(text, colon, line.end)) continue;
      const values = valuesAfter(text, colon + 1, line.end);
      const candidate = values === UNSETTLED || values.some(couldBe);
      if (candidate && keyCouldBeSecretNamed(text, line.start, colon)) return true;
    }
    KEY_WORD.lastIndex = line.end;
  }
  return false;
}

// YAML ends a line at \n, \r\n or a lone \r. Walked by hand: indexOf("\r") in a file without one
// would search to its end from every line.
function isBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}
function lineStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && !isBreak(text.charCodeAt(i - 1))) i--;
  return i;
}
function lineEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && !isBreak(text.charCodeAt(i))) i++;
  return i;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** A `:` that ends a key: followed by a blank or the line's end, or right after a quoted (JSON-like) key. */
function isValueIndicator(text: string, colon: number, end: number): boolean {
  if (colon + 1 >= end || isBlank(text.charCodeAt(colon + 1))) return true;
  let before = colon - 1;
  while (before >= 0 && isBlank(text.charCodeAt(before))) before--;
  return text[before] === '"' || text[before] === "'";
}

function skipBlanks(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

/** Past a node's anchor and tag (`&pw`, `!!str`, `!<tag:…>`) and the blanks after them. */
function skipProperties(text: string, from: number, end: number): number {
  let i = skipBlanks(text, from, end);
  while (i < end && (text[i] === "&" || text[i] === "!")) {
    while (i < end && !isBlank(text.charCodeAt(i))) i++;
    i = skipBlanks(text, i, end);
  }
  return i;
}

/** The string values the key whose `:` ends at `from` can have. */
function valuesAfter(text: string, from: number, end: number): Values {
  const i = skipProperties(text, from, end);
  // Nothing but a comment after the key: its value, if any, starts on a later line.
  if (i >= end || (text[i] === "#" && i > from && isBlank(text.charCodeAt(i - 1)))) return valuesBelow(text, end);
  return scalarValues(text, i, end, false);
}

/**
 * The values of the node starting at `at` on its line: a quoted scalar's content, a plain
 * scalar's text (cut at a comment, and at a flow indicator in case it sits inside `{…}` or
 * `[…]`), none for an alias or a collection. A plain scalar going on to later lines is folded
 * with a space, which neither value test lets through, so its first line stands for it. With
 * `ownLine`, a scalar followed by `:` is a key of a nested map, not the value.
 */
function scalarValues(text: string, at: number, end: number, ownLine: boolean): Values {
  const first = text[at];
  if (first === "*" || first === "{" || first === "[") return [];
  if (first === "|" || first === ">") return UNSETTLED;
  if (first === '"' || first === "'") {
    const quoted = quotedContent(text, at, end);
    if (quoted === null) return UNSETTLED;
    const next = skipBlanks(text, quoted.end, end);
    return ownLine && text[next] === ":" ? [] : [quoted.value];
  }
  if (ownLine && first === "-" && (at + 1 >= end || isBlank(text.charCodeAt(at + 1)))) return [];
  const stop = Math.min(end, at + LONGEST_VALUE + 1);
  let block = stop;
  let flow = stop;
  for (let i = at; i < stop; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x23 /* # */ && i > at && isBlank(text.charCodeAt(i - 1))) {
      block = i;
      break;
    }
    if (ownLine && code === 0x3a /* : */ && (i + 1 >= end || isBlank(text.charCodeAt(i + 1)))) return [];
    if (flow === stop && (code === 0x2c || code === 0x5d || code === 0x7d)) flow = i; // , ] }
  }
  return [text.slice(at, block).trim(), text.slice(at, Math.min(flow, block)).trim()];
}

/** A quoted scalar that closes on its line, without escapes, and where it ends; null otherwise. */
function quotedContent(text: string, at: number, end: number): { value: string; end: number } | null {
  const quote = text[at];
  let value = "";
  let from = at + 1;
  for (let i = at + 1; i < end; i++) {
    const char = text[i];
    if (quote === '"' && char === "\\") return null;
    if (char !== quote) continue;
    if (quote === "'" && text[i + 1] === "'") {
      value += text.slice(from, i + 1);
      from = i + 2;
      i++;
      continue;
    }
    return { value: value + text.slice(from, i), end: i + 1 };
  }
  return null;
}

/** The values of a key whose value starts below it: the first line that is neither blank nor a comment. */
function valuesBelow(text: string, afterLine: number): Values {
  let start = afterLine;
  while (start < text.length) {
    start += text.startsWith("\r\n", start) ? 2 : 1;
    const end = lineEnd(text, start);
    const i = skipProperties(text, start, end);
    if (i >= end || text[i] === "#") {
      // A blank or comment line, or one with only an anchor or tag: the node starts further down.
      start = end;
      continue;
    }
    return scalarValues(text, i, end, true);
  }
  return [];
}

/**
 * Whether the key ending at `colon` could be secret-named. A quoted key is the text from one of the
 * quotes before it; a plain key starts at the line's start, a blank or a flow indicator, and never
 * holds `: ` (which ends an earlier key on the line). Each possible start is tried, quotes and
 * blanks around the name trimmed, so a name the line cannot delimit alone (`{ a: 1, password: …}`,
 * `&pw password: …`) is still found.
 */
function keyCouldBeSecretNamed(text: string, start: number, colon: number): boolean {
  const from = Math.max(start, colon - LONGEST_KEY);
  let last = colon - 1;
  while (last >= from && isBlank(text.charCodeAt(last))) last--;
  const quote = text[last];
  if (quote === '"' || quote === "'") {
    for (let q = last - 1; q >= from; q--) {
      if (text[q] === quote && isSecretName(text.slice(q + 1, last))) return true;
    }
    return false;
  }
  let words = 0;
  for (let s = colon - 1; s >= from - 1; s--) {
    const code = s >= from ? text.charCodeAt(s) : -1;
    if (isAlphanumeric(code)) {
      if (!isAlphanumeric(text.charCodeAt(s - 1)) && ++words > MOST_KEY_WORDS) return false;
      continue;
    }
    if (code === 0x3a && isBlank(text.charCodeAt(s + 1))) return false;
    if (s >= from && !isKeyStart(code)) continue;
    const name = text.slice(s + 1, colon).replace(/^[\s"']+|[\s"']+$/g, "");
    if (name !== "" && isSecretName(name)) return true;
  }
  return false;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

// What can stand just before a key: a blank, a quote, a flow indicator, an anchor or tag's end.
function isKeyStart(code: number): boolean {
  return isBlank(code) || code === 0x22 || code === 0x27 || code === 0x7b || code === 0x5b || code === 0x2c;
}
