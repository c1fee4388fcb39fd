// Whether a script holds a string that may become a variable name the links hand on: an argument
// of an imported helper (`required("API_URL")`, followed through variables, fields and local
// functions) or an exported constant (`export const KEY = "API_URL"`). Both follow a string only
// as a value (script/names.ts evaluate, links.ts collectConstants): never out of a comment, a
// comparison, a `case`, a type's union, an object's key, a return, a JSX attribute, or the
// arguments of a method call on anything but a namespace import or `this`; and a property's value
// only when that property is read somewhere (`options.method`) or a constant may be exported. An
// UPPER string only in such places (`method === "POST"`, `expect(x).toBe("US")`,
// `{ country: "US" }` in a test) gives nothing. Where the text cannot tell, the string counts.
import { commentBefore, IDENTIFIER_CHAR, inComment, previousToken } from "./text-scan.js";

/**
 * A string, or a template's text after a substitution, that may be all or the start of a
 * variable name: every name a call argument or an exported constant resolves to begins in one.
 * Its text up to the closing quote or the next substitution is part of the name, so it is UPPER
 * (a French "L'" is not one).
 */
const UPPER_STRING = /"[A-Z][A-Z0-9_]*"|'[A-Z][A-Z0-9_]*'|[`}][A-Z][A-Z0-9_]*(?:`|\$\{)/g;
/** `* as ns`: a namespace import, whose methods' calls the links follow (`ns.required("X")`). */
const NAMESPACE = /\*\s*as\s+([A-Za-z_$][\w$]*)/g;
/** Words after which a string is no value that reaches a name: `case "A":`, `return "A"`, `throw "A"`. */
const DEAD_AFTER_WORD = new Set(["case", "return", "throw", "typeof", "in", "instanceof"]);
/** Words a template may follow as an expression; after any other word, a backtick is a tag's or a string's text. */
const BEFORE_EXPRESSION = new Set([
  "return",
  "case",
  "default",
  "await",
  "yield",
  "typeof",
  "void",
  "in",
  "of",
  "instanceof",
  "new",
  "delete",
  "throw",
  "else",
  "do",
]);
/** Words before `(` that open a group, not a call: `if ("A" …)`. */
const GROUPING_WORDS = new Set(["if", "while", "for", "switch", "return", "typeof", "await", "in", "of", "case"]);
/** Words before a name and `=` that declare it (`const a="X"`, `readonly a="X"`): not a JSX attribute. */
const DECLARING_WORDS = new Set([
  "const",
  "let",
  "var",
  "readonly",
  "static",
  "private",
  "protected",
  "public",
  "declare",
  "override",
  "accessor",
  "abstract",
]);
/** Files that may hold JSX. */
const JSX_FILE = /\.(?:tsx|jsx|js|mjs|cjs)$/;
const SPACE = /\s/;

interface Scan {
  text: string;
  /** The script imports something: a helper call may be followed. */
  calls: boolean;
  /** The script may export a constant. */
  constants: boolean;
  jsx: boolean;
  isNamespace(name: string): boolean;
  keyRead(key: string): boolean;
}

/**
 * Whether some UPPER string may become a name: `calls` when the script imports (a helper's
 * argument), `constants` when it may export a constant (see prefilter.ts EXPORTS_CONSTANT).
 */
export function holdsNameString(text: string, path: string, want: { calls: boolean; constants: boolean }): boolean {
  return firstNameString(text, path, want) >= 0;
}

/** Where the first string that may become a name starts; -1 when there is none. */
export function firstNameString(text: string, path: string, want: { calls: boolean; constants: boolean }): number {
  const { calls, constants } = want;
  if (!calls && !constants) return -1;
  let namespaces: Set<string> | undefined;
  const keys = new Map<string, boolean>();
  const scan: Scan = {
    text,
    calls,
    constants,
    jsx: JSX_FILE.test(path),
    isNamespace(name) {
      namespaces ??= new Set([...text.matchAll(NAMESPACE)].map((match) => match[1] ?? ""));
      return namespaces.has(name);
    },
    keyRead(key) {
      let read = keys.get(key);
      if (read === undefined) {
        read = keyReadElsewhere(text, key);
        keys.set(key, read);
      }
      return read;
    },
  };
  for (const match of text.matchAll(UPPER_STRING)) {
    const start = match.index;
    if (inComment(text, start)) continue;
    const quote = text[start];
    // A template's text is followed through substitutions and concatenations alike; after a
    // word, a backtick tags a template (never followed) or sits in a string ('set `API_KEY`').
    if (quote === "}" || (quote === "`" && !afterWord(text, start))) return start;
    if (quote === "`") continue;
    if (mayBecomeName(scan, start, start + match[0].length)) return start;
  }
  return -1;
}

/** Whether the string at [start, end) may be a value some name is built from. */
function mayBecomeName(scan: Scan, start: number, end: number): boolean {
  const { text } = scan;
  let next = end;
  while (next < text.length && SPACE.test(text[next] ?? "")) next++;
  const after = text[next];
  const afterNext = text[next + 1];
  // `"A" === x`, `"A" != x`: a comparison's operand.
  if ((after === "=" || after === "!") && afterNext === "=") return false;
  // `"GET" | "POST"`: a type's union (or a bitwise or); `||` gives a value.
  if (after === "|" && afterNext !== "|") return false;
  if (commentBefore(text, start)) return true;
  const before = previousToken(text, start);
  const last = text[before];
  // `{ "A": 1 }`, `{ x, "A": 2 }`: an object's key (a ternary's `? "A" :` is a value).
  if (after === ":" && (last === "{" || last === ",")) return false;
  if (last === "=") {
    if (text[before - 1] === "=" || text[before - 1] === "!") return false;
    return !(scan.jsx && jsxAttribute(text, before, start));
  }
  if (last === ">" && text[before - 1] === "=") return false;
  if (last === "|" && text[before - 1] !== "|") return false;
  if (last === ":") return propertyValueMayName(scan, before);
  if (last === "(") return !deadCall(scan, before);
  if (last !== undefined && IDENTIFIER_CHAR.test(last)) return !DEAD_AFTER_WORD.has(wordEndingAt(text, before));
  return true;
}

/**
 * After `key:`: a property's value reaches a name only when the property is read (`x.key`, a
 * destructured `{ key }`: the file's fields, names.ts) or it is a constant an export may hold.
 * A `:` after anything but `{ key` or `, key` (a ternary, a label, a type) is not told apart.
 */
function propertyValueMayName(scan: Scan, colon: number): boolean {
  const { text } = scan;
  if (commentBefore(text, colon)) return true;
  const keyEnd = previousToken(text, colon);
  const quote = text[keyEnd];
  let key: string;
  let keyStart: number;
  if (quote === '"' || quote === "'") {
    keyStart = text.lastIndexOf(quote, keyEnd - 1);
    if (keyStart < 0) return true;
    key = text.slice(keyStart + 1, keyEnd);
    if (key === "" || key.includes("\n") || key.includes("\\")) return true;
  } else if (IDENTIFIER_CHAR.test(quote ?? "")) {
    key = wordEndingAt(text, keyEnd);
    keyStart = keyEnd - key.length + 1;
  } else return true;
  if (commentBefore(text, keyStart)) return true;
  const beforeKey = text[previousToken(text, keyStart)];
  if (beforeKey !== "{" && beforeKey !== ",") return true;
  return scan.constants || (scan.calls && scan.keyRead(key));
}

/**
 * Whether `key` appears other than as a key given a string (`key: "…"`): read as a member
 * (`x.key`, `x["key"]`), destructured (`{ key }`, `{ key: k }`), or given another value.
 */
function keyReadElsewhere(text: string, key: string): boolean {
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
    if (IDENTIFIER_CHAR.test(text[at - 1] ?? "") || IDENTIFIER_CHAR.test(text[at + key.length] ?? "")) continue;
    let next = at + key.length;
    if (text[next] === '"' || text[next] === "'") next++;
    while (next < text.length && SPACE.test(text[next] ?? "")) next++;
    if (text[next] !== ":") return true;
    next++;
    while (next < text.length && SPACE.test(text[next] ?? "")) next++;
    const value = text[next];
    if (value !== '"' && value !== "'") return true;
  }
  return false;
}

