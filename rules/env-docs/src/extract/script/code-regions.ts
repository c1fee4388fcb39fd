// Where a TypeScript file's text is code, told apart from its strings, template text, comments and
// regular expressions without a syntax tree: what plain-reads.ts needs to know that a
// `process.env.X` it sees is an expression and not words in a string or a comment. It follows
// TypeScript without JSX, and gives up (null) wherever the text alone cannot tell: a `/` after
// `)` or `}` (division or a regular expression), a string or regular expression running past the
// end of its line, a template or comment never closed. In a file read with JSX it stops at the
// first `<` that may open an element: the text before it is read as in TypeScript (JSX starts
// nowhere else), and nothing past it is told (layout.end).

/** A stretch of the text that is not code: [start, end). */
export type Region = readonly [number, number];

/** Words after which a `/` starts a regular expression, not a division. */
const BEFORE_REGEX_WORDS = new Set([
  "return",
  "typeof",
  "case",
  "do",
  "else",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "instanceof",
  "yield",
  "await",
]);

/**
 * Quotes, slashes, braces and parentheses: the only characters whose meaning codeLayout follows
 * (1), and `<` (2), which may open an element in a file read with JSX. A table of character codes,
 * not a regular expression: most of a script's braces and parentheses are a character or two
 * apart, and a search per character of code cost several times a loop's step.
 */
const MAY_CHANGE_STATE = new Uint8Array(128);
for (const char of "\"'`/{}()") MAY_CHANGE_STATE[char.charCodeAt(0)] = 1;
MAY_CHANGE_STATE["<".charCodeAt(0)] = 2;

export const isSpaceCode = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));

export const isIdentifierCode = (code: number): boolean =>
  (code >= 97 && code <= 122) ||
  (code >= 65 && code <= 90) ||
  (code >= 48 && code <= 57) ||
  code === 95 ||
  code === 36 ||
  code >= 128;

export interface CodeLayout {
  /** The stretches that are not code, in order. */
  regions: Region[];
  /** Where the layout stops: the text's length, or the first `<` that may open a JSX element. */
  end: number;
  /** Where a template's `${` has its `{` and where the `}` that closes one is: code's edges inside a template. */
  substitutionBraces: Set<number>;
}

/**
 * The text's stretches that are not code; null when the text cannot be read so. With `jsx`, up to
 * the first `<` that may open an element (see layout.end).
 */
export function codeLayout(text: string, options: { jsx?: boolean } = {}): CodeLayout | null {
  // The table's entries that stop the scan: 1 (quotes, slashes, braces, parentheses), and 2 (`<`) with JSX.
  const highestStop = options.jsx ? 2 : 1;
  const regions: Region[] = [];
  const substitutionBraces = new Set<number>();
  // One entry per open `{`: whether it opened a template's `${` (its `}` goes back to the template).
  const braces: boolean[] = [];
  // One entry per open `(`: whether it opened the head of an if, while, for or with, after whose
  // `)` a statement starts, so a `/` there starts a regular expression (after any other, a division).
  const parens: boolean[] = [];
  const controlCloses = new Set<number>();
  let at = 0;
  // The last character of code that is not whitespace, for telling a regex from a division.
  let lastCode = -1;
  if (text.startsWith("#!")) {
    const end = lineEnd(text, 0);
    regions.push([0, end]);
    at = end;
  }
  while (at < text.length) {
    // Most of a script is plain code: jump to the next character that may change what follows.
    const next = nextStop(text, at, highestStop);
    for (let back = next - 1; back >= at; back--) {
      if (!isSpaceCode(text.charCodeAt(back))) {
        lastCode = back;
        break;
      }
    }
    at = next;
    if (at >= text.length) break;
    const char = text[at] as string;
    if (char === "<") {
      // Only a file read with JSX stops here; after a name, `)` or `]` a `<` compares or opens type arguments.
      if (mayOpenElement(text, lastCode, controlCloses)) return { regions, end: at, substitutionBraces };
      lastCode = at;
      at++;
    } else if (char === '"' || char === "'") {
      const end = stringEnd(text, at, char);
      if (end === null) return null;
      regions.push([at, end]);
      lastCode = end - 1;
      at = end;
    } else if (char === "`") {
      const end = templateText(text, at + 1);
      if (end === null) return null;
      regions.push([at, end.at]);
      if (end.opensSubstitution) {
        braces.push(true);
        substitutionBraces.add(end.at - 1);
      }
      lastCode = end.at - 1;
      at = end.at;
    } else if (char === "/" && text[at + 1] === "/") {
      const end = lineEnd(text, at);
      regions.push([at, end]);
      at = end;
    } else if (char === "/" && text[at + 1] === "*") {
      const close = text.indexOf("*/", at + 2);
      if (close < 0) return null;
      regions.push([at, close + 2]);
      at = close + 2;
    } else if (char === "/") {
      const regex = startsRegex(text, lastCode, controlCloses);
      if (regex === null) return null;
      if (regex) {
        const end = regexEnd(text, at);
        if (end === null) return null;
        regions.push([at, end]);
        lastCode = end - 1;
        at = end;
      } else {
        lastCode = at;
        at++;
      }
    } else if (char === "{") {
      braces.push(false);
      lastCode = at;
      at++;
    } else if (char === "}") {
      if (braces.pop()) {
        const end = templateText(text, at + 1);
        if (end === null) return null;
        regions.push([at, end.at]);
        substitutionBraces.add(at);
        if (end.opensSubstitution) {
          braces.push(true);
          substitutionBraces.add(end.at - 1);
        }
        lastCode = end.at - 1;
        at = end.at;
      } else {
        lastCode = at;
        at++;
      }
    } else {
      if (char === "(") parens.push(opensControlHead(text, lastCode));
      else {
        if (parens.length === 0) return null;
        if (parens.pop()) controlCloses.add(at);
      }
      lastCode = at;
      at++;
    }
  }
  return braces.includes(true) || parens.length > 0 ? null : { regions, end: text.length, substitutionBraces };
}

