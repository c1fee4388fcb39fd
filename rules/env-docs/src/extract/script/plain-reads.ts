// The reads of a script whose only use of the environment is plain member reads
// (`process.env.API_URL`, `import.meta.env.VITE_URL`), taken from its text: the same facts
// script-reads.ts gives from the syntax tree, without building the tree (most of a parse's cost).
// A write (`process.env.X = "v"`, `delete process.env.X`) reads nothing, and a read in a comment
// is no code. Anything the text does not settle gives null, and the file goes to the tree: another
// form of access (an alias, destructuring, `process.env[key]`), a read in a string, a
// neighbour whose precedence decides what the read's value feeds (`a + b || process.env.X`, a
// cast, `!`), and whatever else may give a fact: the rest of the text, with these reads blanked,
// must pass none of the prefilters (prefilter.ts), so that it gives nothing on its own. In a file
// read with JSX only the text before the first `<` that may open an element is told apart
// (code-regions.ts); a read at or past it goes to the tree.

import { type CodeLayout, codeLayout, isIdentifierCode, isSpaceCode, type Region } from "./code-regions.js";
import { BUILD_CONFIG, NUXT_CONFIG, VITE_CONFIG } from "./frameworks.js";
import { mayGiveLinks, mayGiveReads } from "./prefilter.js";

/** A read as script-reads.ts records it, with offsets for the name: [start, end). */
export interface PlainRead {
  name: string;
  via: string;
  start: number;
  end: number;
  hasFallback?: boolean;
  aliasOf?: string;
}

/**
 * `process.env.NAME` or `import.meta.env.NAME`, written without spaces, not a member of something
 * else; matched where the text has ".env." (a search for that string is far faster than the regex's).
 */
