// The JSON source kind: the value with JSON.parse semantics, a YAML document of the same text
// for node ranges (built lazily), and a syntax error's position from a small scanner of our own.
import { type Document, parseDocument } from "yaml";
import type { JsonSource } from "../rule-api/types.js";
import type { ParseResult, SourceParseError } from "./yaml.js";

export interface ParseJsonOptions {
  /** Accept `//` and block comments and trailing commas (tsconfig.json, .vscode settings, *.jsonc). */
  jsonc?: boolean;
}

/**
 * Parses JSON with exactly JSON.parse's acceptance (duplicate keys allowed, last one wins;
 * trailing commas and comments rejected unless `jsonc`). A leading byte order mark is skipped.
 * The error message never quotes the text, which may hold a secret.
 */
export function parseJson(text: string, options: ParseJsonOptions = {}): ParseResult<JsonSource> {
  let body = text;
  if (options.jsonc) {
    const stripped = stripJsonc(text);
    if (typeof stripped !== "string") return { ok: false, error: stripped };
    body = stripped;
  }
  const start = body.startsWith("\uFEFF") ? 1 : 0;
  let value: unknown;
  try {
    value = JSON.parse(start ? body.slice(start) : body);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { ok: false, error: findJsonError(body, start) ?? fallbackError(error, start) };
  }
  return { ok: true, source: lazySource(value, body) };
}

/** Files that are JSON with comments by convention, whatever their extension says. */
export function isJsoncPath(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return (
    name.endsWith(".jsonc") ||
    /^(tsconfig|jsconfig)(\..+)?\.json$/.test(name) ||
    /^(\.?devcontainer|biome|\.eslintrc|turbo|deno)\.json$/.test(name) ||
    // Sublime SFTP writes its config with `//` comments (sftp-config.json).
    name === "sftp-config.json" ||
    /(^|\/)\.vscode\/[^/]+\.json$/.test(path)
  );
}

// Most JSON rules only read the value; the YAML document costs a second parse, so build it on demand.
function lazySource(value: unknown, text: string): JsonSource {
  let document: Document.Parsed | undefined;
  return {
    value,
    get document() {
      document ??= parseDocument(text, { uniqueKeys: false, prettyErrors: false });
      return document;
    },
  };
}

// Our scanner and V8 should always agree; if they ever do not, keep V8's position but not its
// message, which quotes the surrounding text.
function fallbackError(error: SyntaxError, start: number): SourceParseError {
  const position = /at position (\d+)/.exec(error.message)?.[1];
  return { message: "Invalid JSON.", offset: position === undefined ? start : start + Number(position) };
}

/** Blanks comments and trailing commas with spaces, so that every offset stays where it was. */
function stripJsonc(text: string): string | SourceParseError {
  const blanks: [number, number][] = [];
  let pendingComma = -1;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = skipString(text, i);
      pendingComma = -1;
    } else if (c === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? text.length : end;
      blanks.push([i, stop]);
      i = stop;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end === -1) return { message: "Unterminated block comment.", offset: i };
      blanks.push([i, end + 2]);
      i = end + 2;
    } else if (c === ",") {
      pendingComma = i;
      i++;
    } else if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
    } else {
      if ((c === "}" || c === "]") && pendingComma >= 0) blanks.push([pendingComma, pendingComma + 1]);
      pendingComma = -1;
      i++;
    }
  }
  if (blanks.length === 0) return text;
  blanks.sort((a, b) => a[0] - b[0]);
  let out = "";
  let from = 0;
  for (const [s, e] of blanks) {
    out += text.slice(from, s) + text.slice(s, e).replace(/[^\r\n]/g, " ");
    from = e;
  }
  return out + text.slice(from);
}

// Past the closing quote of the string at `i`, or the end of the text when it is unterminated.
function skipString(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    if (text[j] === "\\") j += 2;
    else if (text[j] === '"') return j + 1;
    else j++;
  }
  return j;
}

