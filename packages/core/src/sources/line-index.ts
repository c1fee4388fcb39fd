// Offset <-> line/column conversion for one file, built once per file on first use.
import type { LineIndex, Position } from "../rule-api/types.js";

export function createLineIndex(text: string): LineIndex {
  const starts = lineStarts(text);
  const lineEnd = (index: number): number => {
    let end = index + 1 < starts.length ? (starts[index + 1] as number) : text.length;
    while (end > (starts[index] as number) && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13))
      end--;
    return end;
  };
  return {
    lineCount: starts.length,
    positionAt(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((starts[mid] as number) <= clamped) low = mid;
        else high = mid - 1;
      }
      return { line: low + 1, column: clamped - (starts[low] as number) + 1 };
    },
    offsetAt(position: Position) {
      const index = Math.max(0, Math.min(position.line - 1, starts.length - 1));
      return Math.min((starts[index] as number) + Math.max(0, position.column - 1), lineEnd(index));
    },
    lineText(line) {
      const index = line - 1;
      if (index < 0 || index >= starts.length) return "";
      return text.slice(starts[index], lineEnd(index));
    },
  };
}

/** Where each line starts: after every LF, and after every CR not followed by an LF. */
function lineStarts(text: string): number[] {
  const starts = [0];
  // Most files have no CR: then every line ends at an LF, found by indexOf, which searches far
  // faster than a loop over every character (a file's index is built before its first report).
  if (!text.includes("\r")) {
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}
