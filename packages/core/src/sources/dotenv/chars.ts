// Character classes of the dotenv grammar, as JavaScript defines them: dotenv reads lines with a
// regular expression, so its whitespace, line breaks and word characters are the regex ones.

const WHITESPACE = /\s/;

/** `\s`: ASCII and Unicode spaces, line breaks and the byte order mark. */
export function isWhitespace(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (Number.isNaN(code)) return false;
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && WHITESPACE.test(text.charAt(index));
}

/** Where a line ends for `^`, `$` and `.`: U+2028 and U+2029 count, not only `\n` and `\r`. */
export function isLineTerminator(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/** A key character: ASCII letter, digit, `_`, `.` or `-`. */
export function isKeyChar(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 46 ||
    code === 45
  );
}

export function skipWhitespace(text: string, from: number): number {
  let index = from;
  while (isWhitespace(text, index)) index++;
  return index;
}

/** The end of the line containing `from` (its line terminator, or the end of the text). */
export function lineEnd(text: string, from: number): number {
  let index = from;
  while (index < text.length && !isLineTerminator(text, index)) index++;
  return index;
}

/** The first line start at or after `from`. */
export function lineStartAtOrAfter(text: string, from: number): number {
  if (from === 0 || isLineTerminator(text, from - 1)) return from;
  return lineStartAfter(text, from);
}

/** The first line start strictly after `from` (the text's length when there is none). */
export function lineStartAfter(text: string, from: number): number {
  const end = lineEnd(text, from);
  return end < text.length ? end + 1 : text.length;
}
