// Message text made safe for terminals and rendered formats: control characters (an ANSI escape
// in a column name could rewrite a terminal), lone surrogates and non-characters are dropped.

const UNPRINTABLE = /(?![\t\n\r])\p{Cc}|[\uFFFE\uFFFF]|\p{Cs}/gu;

/** Drops unprintable characters; tabs and line breaks stay for the caller to handle. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, "");
}

/** One line: line breaks become spaces as well. */
export function oneLine(text: string): string {
  return printable(text).replace(/\r\n|\r|\n/g, " ");
}
