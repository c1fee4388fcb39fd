// A coarse tokenizer for clauses of a statement (a column definition, an ALTER TABLE action):
// words, quoted names, strings, and balanced parenthesised groups as single tokens.

export interface ClauseToken {
  text: string;
  /** Upper-cased text for words; the text itself otherwise. */
  upper: string;
  kind: "word" | "quoted" | "string" | "group" | "punct";
}

function closeQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === "\\" && quote === "'") {
      i += 2;
      continue;
    }
    if (text[i] === quote) {
      if (text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return text.length;
}

function closeGroup(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (ch === "'" || ch === '"' || ch === "`") {
      i = closeQuote(text, i, ch);
      continue;
    }
    if (ch === "(") depth++;
    else if (ch === ")") {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return text.length;
}

/**
 * `/\s/` for one UTF-16 unit. The tokenizer asks it of every character of every column definition;
 * a regular expression per character was most of reading a CREATE TABLE.
 */
function isSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `/[\w$.]/` for one UTF-16 unit: ASCII letters and digits, `_`, `$` and `.`. */
function isWordUnit(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36 ||
    code === 46
  );
}

export function clauseTokens(text: string): ClauseToken[] {
  const tokens: ClauseToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    if (ch === "-" && text[i + 1] === "-") {
      const nl = text.indexOf("\n", i);
      i = nl === -1 ? text.length : nl;
      continue;
    }
    let end: number;
    let kind: ClauseToken["kind"];
    if (ch === "'") [end, kind] = [closeQuote(text, i, "'"), "string"];
    else if (ch === '"' || ch === "`") [end, kind] = [closeQuote(text, i, ch), "quoted"];
    else if (ch === "(") [end, kind] = [closeGroup(text, i), "group"];
    else if (isWordUnit(text.charCodeAt(i))) {
      end = i + 1;
      while (end < text.length && isWordUnit(text.charCodeAt(end))) end++;
      kind = "word";
    } else [end, kind] = [ch === ":" && text[i + 1] === ":" ? i + 2 : i + 1, "punct"];
    const body = text.slice(i, end);
    tokens.push({ text: body, upper: kind === "word" ? body.toUpperCase() : body, kind });
    i = end;
  }
  return tokens;
}

/** Splits on commas outside parentheses and quotes. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (ch === "'" || ch === '"' || ch === "`") {
      i = closeQuote(text, i, ch);
      continue;
    }
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
    i++;
  }
  parts.push(text.slice(start).trim());
  return parts.filter((part) => part !== "");
}

/** The text inside the first top-level parenthesised group after `from`, or null. */
export function firstGroupBody(text: string, from = 0): { body: string; end: number } | null {
  let i = from;
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (ch === "'" || ch === '"' || ch === "`") {
      i = closeQuote(text, i, ch);
      continue;
    }
    if (ch === "(") {
      const end = closeGroup(text, i);
      return { body: text.slice(i + 1, end - 1), end };
    }
    i++;
  }
  return null;
}

const isQuote = (ch: string): boolean => ch === "'" || ch === '"' || ch === "`";

/**
 * splitTopLevel of firstGroupBody's body, read in the one pass that finds where the group ends: a
 * CREATE TABLE's column list was read three times over, once to close it, once to split it and
 * once per column. Where the group never closes, the body is split as before.
 */
export function firstGroupItems(text: string, from = 0): { items: string[]; end: number } | null {
  let i = from;
  while (i < text.length && text[i] !== "(")
    i = isQuote(text[i] as string) ? closeQuote(text, i, text[i] as string) : i + 1;
  if (i >= text.length) return null;
  const open = i;
  const items: string[] = [];
  let depth = 0;
  let start = open + 1;
  while (i < text.length) {
    const ch = text[i] as string;
    if (isQuote(ch)) {
      i = closeQuote(text, i, ch);
      continue;
    }
    if (ch === "(") depth++;
    else if (ch === ")") {
      depth--;
      if (depth === 0) {
        items.push(text.slice(start, i).trim());
        return { items: items.filter((item) => item !== ""), end: i + 1 };
      }
    } else if (ch === "," && depth === 1) {
      items.push(text.slice(start, i).trim());
      start = i + 1;
    }
    i++;
  }
  return { items: splitTopLevel(text.slice(open + 1, text.length - 1)), end: text.length };
}