type Expect = "value" | "value-or-close" | "key" | "key-or-close" | "colon" | "after-value";

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const EXPECTED_VALUE = "Expected a JSON value (string, number, object, array, true, false or null).";

/**
 * Finds the first syntax error of strict JSON and where it is. Iterative, so that a deeply
 * nested file cannot overflow the stack; only called once JSON.parse has already failed.
 */
export function findJsonError(text: string, start = 0): SourceParseError | null {
  const stack: string[] = [];
  let expect: Expect = "value";
  let lastComma = -1;
  let i = start;
  for (;;) {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++;
    const c = text[i];
    if (c === undefined) {
      if (expect === "after-value" && stack.length === 0) return null;
      return { message: "Unexpected end of input: the JSON value is incomplete.", offset: i };
    }
    const top = stack.at(-1);
    if (expect === "after-value") {
      if (top === undefined) return { message: "Unexpected text after the JSON value.", offset: i };
      if (c === ",") {
        lastComma = i;
        expect = top === "{" ? "key" : "value";
      } else if (c === (top === "{" ? "}" : "]")) {
        stack.pop();
      } else {
        const message =
          top === "{" ? "Expected ',' or '}' after a property value." : "Expected ',' or ']' after an array element.";
        return { message, offset: i };
      }
      i++;
      continue;
    }
    if (expect === "colon") {
      if (c !== ":") return { message: "Expected ':' after a property name.", offset: i };
      expect = "value";
      i++;
      continue;
    }
    if ((c === "}" && top === "{" && expect === "key") || (c === "]" && top === "[" && expect === "value")) {
      return { message: "Trailing comma: JSON does not allow a comma before a closing bracket.", offset: lastComma };
    }
    if ((c === "}" && expect === "key-or-close") || (c === "]" && expect === "value-or-close")) {
      stack.pop();
      expect = "after-value";
      i++;
      continue;
    }
    if (expect === "key" || expect === "key-or-close") {
      if (c !== '"') return { message: "Expected a double-quoted property name.", offset: i };
      const end = scanString(text, i);
      if (typeof end !== "number") return end;
      i = end;
      expect = "colon";
      continue;
    }
    // expect is "value" or "value-or-close"
    if (c === "{" || c === "[") {
      stack.push(c);
      expect = c === "{" ? "key-or-close" : "value-or-close";
      i++;
      continue;
    }
    const end = scanScalar(text, i);
    if (typeof end !== "number") return end;
    i = end;
    expect = "after-value";
  }
}

function scanScalar(text: string, i: number): number | SourceParseError {
  const c = text[i];
  if (c === '"') return scanString(text, i);
  for (const literal of ["true", "false", "null"]) {
    if (text.startsWith(literal, i)) return i + literal.length;
  }
  NUMBER.lastIndex = i;
  const match = NUMBER.exec(text);
  if (!match) return { message: EXPECTED_VALUE, offset: i };
  const end = i + match[0].length;
  if (match[1] === "0" && /[0-9]/.test(text[end] ?? "")) {
    return { message: "Invalid number: JSON does not allow leading zeros.", offset: i };
  }
  if (text[end] === "." || text[end] === "e" || text[end] === "E") {
    return { message: "Invalid number: a digit must follow '.' and the exponent.", offset: end };
  }
  return end;
}

function scanString(text: string, i: number): number | SourceParseError {
  for (let j = i + 1; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === 0x22) return j + 1;
    if (code < 0x20) return { message: "Unescaped control character in a string; write it as an escape.", offset: j };
    if (code === 0x5c) {
      const next = text[j + 1] ?? "";
      if (next === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) {
          return { message: "Invalid \\u escape: it needs four hex digits.", offset: j };
        }
        j += 5;
      } else if ('"\\/bfnrt'.includes(next) && next !== "") {
        j += 1;
      } else {
        return { message: "Invalid escape sequence in a string.", offset: j };
      }
    }
  }
  return { message: "Unterminated string.", offset: i };
}