/**
 * Where the next character codeLayout follows is, from `from` on (the text's length when none is):
 * a small function of its own, so that the engine optimises this loop, which runs for every
 * character of code, without recompiling all of codeLayout each time a new branch of it runs.
 */
function nextStop(text: string, from: number, highestStop: number): number {
  let at = from;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    const stop = code < 128 ? (MAY_CHANGE_STATE[code] as number) : 0;
    if (stop !== 0 && stop <= highestStop) return at;
    at++;
  }
  return at;
}

/** Words after which an expression starts, so `<` may open an element (`return <div />`), and `async` (`async <T>(…)`). */
const BEFORE_ELEMENT_WORDS = new Set([...BEFORE_REGEX_WORDS, "default", "async", "extends", "satisfies", "as"]);

/**
 * Whether a `<` after the code character at `lastCode` may open a JSX element: anywhere but right
 * after a name (`a < b`, `useState<string>`), `)` (not an if's or while's head) or `]`.
 */
function mayOpenElement(text: string, lastCode: number, controlCloses: ReadonlySet<number>): boolean {
  if (lastCode < 0) return true;
  const char = text[lastCode];
  if (char === ")") return controlCloses.has(lastCode);
  if (char === "]") return false;
  if (!isIdentifierCode(text.charCodeAt(lastCode))) return true;
  let start = lastCode;
  while (start > 0 && isIdentifierCode(text.charCodeAt(start - 1))) start--;
  if (text[previousCode(text, start)] === ".") return false;
  return BEFORE_ELEMENT_WORDS.has(text.slice(start, lastCode + 1));
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf("\n", from);
  return end < 0 ? text.length : end;
}

/** The end (after the closing quote) of a string; null when a line ends first. */
function stringEnd(text: string, open: number, quote: string): number | null {
  const quoteCode = quote.charCodeAt(0);
  for (let at = open + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === BACKSLASH) at++;
    else if (code === quoteCode) return at + 1;
    else if (code === LINE_FEED || code === CARRIAGE_RETURN) return null;
  }
  return null;
}

/** Template text from `from` to the closing backtick (after it) or a `${` (after it). */
function templateText(text: string, from: number): { at: number; opensSubstitution: boolean } | null {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === BACKSLASH) at++;
    else if (code === BACKTICK) return { at: at + 1, opensSubstitution: false };
    else if (code === DOLLAR && text.charCodeAt(at + 1) === OPEN_BRACE) return { at: at + 2, opensSubstitution: true };
  }
  return null;
}

// Character codes the scanners above compare against (a code, unlike `text[at]`, makes no string).
const BACKSLASH = 0x5c;
const BACKTICK = 0x60;
const DOLLAR = 0x24;
const OPEN_BRACE = 0x7b;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

const CONTROL_WORDS = new Set(["if", "while", "for", "with"]);

/** Whether a `(` after the code character at `lastCode` opens a control statement's head (`for await (` too). */
function opensControlHead(text: string, lastCode: number): boolean {
  const word = wordEndingAt(text, lastCode);
  if (word === null) return false;
  if (word.text === "await") {
    const before = wordEndingAt(text, previousCode(text, word.start));
    return before?.text === "for";
  }
  return CONTROL_WORDS.has(word.text);
}

/** The identifier that ends at `last`, unless it is a member's name (`x.if`); null when none does. */
function wordEndingAt(text: string, last: number): { start: number; text: string } | null {
  if (last < 0 || !isIdentifierCode(text.charCodeAt(last))) return null;
  let start = last;
  while (start > 0 && isIdentifierCode(text.charCodeAt(start - 1))) start--;
  if (text[previousCode(text, start)] === ".") return null;
  return { start, text: text.slice(start, last + 1) };
}

function previousCode(text: string, at: number): number {
  let index = at - 1;
  while (index >= 0 && isSpaceCode(text.charCodeAt(index))) index--;
  return index;
}

/** Whether a `/` after the code character at `lastCode` starts a regular expression; null when it cannot be told. */
function startsRegex(text: string, lastCode: number, controlCloses: ReadonlySet<number>): boolean | null {
  if (lastCode < 0) return true;
  const code = text.charCodeAt(lastCode);
  const char = text[lastCode];
  // `(a) / b` divides, `if (a) /re/.test(s)` starts a statement.
  if (char === ")") return controlCloses.has(lastCode);
  // `{}` then `/re/`, or an object divided: the text does not say.
  if (char === "}") return null;
  if (char === "]") return false;
  if (!isIdentifierCode(code)) return true;
  let start = lastCode;
  while (start > 0 && isIdentifierCode(text.charCodeAt(start - 1))) start--;
  if (text[start - 1] === ".") return false;
  return BEFORE_REGEX_WORDS.has(text.slice(start, lastCode + 1));
}

/** The end (after its flags) of a regular expression; null when a line ends first. */
function regexEnd(text: string, open: number): number | null {
  let inClass = false;
  for (let at = open + 1; at < text.length; at++) {
    const char = text[at];
    if (char === "\\") at++;
    else if (char === "\n" || char === "\r") return null;
    else if (char === "[") inClass = true;
    else if (char === "]") inClass = false;
    else if (char === "/" && !inClass) {
      let end = at + 1;
      while (end < text.length && isIdentifierCode(text.charCodeAt(end))) end++;
      return end;
    }
  }
  return null;
}