const PLAIN_READ =
  /(?<![\p{ID_Continue}$.#\\])(process|import\.meta)\.env\.([\p{ID_Start}$_][\p{ID_Continue}$]*)(?![\p{ID_Continue}$\\])/uy;
const ENV_MEMBER = ".env.";
/** How far before ".env." a match starts: "process" and "import.meta". */
const OWNER_LENGTHS = [7, 11];
/** TypeScript without JSX: a `<` is never an element, and code-regions.ts reads it whole. */
const TYPESCRIPT = /\.[cm]?ts$/i;
/** Names Vite defines on import.meta.env itself (script-reads.ts VITE_BUILTINS): no read. */
const VITE_BUILTINS = new Set(["MODE", "BASE_URL", "PROD", "DEV", "SSR"]);

/** What binds a read on its left. */
type Left = "start" | "paren" | "comma" | "not" | "equality" | "and" | "logical" | "operand";
/** What follows a read. */
type Right = "member" | "logical" | "and" | "equality" | "ternary" | "arithmetic" | "end" | "non-null";

/** Words after which an expression starts, at the lowest precedence. */
const START_WORDS = new Set(["return", "throw", "case", "else", "of", "do", "yield", "default"]);
/**
 * Unary and binary words: a read after one is their operand, which says nothing of a fallback.
 * Not `in`: `for (k in process.env.X || d)` takes a whole expression.
 */
const OPERAND_WORDS = new Set(["await", "void", "instanceof"]);

interface Match {
  name: string;
  via: string;
  start: number;
  nameStart: number;
  end: number;
}

/** The file's reads, or null when the tree must read it. */
export function plainReads(text: string, path: string): PlainRead[] | null {
  if (VITE_CONFIG.test(path) || BUILD_CONFIG.test(path) || NUXT_CONFIG.test(path)) return null;
  // An import from "process" or "node:process" changes no plain read (the tree adds its names to the
  // global's); another name for process or its env (`proc.env.X`, `{ env }`) is left in the rest,
  // where the prefilter finds it.
  const matches = plainMatches(text);
  if (matches.length === 0) return null;
  if (!restGivesNothing(text, path, matches)) return null;
  const layout = codeLayout(text, { jsx: !TYPESCRIPT.test(path) });
  if (layout === null) return null;
  const code = new CodeText(text, layout);
  // A match in a comment is no code at all (the tree never sees it); one in a string, a template's
  // text or a regular expression may still be part of a value, which is left to the tree.
  const inCode = matches.filter((match) => !code.isComment(match.start));
  if (inCode.some((match) => !code.isCode(match.start))) return null;
  const byEnd = new Map(inCode.map((match) => [match.end, match]));
  const reads: PlainRead[] = [];
  for (const match of inCode) {
    if (match.via === "import.meta.env" && VITE_BUILTINS.has(match.name)) continue;
    const write = writeAt(match, code);
    if (write === null) return null;
    if (write) continue;
    const read = readAt(match, code, byEnd);
    if (read === null) return null;
    reads.push(read);
  }
  return reads;
}

function plainMatches(text: string): Match[] {
  const matches: Match[] = [];
  for (let at = text.indexOf(ENV_MEMBER); at >= 0; at = text.indexOf(ENV_MEMBER, at + 1)) {
    for (const length of OWNER_LENGTHS) {
      PLAIN_READ.lastIndex = at - length;
      const match = at >= length ? PLAIN_READ.exec(text) : null;
      if (!match) continue;
      const [whole, owner = "", name = ""] = match;
      matches.push({
        name,
        via: owner === "process" ? "process.env" : "import.meta.env",
        start: match.index,
        nameStart: match.index + whole.length - name.length,
        end: match.index + whole.length,
      });
      break;
    }
  }
  return matches;
}

/** Whether the text, with the plain reads blanked, gives no fact: it passes no prefilter. */
function restGivesNothing(text: string, path: string, matches: readonly Match[]): boolean {
  let rest = "";
  let from = 0;
  for (const match of matches) {
    rest += text.slice(from, match.start) + " ".repeat(match.end - match.start);
    from = match.end;
  }
  rest += text.slice(from);
  return !mayGiveReads(rest, path) && !mayGiveLinks(rest, path);
}

/** An assignment operator (`=`, `+=`, `??=`, …): what a write of the read's member puts after it. */
const ASSIGNMENT = /(?:\*\*|>>>|<<|>>|&&|\|\||\?\?|[-+*/%&|^])?=(?![=>])/y;

/**
 * Whether the member is written, not read (script-reads.ts isWrite: no read there): the whole
 * target of an assignment at the start of an expression (`process.env.X = "v"`, `a = process.env.X
 * ??= d`), or what `delete` removes (`delete process.env.X;`). False for anything else; null when
 * the text does not tell a write from a destructuring target (`[process.env.X = 1] = list`, where
 * the member is read) or from a syntax error the parser recovers from.
 */
function writeAt(match: Match, code: CodeText): boolean | null {
  const { text } = code;
  const after = code.next(match.end);
  ASSIGNMENT.lastIndex = after;
  if (after < text.length && code.isCode(after) && ASSIGNMENT.test(text)) return startsAssignment(code, match.start);
  const before = code.previous(match.start);
  if (before < 0 || !code.isCode(before) || !isIdentifierChar(text[before] ?? "")) return false;
  const word = code.wordEndingAt(before);
  if (word.text !== "delete" || text[code.previous(word.start)] === ".") return false;
  // `delete process.env.X.y` deletes a member of the read; `delete process.env.X!` reads it too.
  const right = rightOf(code, match.end);
  return right?.kind === "end" ? true : null;
}

/** Whether an assignment's target at `start` begins an expression that can only be an assignment. */
function startsAssignment(code: CodeText, start: number): boolean | null {
  const { text } = code;
  const at = code.previous(start);
  if (at < 0) return true;
  if (code.isSubstitutionBrace(at)) return text[at] === "{" ? true : null;
  if (!code.isCode(at)) return null;
  const char = text[at];
  const before = text[at - 1] ?? "";
  if (char === ";" || char === "(") return true;
  // `{` of a block (an object literal cannot hold an assignment), `}` of one with the line ended.
  if (char === "{") return opensBlock(code, at) ? true : null;
  if (char === "}") return text.slice(at, start).includes("\n") ? true : null;
  if (char === "=") return "=!<>+-*/%&|^?".includes(before) ? null : true;
  if (char === ">") return before === "=" ? true : null;
  if (!isIdentifierChar(char ?? "")) return null;
  const word = code.wordEndingAt(at);
  return text[code.previous(word.start)] !== "." && STATEMENT_WORDS.has(word.text) ? true : null;
}

/** Words after which an expression statement or an assigned value starts. */
const STATEMENT_WORDS = new Set(["return", "throw", "else", "do"]);

/** Whether the `{` at `at` opens a block: after `)`, `=>`, `;`, another brace, `else`, `try`, `finally`, `do`, or the start. */
function opensBlock(code: CodeText, at: number): boolean {
  const { text } = code;
  const before = code.previous(at);
  if (before < 0) return true;
  if (!code.isCode(before) || code.isSubstitutionBrace(before)) return false;
  const char = text[before] ?? "";
  if (char === ")" || char === ";" || char === "{" || char === "}") return true;
  if (char === ">") return text[before - 1] === "=";
  if (!isIdentifierChar(char)) return false;
  const word = code.wordEndingAt(before);
  return text[code.previous(word.start)] !== "." && BLOCK_WORDS.has(word.text);
}

const BLOCK_WORDS = new Set(["else", "try", "finally", "do"]);

function readAt(match: Match, code: CodeText, byEnd: ReadonlyMap<number, Match>): PlainRead | null {
  const left = leftOf(code, match.start);
  const right = rightOf(code, match.end);
  if (left === null || right === null || mixesNullish(code, left, right)) return null;
  const fallback = fallbackOf(left, right, code);
  if (fallback === null) return null;
  let aliasOf: string | undefined;
  if (left.kind === "logical" && (right.kind === "logical" || right.kind === "ternary" || right.kind === "end")) {
    const head = chainHead(left.at, code, byEnd);
    if (head === null) return null;
    aliasOf = head;
  }
  return {
    name: match.name,
    via: match.via,
    start: match.nameStart,
    end: match.end,
    ...(fallback.value === undefined ? {} : { hasFallback: fallback.value }),
    ...(aliasOf === undefined ? {} : { aliasOf }),
  };
}

/**
 * `a ?? process.env.X || b`: `??` beside `||` or `&&` without parentheses is a syntax error the
 * parser recovers from, into a tree the text cannot foretell.
 */
function mixesNullish(code: CodeText, left: { kind: Left; at: number }, right: { kind: Right; at: number }): boolean {
  const leftNullish = left.kind === "logical" && code.text[left.at] === "?";
  const rightNullish = right.kind === "logical" && code.text[right.at] === "?";
  const leftLogical = left.kind === "logical" || left.kind === "and";
  const rightLogical = right.kind === "logical" || right.kind === "and";
  return leftLogical && rightLogical && leftNullish !== rightNullish;
}

/**
 * script/fallback.ts fallbackOf, for a read between these neighbours: `{ value }`, or null when
 * they do not settle what the read is a part of.
 */
function fallbackOf(
  left: { kind: Left; at: number },
  right: { kind: Right; at: number },
  code: CodeText,
): { value: boolean | undefined } | null {
  if (right.kind === "non-null") return nonNullFallback(left, right, code);
  if (right.kind === "member" || left.kind === "operand") return { value: undefined };
  if (left.kind === "not") return { value: true };
  const test = right.kind === "equality" || right.kind === "ternary";
  switch (left.kind) {
    case "equality":
      return { value: right.kind === "arithmetic" ? undefined : true };
    case "and":
      return { value: right.kind === "equality" ? true : undefined };
    case "logical":
      return { value: right.kind === "equality" || right.kind === "and" ? true : undefined };
    default:
      if (test || right.kind === "logical" || right.kind === "and") return { value: true };
      if (right.kind === "arithmetic") return { value: undefined };
      return endingIn(left, right, code);
  }
}

/**
 * `process.env.X!`: false for a module's constant (`const X = process.env.X!;` at the top), which
 * the author states is set; undefined anywhere inside brackets, where it only quiets the checker.
 */
function nonNullFallback(
  left: { kind: Left; at: number },
  right: { kind: Right; at: number },
  code: CodeText,
): { value: boolean | undefined } | null {
  // Only a whole initialiser is asserted: `process.env.X!.trim()` and `process.env.X! || d` are not.
  const after = rightOf(code, right.at + 1);
  if (after === null) return null;
  if (after.kind !== "end") return { value: undefined };
  if (code.depthAt(left.at) > 0) return { value: undefined };
  if (left.kind !== "start" || code.text[left.at] !== "=") return null;
  const name = code.previous(left.at);
  if (name < 0 || !code.isCode(name) || !isIdentifierChar(code.text[name] ?? "")) return null;
  const declared = code.wordEndingAt(name);
  const keyword = code.previous(declared.start);
  if (keyword < 0 || !code.isCode(keyword) || !isIdentifierChar(code.text[keyword] ?? "")) return null;
  const kind = code.wordEndingAt(keyword);
  if (code.text[code.previous(kind.start)] === ".") return null;
  if (kind.text === "const") return { value: false };
  return kind.text === "let" || kind.text === "var" ? { value: undefined } : null;
}

/** A read that ends an expression after `(`, `,` or a start: what holds it decides. */
function endingIn(
  left: { kind: Left; at: number },
  right: { kind: Right; at: number },
  code: CodeText,
): { value: boolean | undefined } | null {
  if (left.kind === "start") return { value: undefined };
  if (left.kind === "comma") return code.text.includes("Boolean") ? null : { value: undefined };
  // `(`: an argument of a call (Boolean(…) tests it), or an if's or while's test; parentheses that
  // only group leave the read to what stands outside them.
  const closer = code.text[right.at];
  if (closer !== ")" && closer !== ",") return null;
  const before = code.previous(left.at);
  if (before < 0 || !code.isCode(before) || !isIdentifierChar(code.text[before] ?? "")) return null;
  const word = code.wordEndingAt(before);
  if (code.text[word.start - 1] === ".") return { value: undefined };
  if (word.text === "if" || word.text === "while") return closer === ")" ? { value: true } : null;
  // `new Boolean(x)` is an object, always truthy: fallback.ts counts only the call.
  if (word.text === "Boolean") return code.wordBefore(word.start) === "new" ? null : { value: true };
  if (word.text === "URL" || word.text === "delete" || word.text === "for") return null;
  return { value: undefined };
}

/**
 * `process.env.A || process.env.B`: the variable B stands in for (script-reads.ts aliasTarget),
 * the first of a chain of `||` and `??`; undefined when the chain starts with something else,
 * null when the text does not tell.
 */
function chainHead(operator: number, code: CodeText, byEnd: ReadonlyMap<number, Match>): string | undefined | null {
  // `operator` is the second character of `||` or `??`.
  const before = code.previous(operator - 1);
  const operand = byEnd.get(before + 1);
  if (!operand) return otherChainHead(before, code, byEnd);
  const left = leftOf(code, operand.start);
  if (left === null || mixesNullish(code, left, { kind: "logical", at: operator - 1 })) return null;
  if (left.kind === "start" || left.kind === "paren" || left.kind === "comma") return operand.name;
  if (left.kind === "logical") return chainHead(left.at, code, byEnd);
  return left.kind === "not" ? null : undefined;
}

/**
 * chainHead where the operand before the operator (ending at `last`) is no read: a plain name or
 * path (`user.isAdmin`, `0`), maybe negated, is no environment object (the rest of the text
 * holds none: restGivesNothing), so a chain it starts has no head; one that goes on to its left
 * is followed. Anything else (a call, parentheses, `??` anywhere in the text, which beside `||`
 * is a syntax error a neighbour alone does not show) is left to the tree.
 */
function otherChainHead(last: number, code: CodeText, byEnd: ReadonlyMap<number, Match>): string | undefined | null {
  const { text } = code;
  if (last < 0 || !code.isCode(last) || text.includes("??")) return null;
  let start = last + 1;
  while (start > 0 && /[\w$.]/.test(text[start - 1] ?? "")) start--;
  if (start > last || text[start] === "." || text[last] === ".") return null;
  let left = leftOf(code, start);
  while (left?.kind === "not") left = leftOf(code, left.at);
  if (left === null) return null;
  return left.kind === "logical" ? chainHead(left.at, code, byEnd) : undefined;
}

function leftOf(code: CodeText, start: number): { kind: Left; at: number } | null {
  const { text } = code;
  const at = code.previous(start);
  if (at < 0) return { kind: "start", at };
  // `${process.env.X}` in a template.
  if (code.isSubstitutionBrace(at)) return text[at] === "{" ? { kind: "start", at } : null;
  if (!code.isCode(at)) return null;
  const char = text[at] as string;
  const before = text[at - 1];
  switch (char) {
    case "(":
      return { kind: "paren", at };
    case ",":
      return { kind: "comma", at };
    case "[":
    case "{":
    case ";":
    case ":":
      return { kind: "start", at };
    case "=":
      if (before === "=" || before === "!") return { kind: "equality", at };
      return before !== undefined && "<>+-*/%&|^?".includes(before) ? null : { kind: "start", at };
    case ">":
      return before === "=" ? { kind: "start", at } : null;
    case "&":
      return before === "&" ? { kind: "and", at } : null;
    case "|":
      return before === "|" ? { kind: "logical", at } : null;
    case "?":
      return before === "?" ? { kind: "logical", at } : { kind: "start", at };
    case "!": {
      // After a value, `!` may be TypeScript's non-null mark, then a line break ends the statement.
      const previous = code.previous(at);
      if (previous >= 0 && (!code.isCode(previous) || /[\w$)\]}\p{ID_Continue}]/u.test(text[previous] ?? "")))
        return null;
      return { kind: "not", at };
    }
    case "+":
    case "-":
      return before === char ? null : { kind: "operand", at };
    case "*":
    case "/":
    case "%":
    case "~":
      return { kind: "operand", at };
    default: {
      if (!isIdentifierChar(char)) return null;
      const word = code.wordEndingAt(at);
      if (text[word.start - 1] === ".") return null;
      if (START_WORDS.has(word.text)) return { kind: "start", at };
      return OPERAND_WORDS.has(word.text) ? { kind: "operand", at } : null;
    }
  }
}

