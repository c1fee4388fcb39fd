// Splits a parenthesised list (call arguments, a SQL VALUES tuple) into its items, respecting
// quotes and nested parentheses, in a text no parser reads. Bounded: it stops at the line's end
// for calls, or after a fixed number of characters.

export interface ListItem {
  /** The item's text, trimmed. */
  raw: string;
  /** The string when the item is one quoted literal ('…', "…", SQL '' escapes undone), else null. */
  string: string | null;
  /** Offsets of the item (quotes included). */
  start: number;
  end: number;
}

const MAX_LIST = 20000;

export interface List {
  items: ListItem[];
  /** Offset of the closing `)`. */
  close: number;
}

/** The items of the list whose `(` is at `open`, or null when it does not close within bounds. */
export function splitList(text: string, open: number, options: { singleLine?: boolean } = {}): List | null {
  const items: ListItem[] = [];
  let depth = 0;
  let itemStart = open + 1;
  const limit = Math.min(text.length, open + MAX_LIST);
  for (let i = open + 1; i < limit; i++) {
    const char = text[i];
    if (char === "\n" && options.singleLine) return null;
    if (char === "'" || char === '"' || char === "`") {
      i = closingQuote(text, i, limit);
      if (i < 0) return null;
      continue;
    }
    if (char === "(" || char === "[" || char === "{") depth++;
    else if ((char === ")" || char === "]" || char === "}") && depth > 0) depth--;
    else if (char === ")" || (char === "," && depth === 0)) {
      items.push(item(text, itemStart, i));
      itemStart = i + 1;
      if (char === ")") return { items, close: i };
    }
  }
  return null;
}

/** Offset of the quote closing the one at `at` (a doubled quote is an escape, as in SQL), or -1. */
function closingQuote(text: string, at: number, limit: number): number {
  const quote = text[at];
  for (let i = at + 1; i < limit; i++) {
    const char = text[i];
    if (char === "\\") i++;
    else if (char === quote) {
      if (text[i + 1] === quote && quote === "'") i++;
      else return i;
    } else if (char === "\n" && quote !== "`") return -1;
  }
  return -1;
}

function item(text: string, from: number, to: number): ListItem {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  const raw = text.slice(start, end);
  const quoted = /^(["'])([\s\S]*)\1$/.exec(raw);
  const string =
    quoted?.[2] !== undefined && closingQuote(raw, 0, raw.length) === raw.length - 1
      ? unescapeQuotes(quoted[2], quoted[1] ?? "")
      : null;
  return { raw, string, start, end };
}

function unescapeQuotes(body: string, quote: string): string {
  return quote === "'" ? body.replace(/''/g, "'") : body;
}
