// Turns the location forms a rule may report (offsets, positions, a line) into an offset range.
import type { LineIndex, OffsetRange, ReportLocation } from "../rule-api/types.js";

export function resolveLocation(location: ReportLocation | object, lines: LineIndex, textLength: number): OffsetRange {
  if ("range" in location) {
    const { start, end } = (location as { range: OffsetRange }).range;
    return clamp({ start, end: Math.max(start, end) }, textLength);
  }
  if ("start" in location) {
    const { start, end } = location as {
      start: { line: number; column: number };
      end?: { line: number; column: number };
    };
    const startOffset = lines.offsetAt(start);
    return clamp({ start: startOffset, end: end ? lines.offsetAt(end) : startOffset }, textLength);
  }
  if ("line" in location) {
    const spec = location as { line: number; column?: number; endLine?: number; endColumn?: number };
    const start = lines.offsetAt({ line: spec.line, column: spec.column ?? 1 });
    const endLine = spec.endLine ?? spec.line;
    const end =
      spec.endColumn !== undefined
        ? lines.offsetAt({ line: endLine, column: spec.endColumn })
        : lines.offsetAt({ line: endLine, column: lines.lineText(endLine).length + 1 });
    return clamp({ start, end: Math.max(start, end) }, textLength);
  }
  // No location: the finding is about the whole file and points at its first line.
  return { start: 0, end: lines.offsetAt({ line: 1, column: lines.lineText(1).length + 1 }) };
}

function clamp(range: OffsetRange, length: number): OffsetRange {
  const start = Math.max(0, Math.min(range.start, length));
  return { start, end: Math.max(start, Math.min(range.end, length)) };
}
