// The entries of an example file (.env.example): real assignments and commented-out ones
// (`# NAME=value`, the usual way to list an optional variable), each with its documentation.
import type { DotenvLine, DotenvSource, Position } from "@deploylint/core/rule-api";
import { type Documentation, readDocumentation } from "./decorators.js";

export interface ExampleEntry {
  name: string;
  line: number;
  column: number;
  endColumn: number;
  /** The loaded value. Callers must never print it or put it in a fact. */
  value: string;
  commented: boolean;
  documentation: Documentation;
  /**
   * The description of the comment block heading the entry's group (the entries up to the blank
   * line above it), as in `# SMTP settings` over EMAIL_FROM and EMAIL_SERVER; null when none.
   * Only the description: a decorator such as @required stays with the entry right below it.
   */
  groupDescription: string | null;
  /** Variables the value expands (`${OTHER}` or `$OTHER`), which count as read. */
  references: string[];
  /**
   * The file's opening comment when it sends the reader to documentation elsewhere ("Full list of
   * environment variables with descriptions: https://docs…"): it describes every entry; null otherwise.
   */
  fileDescription: string | null;
}

const COMMENTED_ASSIGNMENT = /^(\s*#+\s*(?:export\s+)?)([A-Z_][A-Z0-9_]*)=(.*)$/;

export function readExample(source: DotenvSource, positionAt: (offset: number) => Position): ExampleEntry[] {
  const byLine = new Map(source.lines.map((line) => [line.line, line]));
  const fileDescription = pointerToDocs(source.lines);
  const entries: ExampleEntry[] = source.entries.map((entry) => {
    const start = positionAt(entry.keyRange.start);
    const above = commentBlockAbove(byLine, entry.line);
    return {
      name: entry.key,
      line: start.line,
      column: start.column,
      endColumn: start.column + entry.key.length,
      value: entry.value,
      commented: false,
      documentation: readDocumentation(above, entry.inlineComment),
      groupDescription: groupDescription(byLine, entry.line),
      // Single-quoted values are not expanded by dotenv-expand or shells.
      references: entry.quote === "'" ? [] : referencesIn(entry.value),
      fileDescription,
    };
  });
  const documented = new Set(entries.map((entry) => entry.name));
  for (const line of source.lines) {
    if (line.kind !== "comment") continue;
    const match = COMMENTED_ASSIGNMENT.exec(line.text);
    if (!match) continue;
    const [, lead = "", name = "", rawValue = ""] = match;
    // A real assignment of the same name wins: the comment is then an alternative value.
    if (documented.has(name)) continue;
    documented.add(name);
    const value = stripValue(rawValue);
    entries.push({
      name,
      line: line.line,
      column: lead.length + 1,
      endColumn: lead.length + 1 + name.length,
      value,
      commented: true,
      documentation: readDocumentation(commentBlockAbove(byLine, line.line)),
      groupDescription: groupDescription(byLine, line.line),
      references: referencesIn(value),
      fileDescription,
    });
  }
  return entries.sort((a, b) => a.line - b.line);
}

/**
 * The comment block the file opens with, when it points to documentation at a URL for what the
 * variables are (a word such as "description", "documentation" or "docs" and an http(s) link).
 */
function pointerToDocs(lines: readonly DotenvLine[]): string | null {
  const block: string[] = [];
  for (const line of lines) {
    if (line.kind !== "comment" || COMMENTED_ASSIGNMENT.test(line.text)) break;
    block.push(line.text.replace(/^\s*#+\s?/, ""));
  }
  const text = block.join(" ").trim();
  return /https?:\/\/\S+/.test(text) && /\b(descri\w*|documentation|docs|documented)\b/i.test(text) ? text : null;
}

/** Comment lines directly above `line`, stopping at a blank line, an entry or a commented assignment. */
function commentBlockAbove(byLine: Map<number, DotenvLine>, line: number): string[] {
  const block: string[] = [];
  for (let at = line - 1; at >= 1; at--) {
    const above = byLine.get(at);
    if (above?.kind !== "comment" || COMMENTED_ASSIGNMENT.test(above.text)) break;
    block.unshift(above.text.replace(/^\s*#+\s?/, ""));
  }
  return block;
}

/**
 * The nearest describing comment block above `line` within its group: walks up over entries,
 * commented-out entries and comment blocks that describe nothing (rulers, decorators), and stops
 * at a blank line or the top of the file.
 */
function groupDescription(byLine: Map<number, DotenvLine>, line: number): string | null {
  for (let at = line - 1; at >= 1; ) {
    const above = byLine.get(at);
    if (above === undefined || above.kind === "blank") return null;
    if (above.kind !== "comment" || COMMENTED_ASSIGNMENT.test(above.text)) {
      at--;
      continue;
    }
    const block = commentBlockAbove(byLine, at + 1);
    const { description } = readDocumentation(block);
    if (description !== null) return description;
    at -= block.length;
  }
  return null;
}

function stripValue(raw: string): string {
  const trimmed = raw.trim();
  const quote = trimmed[0];
  if ((quote === '"' || quote === "'") && trimmed.length >= 2 && trimmed.endsWith(quote)) return trimmed.slice(1, -1);
  return trimmed.replace(/\s+#.*$/, "");
}

function referencesIn(value: string): string[] {
  const names = new Set<string>();
  for (const match of value.matchAll(/(?<!\\)\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g)) {
    const name = match[1] ?? match[2];
    if (name) names.add(name);
  }
  return [...names];
}

/** The entries of the file being linted, read once for every rule and extractor of the run. */
export function exampleEntries(
  ctx: { memo<T>(key: string, compute: () => T): T; file: { lines: { positionAt(offset: number): Position } } },
  source: DotenvSource,
): ExampleEntry[] {
  return ctx.memo("env-docs:example-entries", () => readExample(source, (offset) => ctx.file.lines.positionAt(offset)));
}
