// Where the keys of a dotenv file are: parsed entries, and the `NAME=` part of lines dotenv skips
// (dotenv-linter still judges those names, and a skipped line is exactly what needs fixing).
import type { DotenvEntry, DotenvLine } from "@deploylint/core/rule-api";
import type { CheckInput } from "./types.js";

export interface KeyRef {
  key: string;
  /** Offset of the key's first character in the file. */
  start: number;
  line: number;
  /** The parsed entry, or null for a line dotenv skips. */
  entry: DotenvEntry | null;
}

const EXPORT_PREFIX = /^export\s+/;

export function keyRefs(input: CheckInput): KeyRef[] {
  const refs: KeyRef[] = input.source.entries.map((entry) => ({
    key: entry.key,
    start: entry.keyRange.start,
    line: entry.line,
    entry,
  }));
  for (const line of input.source.lines) {
    const ref = line.kind === "invalid" ? skippedLineKey(line, input) : null;
    if (ref) refs.push(ref);
  }
  return refs.sort((a, b) => a.start - b.start);
}

/** The name before the first `=` of a line dotenv skips, or null when the line has no `=`. */
function skippedLineKey(line: DotenvLine, input: CheckInput): KeyRef | null {
  const equals = line.text.indexOf("=");
  if (equals < 0) return null;
  const head = line.text.slice(0, equals);
  const indent = head.length - head.trimStart().length;
  const prefix = EXPORT_PREFIX.exec(head.slice(indent))?.[0].length ?? 0;
  const key = head.slice(indent + prefix).trimEnd();
  if (key === "") return null;
  const start = input.file.lines.offsetAt({ line: line.line, column: indent + prefix + 1 });
  return { key, start, line: line.line, entry: null };
}

/** Offset of the first character of a 1-based line. */
export function lineStart(input: CheckInput, line: number): number {
  return input.file.lines.offsetAt({ line, column: 1 });
}

/** How a character is named in a message: visible ones quoted, whitespace by name. */
export function describeCharacter(character: string): string {
  if (character === " ") return "a space";
  if (character === "\t") return "a tab";
  if (/\s/.test(character)) return "whitespace";
  return `"${character}"`;
}
