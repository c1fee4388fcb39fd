// Whether a script literal could be reported by no-generic-secret for the name it is given, read
// from the text just before it. The rule judges a literal by the name of what it is assigned to
// (`const apiToken = '…'`, `{ clientSecret: '…' }`, `this.password = '…'`) or by the login call it
// is passed to as the password; most credential-shaped literals near a secret-like word are given
// other names (`to: 'a@b.c'`, `const logKey: LogKey = '…'`, `{ path: '…' }`), and a script whose
// literals all are needs no parse. Where the text cannot tell (a comment between name and value, a
// string left open, an assignment continued from an earlier line), the answer is yes.
import { LOGIN_CALLEE_WORD } from "./login-calls.js";
import { isSecretName } from "./secret-names.js";

/** operatorBefore's answer when a line comment comes first: it may hide anything. */
export const COMMENT_BEFORE = -2;
/** How long a login callee's name can be: a word ending in the stretch may start before it. */
const LONGEST_CALLEE = 24;

/**
 * The offset of the operator before the literal opening at `quote` (`=`, `:`, `,` or the `/` ending
 * a block comment), passing blanks and `(`: COMMENT_BEFORE when a line comment comes first (it may hide
 * anything), -1 when the file starts first, and the offset of whatever other character comes first.
 */
export function operatorBefore(text: string, quote: number): number {
  let i = quote - 1;
  while (i >= 0) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      const lineStart = text.lastIndexOf("\n", i - 1) + 1;
      if (text.slice(lineStart, i).includes("//")) return COMMENT_BEFORE;
    } else if (code !== 0x20 && code !== 0x09 && code !== 0x0d && code !== 0x28) return i;
    i--;
  }
  return -1;
}

/**
 * Whether the literal opening at `quote`, in a value's position (see inValuePosition), could be given
 * a secret name: after `=`, some name on the assignment's line is one (isSecretName; the line also
 * holds any type annotation); after `:`, the property key just before it is one; after `,`, a login
 * call's name ends between `from` (where the stretch the rule's name may stand in starts, see
 * nearSecretWord) and the literal.
 */
export function couldBeNamedSecret(text: string, quote: number, from: number): boolean {
  const at = operatorBefore(text, quote);
  if (at < 0) return at === COMMENT_BEFORE;
  switch (text.charCodeAt(at)) {
    case 0x3d: // =
      return assigneeCouldBeSecret(text, at);
    case 0x3a: // :
      return keyCouldBeSecret(text, at);
    case 0x2c: // ,
      return loginCallEndsBetween(text, from, quote);
    default:
      // `/` ends a block comment that may hide anything; any other character is no value's position.
      return text.charCodeAt(at) === 0x2f;
  }
}

function assigneeCouldBeSecret(text: string, equals: number): boolean {
  const before = text[equals - 1] ?? "";
  // `==`, `!=`, `<=` compare and `+=`, `??=`, `||=` … are operators the rule reads no name of.
  if ("=!<+-*%&|^?".includes(before) && before !== "") return false;
  // `>=` compares, but `Array<T>=` ends a type; `/=` divides, but `*/=` ends a comment.
  if (before === ">" || before === "/") return true;
  const lineStart = text.lastIndexOf("\n", equals - 1) + 1;
  const line = text.slice(lineStart, equals);
  const first = line.trimStart().charCodeAt(0);
  // A line that starts in the middle of something (`} = '…'` after a multi-line type, `= '…'` alone)
  // continues an assignment whose name is on an earlier line. (`<` starts a JSX element, whose
  // attributes the rule does not read, or a type assertion, whose names are on the line.)
  if (
    Number.isNaN(first) ||
    !(isNameCode(first) || isQuoteCode(first) || "{[(#@<".includes(String.fromCharCode(first)))
  )
    return true;
  return lineNamesSecret(line);
}

/** Whether some identifier or string of the line is a secret name. */
function lineNamesSecret(line: string): boolean {
  let i = 0;
  while (i < line.length) {
    const code = line.charCodeAt(i);
    if (isQuoteCode(code)) {
      const close = closingQuote(line, i);
      // A quote left open may close a string begun on an earlier line: what follows is read as code.
      if (close < 0) i++;
      else if (isSecretName(line.slice(i + 1, close))) return true;
      else i = close + 1;
    } else if (isNameCode(code)) {
      let end = i + 1;
      while (end < line.length && isNameCode(line.charCodeAt(end))) end++;
      if (isSecretName(line.slice(i, end))) return true;
      i = end;
    } else i++;
  }
  return false;
}

/** The offset of the quote closing the string opening at `open` on `line` (escapes passed over), or -1. */
function closingQuote(line: string, open: number): number {
  const quote = line.charCodeAt(open);
  for (let i = open + 1; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 0x5c) i++;
    else if (code === quote) return i;
  }
  return -1;
}

// A property's key: a name (`clientSecret:`), a string (`'x-api-key':`) or a computed string
// (`['x-api-key']:`). A computed name (`[field]:`) names nothing the rule reads.
function keyCouldBeSecret(text: string, colon: number): boolean {
  let i = blankBefore(text, colon - 1);
  let code = text.charCodeAt(i);
  if (code === 0x5d) {
    i = blankBefore(text, i - 1);
    code = text.charCodeAt(i);
    if (isNameCode(code)) return false;
    if (!isQuoteCode(code)) return true;
  }
  if (isQuoteCode(code)) return stringCouldBeSecret(text, i);
  if (isNameCode(code)) {
    let start = i;
    while (start > 0 && isNameCode(text.charCodeAt(start - 1))) start--;
    return isSecretName(text.slice(start, i + 1));
  }
  // A comment between key and colon may hide anything.
  return code === 0x2f;
}

/** Whether the string closing at `close` could be a secret name; one with escapes or a line break may be. */
function stringCouldBeSecret(text: string, close: number): boolean {
  const open = text.lastIndexOf(text[close] ?? "", close - 1);
  if (open < 0 || text.charCodeAt(open - 1) === 0x5c) return true;
  const content = text.slice(open + 1, close);
  return content.includes("\\") || content.includes("\n") || isSecretName(content);
}

function loginCallEndsBetween(text: string, from: number, quote: number): boolean {
  const start = Math.max(0, from - LONGEST_CALLEE);
  const stretch = text.slice(start, quote);
  LOGIN_CALLEE_WORD.lastIndex = 0;
  for (let m = LOGIN_CALLEE_WORD.exec(stretch); m !== null; m = LOGIN_CALLEE_WORD.exec(stretch)) {
    if (start + m.index + m[0].length >= from) return true;
  }
  return false;
}

/** The offset of the last non-blank character at or before `i` (blanks: spaces, tabs, line breaks, `(` `)`). */
function blankBefore(text: string, i: number): number {
  let at = i;
  while (at >= 0 && /[\s()]/.test(text[at] ?? "")) at--;
  return at;
}

/** A character of an identifier: ASCII letters, digits, `_`, `$`, and any non-ASCII character. */
function isNameCode(code: number): boolean {
  const lower = code | 0x20;
  return (
    (lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x24 || code > 0x7f
  );
}

function isQuoteCode(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0x60;
}