/**
 * `placeholder="URL"` in JSX: a name, `=` and the string with no space between, after a tag's
 * name or another attribute. A declaration written so (`const a="X"`, `readonly a="X"`) is not.
 */
function jsxAttribute(text: string, equals: number, string: number): boolean {
  if (equals !== string - 1) return false;
  const nameEnd = equals - 1;
  if (!IDENTIFIER_CHAR.test(text[nameEnd] ?? "")) return false;
  let nameStart = nameEnd;
  while (nameStart > 0 && /[\w$-]/.test(text[nameStart - 1] ?? "")) nameStart--;
  if (!SPACE.test(text[nameStart - 1] ?? "")) return false;
  const before = previousToken(text, nameStart);
  const last = text[before] ?? "";
  if (last === '"' || last === "'" || last === "}") return true;
  return IDENTIFIER_CHAR.test(last) && !DECLARING_WORDS.has(wordEndingAt(text, before));
}

/** Whether a word that cannot start an expression stands right before `start` (`tag\`…\``, `the \`X\``). */
function afterWord(text: string, start: number): boolean {
  if (commentBefore(text, start)) return false;
  const before = previousToken(text, start);
  return IDENTIFIER_CHAR.test(text[before] ?? "") && !BEFORE_EXPRESSION.has(wordEndingAt(text, before));
}