function rightOf(code: CodeText, end: number): { kind: Right; at: number } | null {
  const { text } = code;
  const at = code.next(end);
  if (at >= text.length) return { kind: "end", at };
  if (code.isSubstitutionBrace(at)) return text[at] === "}" ? { kind: "end", at } : null;
  if (!code.isCode(at)) return null;
  const [char, second, third] = [text[at], text[at + 1], text[at + 2]];
  switch (char) {
    case ".":
    case "[":
      return { kind: "member", at };
    case "?":
      if (second === ".")
        return third === "(" ? null : /\d/.test(third ?? "") ? { kind: "ternary", at } : { kind: "member", at };
      if (second === "?") return third === "=" ? null : { kind: "logical", at };
      return { kind: "ternary", at };
    case "|":
      return second === "|" && third !== "=" ? { kind: "logical", at } : null;
    case "&":
      return second === "&" && third !== "=" ? { kind: "and", at } : null;
    case "=":
      return second === "=" ? { kind: "equality", at } : null;
    case "!":
      if (second === "=") return { kind: "equality", at };
      // `process.env.X! = v` writes (through the assertion); anything else reads.
      return text[code.next(at + 1)] === "=" && text[code.next(at + 1) + 1] !== "=" ? null : { kind: "non-null", at };
    case "+":
    case "-":
      return second === char || second === "=" ? null : { kind: "arithmetic", at };
    case "*":
      if (second === "*") return third === "=" ? null : { kind: "arithmetic", at };
      return second === "=" ? null : { kind: "arithmetic", at };
    case "/":
    case "%":
      return second === "=" ? null : { kind: "arithmetic", at };
    case ")":
    case "]":
    case "}":
    case ",":
    case ";":
    case ":":
      return { kind: "end", at };
    default:
      return castEnd(code, at);
  }
}

