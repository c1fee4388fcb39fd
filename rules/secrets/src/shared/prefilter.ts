// Whether a script is worth parsing for no-generic-secret (the rule's meta.prefilter). Parsing is
// most of a big run's time, and most scripts that mention a secret-like word hold no literal the
// rule could report, so two cheap passes over the text decide first. Each is a necessary condition
// of a finding: a script failing either is one the rule would judge and find nothing in.
import { isIdentifierLike, isJwtShaped, spellsCredentialWord } from "./human-values.js";
import { COMMENT_BEFORE, couldBeNamedSecret, operatorBefore } from "./literal-names.js";
import { looksLikeSecretValue, type ValueGate } from "./secret-values.js";
import { nearWordEnds } from "./word-hits.js";

// A secret-like word with a candidate literal (a quote and six non-space characters) on its line or the next.
export const NEAR_LITERAL =
  /(?:pass|secret|token|key|cred|salt|pwd|auth|login|logon|connect|bind)[^\n]{0,200}(?:\n[^\n]{0,200})?["'`][^"'`\s]{6}/i;

export function couldHoldSecret(text: string): boolean {
  return NEAR_LITERAL.test(text);
}

// Every quote that could open a string literal, with the raw text up to the same quote when that
// text has no whitespace (a value with whitespace is never a credential; an escape may hide one,
// so `\` and the character after it are taken as they come). The lookahead consumes nothing, so a
// quote closing one literal never swallows the quote opening the next. Quotes after `from`,
// `import` and `require(` open module names, which no assignment or login call holds.
const QUOTED = /(?<!\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(["'`])(?=((?:(?!\1)[^\s\\]|\\(?:\r\n|[\s\S]))+)\1)/g;

// NEAR_LITERAL's nearness seen from one literal: a secret-like word (secret-words.ts' NEAR_WORDS) on
// its line or the line before, each stretch at most 200 characters. The words add the names the rule
// reports by that NEAR_LITERAL lacks (`pat`, `signin(`, `mysqli(`), so this test never asks more of a
// literal's own name than NEAR_LITERAL asked of the file.
/** How far a word may end from the literal's line: a stretch of the line before. */
const STRETCH = 200;

/**
 * Where each secret-like word of `text` ends, in order: every occurrence, overlapping ones too,
 * in any ASCII case (as `/…/i` reads these ASCII words), `pat` only when no letter follows. Read
 * from the catalogue scanner's pass over the text, shared with no-hardcoded-secret: a script has
 * many literals, and searching the 400 characters before each one with a regular expression was
 * the prefilter's biggest cost (and a search of the whole text of its own cost as much as that pass).
 */
export function secretWordEnds(text: string): Int32Array {
  return nearWordEnds(text);
}

/** Where the stretch before the literal opening at `quote` that may hold its name starts (see nearSecretWord). */
function nearnessStart(text: string, quote: number): number {
  const lineStart = quote === 0 ? 0 : text.lastIndexOf("\n", quote - 1) + 1;
  if (quote - lineStart > STRETCH || lineStart === 0) return quote - STRETCH;
  const previousStart = lineStart === 1 ? 0 : text.lastIndexOf("\n", lineStart - 2) + 1;
  return Math.max(previousStart, lineStart - 1 - STRETCH);
}

/**
 * Whether a secret-like word stands near enough before the literal opening at `quote` to name it.
 * The rule reports a literal by the name it is assigned to (or the login call it is passed to),
 * and that name is written just before it: a literal far from every such word is never reported.
 * Near: the word ends on the literal's line at most 200 characters before it, or, when the literal
 * is at most 200 characters into its line, on the line before at most 200 characters before its end.
 * `quote` is the offset of the literal's opening quote (a word is read up to it, and what follows
 * `pat` there is the quote); `ends` is secretWordEnds(text), to share between the literals of one text.
 */
export function nearSecretWord(text: string, quote: number, ends: Int32Array = secretWordEnds(text)): boolean {
  const from = nearnessStart(text, quote);
  // The first word ending at or after `from`, by binary search; near when it ends by the quote.
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ends[middle] ?? 0) < from) low = middle + 1;
    else high = middle;
  }
  return low < ends.length && (ends[low] ?? 0) <= quote;
}

/**
 * Whether the literal opening at `quote` stands where the rule reads a value: the whole value of a
 * declaration, property, class field, assignment or default (after `=` or `:`), or an argument
 * after the first (after `,`: the password of a login call). Parentheses around it are passed
 * over. A comment just before it (the `/` closing a block comment, or a line holding `//`) keeps
 * it: the text alone cannot tell what the comment hides. The argument of `startsWith(…)`, a quote
 * inside prose and a file's first literal are no values.
 */
export function inValuePosition(text: string, quote: number): boolean {
  const at = operatorBefore(text, quote);
  // Every test runs on every call: a branch first taken after V8 optimised this function (a quote
  // with nothing before it, then a comment) dropped its optimised code, which was compiled again.
  const code = at >= 0 ? text.charCodeAt(at) : 0;
  // = : , and the / ending a block comment
  return at === COMMENT_BEFORE || code === 0x3d || code === 0x3a || code === 0x2c || code === 0x2f;
}

/**
 * Whether some string literal of the script passes the value tests no-generic-secret applies to a
 * literal in code (looksLikeSecretValue with the rule's gate, not an identifier or a spelled-out
 * stand-in, not a JWT). Keep the two in step: a test the rule drops must go here too. A literal
 * written with escapes is kept whenever its raw text is long enough (escapes only shorten it).
 * With `nearWord`, only a literal in a value's position with a secret-like word just before it
 * counts (see nearSecretWord and inValuePosition).
 */
export function hasCandidateLiteral(text: string, gate: ValueGate = {}, nearWord = false): boolean {
  const minLength = gate.minLength ?? 8;
  if (nearWord) return hasCandidateNearWord(text, gate, minLength);
  QUOTED.lastIndex = 0;
  for (let match = QUOTED.exec(text); match !== null; match = QUOTED.exec(text)) {
    const raw = match[2] ?? "";
    if (raw.length >= minLength && couldBeCredential(raw, gate)) return true;
  }
  return false;
}

/** QUOTED at one offset: it matches there exactly when QUOTED's search meets a match there (each is the quote alone). */
const QUOTED_AT = new RegExp(QUOTED.source, "y");

/**
 * hasCandidateLiteral with `nearWord`. The tests of a literal's place come first, at each quote:
 * most quotes close a literal or stand far from any secret-like word, and QUOTED's lookbehind and
 * lookahead, run at every quote of every script, were the prefilter's biggest cost (and its match
 * arrays much of its garbage). The tests are the same, each a pure function of the quote's offset
 * and the literal, so their order changes no answer.
 */
function hasCandidateNearWord(text: string, gate: ValueGate, minLength: number): boolean {
  let wordEnds: Int32Array | undefined;
  const quotes = new QuoteFinder(text);
  for (let quote = quotes.next(0); quote !== -1; quote = quotes.next(quote + 1)) {
    // The position first: a few characters read back, where the nearness is a search of 400.
    if (!inValuePosition(text, quote)) continue;
    wordEnds ??= secretWordEnds(text);
    if (!nearSecretWord(text, quote, wordEnds)) continue;
    if (isCandidateAt(text, quote, gate, minLength)) return true;
  }
  return false;
}

/**
 * The literal's own tests, for a quote in a value's position near a secret-like word. On its own:
 * its last test is reached by few quotes of a run, and V8 optimised the loop above before the first
 * of them, then dropped its code when one came (a call without feedback), and compiled it again.
 */
function isCandidateAt(text: string, quote: number, gate: ValueGate, minLength: number): boolean {
  QUOTED_AT.lastIndex = quote;
  const raw = QUOTED_AT.exec(text)?.[2];
  if (raw === undefined || raw.length < minLength || !couldBeCredential(raw, gate)) return false;
  // Last, as the dearest: the name the rule would judge the literal by could be a secret name.
  return couldBeNamedSecret(text, quote, nearnessStart(text, quote));
}

/** The value tests of a literal's raw text (see hasCandidateLiteral). */
function couldBeCredential(raw: string, gate: ValueGate): boolean {
  if (raw.includes("\\")) return true;
  return looksLikeSecretValue(raw, gate) && !isIdentifierLike(raw) && !spellsCredentialWord(raw) && !isJwtShaped(raw);
}

/** The offsets of a text's quotes (`"`, `'`, `` ` ``) in order, by the native search for each kind. */
class QuoteFinder {
  private readonly nextOf: [number, number, number];
  constructor(private readonly text: string) {
    this.nextOf = [text.indexOf('"'), text.indexOf("'"), text.indexOf("`")];
  }

  /** The first quote at or after `from` (offsets asked in increasing order), or -1. */
  next(from: number): number {
    let first = -1;
    for (let kind = 0; kind < 3; kind++) {
      let at = this.nextOf[kind] ?? -1;
      if (at !== -1 && at < from) {
        at = this.text.indexOf(QUOTE_KINDS[kind] ?? "", from);
        this.nextOf[kind] = at;
      }
      if (at !== -1 && (first === -1 || at < first)) first = at;
    }
    return first;
  }
}

const QUOTE_KINDS = ['"', "'", "`"];

/**
 * The script prefilter of no-generic-secret, with the rule's options for its value gate: some
 * literal that could be a credential, in a value's position, with a secret-like word just before it.
 */
export function scriptCouldHoldSecret(text: string, options: ValueGate | undefined): boolean {
  return couldHoldSecret(text) && hasCandidateLiteral(text, options ?? {}, true);
}