function wordEndingAt(text: string, end: number): string {
  let start = end;
  while (start > 0 && IDENTIFIER_CHAR.test(text[start - 1] ?? "")) start--;
  return text.slice(start, end + 1);
}

/**
 * Whether the `(` at `paren` opens the arguments of a call the links never follow: a method of
 * something other than a plain identifier (`expect(x).toBe(`, `a.b.c(`, `list[0].has(`), or of a
 * plain identifier that is not a namespace import or `this` (`console.log(`, `res.status(`).
 */
function deadCall(scan: Scan, paren: number): boolean {
  const { text } = scan;
  if (commentBefore(text, paren)) return false;
  const calleeEnd = previousToken(text, paren);
  if (!IDENTIFIER_CHAR.test(text[calleeEnd] ?? "")) return false;
  const callee = wordEndingAt(text, calleeEnd);
  if (GROUPING_WORDS.has(callee)) return false;
  const calleeStart = calleeEnd - callee.length + 1;
  if (commentBefore(text, calleeStart)) return false;
  let dot = previousToken(text, calleeStart);
  if (text[dot] !== "." || text[dot - 1] === ".") return false;
  if (text[dot - 1] === "?") dot--;
  if (commentBefore(text, dot)) return false;
  const objectEnd = previousToken(text, dot);
  const objectLast = text[objectEnd] ?? "";
  if (objectLast === ")") return !groupedIdentifier(text, objectEnd);
  if (!IDENTIFIER_CHAR.test(objectLast)) return objectLast !== "!";
  const object = wordEndingAt(text, objectEnd);
  const objectStart = objectEnd - object.length + 1;
  if (commentBefore(text, objectStart)) return false;
  const beforeObject = previousToken(text, objectStart);
  // `a.b.c(`: the method of a member, never followed; `...ns.get(` spreads a namespace's call.
  if (text[beforeObject] === "." && text[beforeObject - 1] !== ".") return true;
  return object !== "this" && !scan.isNamespace(object);
}

/** Whether the `)` at `close` ends `(name)`, a parenthesised identifier (the parser drops the parentheses). */
function groupedIdentifier(text: string, close: number): boolean {
  const nameEnd = previousToken(text, close);
  if (!IDENTIFIER_CHAR.test(text[nameEnd] ?? "")) return false;
  const name = wordEndingAt(text, nameEnd);
  const open = previousToken(text, nameEnd - name.length + 1);
  if (text[open] !== "(") return false;
  // `f(ns).get(`: a call's result, not a group.
  const beforeOpen = text[previousToken(text, open)] ?? "";
  return !(IDENTIFIER_CHAR.test(beforeOpen) || beforeOpen === ")" || beforeOpen === "]" || beforeOpen === ">");
}