/**
 * `process.env.X as string`: a cast to a plain type name passes the value through (fallback.ts
 * TRANSPARENT), so what follows the type decides. Followed by anything but the end of the
 * expression or a logical operator (`as string[]`, `as A | B`, `as T ? …`), it is left to the tree.
 */
function castEnd(code: CodeText, at: number): { kind: Right; at: number } | null {
  const { text } = code;
  if (!text.startsWith("as", at) || isIdentifierChar(text[at + 2] ?? "")) return null;
  const type = code.next(at + 2);
  if (!/[A-Za-z_$]/.test(text[type] ?? "")) return null;
  let end = type;
  while (end < text.length && isIdentifierChar(text[end] ?? "")) end++;
  const after = rightOf(code, end);
  if (after === null) return null;
  return after.kind === "end" || after.kind === "logical" || after.kind === "and" ? after : null;
}

function isIdentifierChar(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 128 ? isIdentifierCode(code) : /[\p{ID_Continue}]/u.test(char);
}

/** The text with its non-code regions, asked about one position at a time. */
class CodeText {
  private readonly regions: readonly Region[];
  private readonly substitutionBraces: ReadonlySet<number>;
  /** Where the layout stops (a JSX element may start there): nothing from it on counts as code. */
  private readonly end: number;

  constructor(
    readonly text: string,
    layout: CodeLayout,
  ) {
    this.regions = layout.regions;
    this.substitutionBraces = layout.substitutionBraces;
    this.end = layout.end;
  }

