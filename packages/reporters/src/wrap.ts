// Word wrapping for the human reports. Text breaks only at spaces, so a path or a URL (which hold
// none) is never cut: a word longer than the room gets a line of its own and overflows it, which a
// terminal shows whole and a reader can still click or copy.

/** Characters as a terminal counts them closely enough: code points, not UTF-16 units. */
export function textWidth(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Pads with spaces to `width` code points (String.padEnd counts UTF-16 units). */
export function padTo(text: string, width: number): string {
  const missing = width - textWidth(text);
  return missing > 0 ? text + " ".repeat(missing) : text;
}

/**
 * Splits `text` into lines of at most `width` code points, breaking at spaces. Without a width
 * (output that is not a terminal) the text stays one line.
 */
export function wrapWords(text: string, width: number | undefined): string[] {
  if (width === undefined || textWidth(text) <= width) return [text];
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    if (word === "") continue;
    if (current === "") current = word;
    else if (textWidth(current) + 1 + textWidth(word) <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== "") lines.push(current);
  return lines.length > 0 ? lines : [""];
}
