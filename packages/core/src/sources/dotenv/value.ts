// How dotenv turns the trimmed text of a value into the string it loads: surrounding quotes
// removed, and `\n` and `\r` escapes expanded when the value starts with a double quote.
import type { DotenvEntry } from "../../rule-api/types.js";
import { isLineTerminator } from "./chars.js";

type Quote = NonNullable<DotenvEntry["quote"]>;

function isQuote(char: string): char is Quote {
  return char === "'" || char === '"' || char === "`";
}

/** The loaded value, and the quote style when the whole trimmed value is quoted. */
export function loadedValue(trimmed: string): { value: string; quote: DotenvEntry["quote"] } {
  const first = trimmed.charAt(0);
  const stripped = stripQuotePairs(trimmed);
  const value = first === '"' ? expandEscapes(stripped) : stripped;
  const quote = isQuote(first) && trimmed.length >= 2 && trimmed.endsWith(first) ? first : null;
  return { value, quote };
}

/**
 * dotenv strips quote pairs line by line: a quote at the start of a line (U+2028 and U+2029 end
 * lines too) pairs with the last same quote that ends a line, however many lines later. A quoted
 * value is one such pair; an unquoted value containing U+2028 may hold several.
 */
function stripQuotePairs(value: string): string {
  const lastClosing = new Map<Quote, number>();
  for (let index = 1; index < value.length; index++) {
    const char = value.charAt(index);
    if (isQuote(char) && (index + 1 === value.length || isLineTerminator(value, index + 1))) {
      lastClosing.set(char, index);
    }
  }
  let result = "";
  let copied = 0;
  for (let index = 0; index < value.length; index++) {
    const char = value.charAt(index);
    if (!isQuote(char) || (index > 0 && !isLineTerminator(value, index - 1))) continue;
    const close = lastClosing.get(char);
    if (close === undefined || close <= index) continue;
    result += value.slice(copied, index) + value.slice(index + 1, close);
    copied = close + 1;
    index = close;
  }
  return result + value.slice(copied);
}

/** `\n` and `\r` become a line feed and a carriage return; every other backslash stays. */
function expandEscapes(value: string): string {
  let result = "";
  let copied = 0;
  for (let index = 0; index < value.length - 1; index++) {
    if (value.charAt(index) !== "\\") continue;
    const next = value.charAt(index + 1);
    if (next !== "n" && next !== "r") continue;
    result += `${value.slice(copied, index)}${next === "n" ? "\n" : "\r"}`;
    copied = index + 2;
    index++;
  }
  return result + value.slice(copied);
}