  isSubstitutionBrace(at: number): boolean {
    return this.substitutionBraces.has(at);
  }

  /** Whether `at` is in a line or block comment (a regular expression never starts with a second slash or a star). */
  isComment(at: number): boolean {
    const region = this.regionAt(at);
    if (region === null) return false;
    const [start] = region;
    return this.text[start] === "/" && (this.text[start + 1] === "/" || this.text[start + 1] === "*");
  }

  /** Whether `at` is code: in no string, template text, comment or regular expression. */
  isCode(at: number): boolean {
    return at < this.end && this.regionAt(at) === null;
  }

  /** The region that holds `at`; null where it is code. */
  private regionAt(at: number): Region | null {
    let low = 0;
    let high = this.regions.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const region = this.regions[middle] as Region;
      if (at < region[0]) high = middle - 1;
      else if (at >= region[1]) low = middle + 1;
      else return region;
    }
    return null;
  }

  /** The last character before `at` that is not whitespace; -1 at the start. */
  previous(at: number): number {
    let index = at - 1;
    while (index >= 0 && isSpaceCode(this.text.charCodeAt(index))) index--;
    return index;
  }

  /** The first character from `at` on that is not whitespace; the text's length at the end. */
  next(at: number): number {
    let index = at;
    while (index < this.text.length && isSpaceCode(this.text.charCodeAt(index))) index++;
    return index;
  }

  /** How many brackets (`{`, `(`, `[`) of code are open at `at`. */
  depthAt(at: number): number {
    let depth = 0;
    for (let index = 0; index < at; index++) {
      const char = this.text[index];
      if (char !== "{" && char !== "(" && char !== "[" && char !== "}" && char !== ")" && char !== "]") continue;
      if (!this.isCode(index)) continue;
      depth += char === "{" || char === "(" || char === "[" ? 1 : -1;
    }
    return depth;
  }

  /** The identifier that ends just before `at` (spaces aside); "" when none does. */
  wordBefore(at: number): string {
    const last = this.previous(at);
    if (last < 0 || !this.isCode(last) || !isIdentifierChar(this.text[last] ?? "")) return "";
    return this.wordEndingAt(last).text;
  }

  wordEndingAt(last: number): { start: number; text: string } {
    let start = last;
    while (start > 0 && isIdentifierChar(this.text[start - 1] ?? "")) start--;
    return { start, text: this.text.slice(start, last + 1) };
  }
}
