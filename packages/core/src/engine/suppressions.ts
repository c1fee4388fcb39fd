// Inline suppressions in each language's comment syntax:
//   -- deploylint-disable-next-line migrations/no-drop-table -- reason      (SQL)
//   // deploylint-disable-line secrets/no-hardcoded-secret -- reason        (scripts)
//   # deploylint-disable secrets/*                                          (YAML, dotenv, shell; to the end of the file or a matching enable)
// Directives are parsed in the per-file phase (they are plain JSON) and applied after the
// project phase, so a project finding in a file can be suppressed there too.
import type { LineIndex, SourceKind, SqlDialect, TSESTree } from "../rule-api/types.js";
import { commentRanges } from "../sources/comments/index.js";
import { createLineIndex } from "../sources/line-index.js";

export type DirectiveKind = "disable" | "enable" | "disable-line" | "disable-next-line";

export interface Directive {
  kind: DirectiveKind;
  /** 1-based line of the comment. */
  line: number;
  column: number;
  /** Rule ids or patterns ("secrets/*"); empty means every rule. */
  rules: string[];
  reason: string | null;
}

const COMMENT_MARKERS: Record<SourceKind, string[]> = {
  sql: ["--", "/*", "#"],
  script: ["//", "/*"],
  yaml: ["#"],
  dotenv: ["#"],
  json: ["//", "/*"],
  markdown: ["<!--"],
  text: ["#", "//", "--", "/*", "<!--", ";"],
  // A binary file has no comments (its text is empty); the config's ignores cover it.
  binary: [],
};

const DIRECTIVE = /deploylint-(disable-next-line|disable-line|disable|enable)(?![\w-])/g;

/**
 * The directives of a file. With `comments` (the file's real comments, from its parser or a scanner
 * of its language) a directive counts only where a comment starts with it: the same words inside a
 * string, a template literal or a YAML/dotenv value are text. Without (markdown, plain text) the
 * line rules below decide.
 */
export function parseDirectives(
  text: string,
  kind: SourceKind,
  options: { sqlDialect?: SqlDialect; parsedScriptComments?: () => TSESTree.Comment[] | null } = {},
): Directive[] {
  const comments = commentRanges({
    text,
    kind,
    sqlDialect: options.sqlDialect ?? "postgresql",
    parsedScriptComments: options.parsedScriptComments ?? (() => null),
  });
  if (comments === null) return parseLineDirectives(text, kind);
  const directives: Directive[] = [];
  let lines: LineIndex | undefined;
  for (const comment of comments) {
    const body = text.slice(comment.start, comment.end);
    const match = COMMENT_DIRECTIVE.exec(body);
    if (match === null) continue;
    lines ??= createLineIndex(text);
    const start = lines.positionAt(comment.start);
    const rest = stripCommentClose(body.slice(match[0].length).split(/\r\n|\r|\n/, 1)[0] ?? "");
    directives.push(directive(match[1] as DirectiveKind, { line: start.line, column: start.column }, rest));
  }
  return directives;
}

// A comment that opens with a directive: its marker, optional spaces, then the directive.
const COMMENT_DIRECTIVE =
  /^(?:--|#|\/\/|\/\*+|<!--)[ \t]*deploylint-(disable-next-line|disable-line|disable|enable)(?![\w-])/;

function directive(kind: DirectiveKind, at: { line: number; column: number }, rest: string): Directive {
  const [rulesPart, reasonPart] = splitReason(rest);
  return {
    kind,
    line: at.line,
    column: at.column,
    rules: rulesPart
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean),
    reason: reasonPart,
  };
}

function parseLineDirectives(text: string, kind: SourceKind): Directive[] {
  const markers = COMMENT_MARKERS[kind];
  const directives: Directive[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, index) => {
    if (!lineText.includes("deploylint-")) return;
    for (const match of lineText.matchAll(DIRECTIVE)) {
      const at = match.index ?? 0;
      const before = lineText.slice(0, at).trimEnd();
      // The directive must open a comment: only whitespace between the marker and it.
      const marker = markers.find((m) => before.endsWith(m));
      if (!marker) continue;
      const prefix = before.slice(0, before.length - marker.length);
      // Inside a string, or quoted inside another comment (a doc comment showing the syntax): not a directive.
      if (insideString(prefix) || markers.some((m) => prefix.includes(m))) continue;
      const rest = stripCommentClose(lineText.slice(at + match[0].length));
      const position = { line: index + 1, column: before.length - marker.length + 1 };
      directives.push(directive(match[1] as DirectiveKind, position, rest));
    }
  });
  return directives;
}

// The directive text inside a string literal ("// deploylint-disable…" in a test) is not a
// comment. A line scan cannot know for sure, but an odd count of a quote character before the
// marker means the marker sits inside a string on that line.
function insideString(prefix: string): boolean {
  for (const quote of ['"', "'", "`"]) {
    let count = 0;
    for (let i = 0; i < prefix.length; i++) if (prefix[i] === quote && prefix[i - 1] !== "\\") count++;
    if (count % 2 === 1) return true;
  }
  return false;
}

function stripCommentClose(text: string): string {
  return text.replace(/\s*(\*\/|-->)\s*$/, "");
}

/** "rule-a, rule-b -- why" -> ["rule-a, rule-b", "why"]. */
function splitReason(text: string): [string, string | null] {
  const separator = text.search(/(^|\s)--(\s|$)/);
  if (separator < 0) return [text.trim(), null];
  const reason = text
    .slice(separator)
    .replace(/^\s*--\s*/, "")
    .trim();
  return [text.slice(0, separator).trim(), reason || null];
}

export function directiveMatches(pattern: string, ruleId: string): boolean {
  if (pattern === ruleId || pattern === "*") return true;
  if (pattern.endsWith("/*")) return ruleId.startsWith(pattern.slice(0, -1));
  return false;
}

interface Suppressible {
  ruleId: string;
  line: number;
}

export interface SuppressionOutcome<T> {
  kept: T[];
  suppressed: { finding: T; directive: Directive }[];
  /** Directive rule entries (or whole directives, with rule "*") that suppressed nothing. */
  unused: { directive: Directive; rule: string }[];
}

/**
 * Applies one file's directives to its findings. `activeRules` are the rules that ran on the
 * file: a directive for a rule that did not run (another pack, --only) is not judged unused.
 */
export function applySuppressions<T extends Suppressible>(options: {
  findings: T[];
  directives: Directive[];
  activeRules: ReadonlySet<string>;
}): SuppressionOutcome<T> {
  const { findings, directives, activeRules } = options;
  const used = new Set<string>();
  const key = (directive: Directive, rule: string) => `${directive.line}:${directive.column}:${rule}`;
  const kept: T[] = [];
  const suppressed: SuppressionOutcome<T>["suppressed"] = [];
  const firstCovering = coveringLookup(directives);
  for (const finding of findings) {
    const hit = firstCovering(finding);
    if (!hit) {
      kept.push(finding);
      continue;
    }
    suppressed.push({ finding, directive: hit });
    const rule = hit.rules.find((pattern) => directiveMatches(pattern, finding.ruleId)) ?? "*";
    used.add(key(hit, rule));
  }
  const unused: SuppressionOutcome<T>["unused"] = [];
  for (const directive of directives) {
    if (directive.kind === "enable") continue;
    const rules = directive.rules.length > 0 ? directive.rules : ["*"];
    for (const rule of rules) {
      if (used.has(key(directive, rule))) continue;
      const judged = [...activeRules].some((id) => directiveMatches(rule, id));
      if (judged) unused.push({ directive, rule });
    }
  }
  return { kept, suppressed, unused };
}

/**
 * `finding => directives.find(d => covers(d, finding, directives))`, without trying every directive
 * per finding: line directives are looked up by the line they cover, so a migration of 200,000
 * statements each with its own disable-next-line stays linear. Regions (`disable`) are few.
 */
function coveringLookup(directives: Directive[]): (finding: Suppressible) => Directive | undefined {
  const byLine = new Map<number, number[]>();
  const regions: number[] = [];
  directives.forEach((directive, index) => {
    if (directive.kind === "disable") regions.push(index);
    if (directive.kind !== "disable-line" && directive.kind !== "disable-next-line") return;
    const line = directive.kind === "disable-line" ? directive.line : directive.line + 1;
    const list = byLine.get(line);
    if (list) list.push(index);
    else byLine.set(line, [index]);
  });
  return (finding) => {
    // The first directive in file order that covers the finding, as a plain find would return.
    let first = Number.POSITIVE_INFINITY;
    for (const index of [...(byLine.get(finding.line) ?? []), ...regions]) {
      if (index < first && covers(directives[index] as Directive, finding, directives)) first = index;
    }
    return directives[first];
  };
}

function names(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.some((pattern) => directiveMatches(pattern, ruleId));
}

function covers(directive: Directive, finding: Suppressible, all: Directive[]): boolean {
  if (!names(directive, finding.ruleId)) return false;
  switch (directive.kind) {
    case "disable-line":
      return finding.line === directive.line;
    case "disable-next-line":
      return finding.line === directive.line + 1;
    case "disable": {
      if (finding.line < directive.line) return false;
      // A later `deploylint-enable` for the same rule ends the region.
      const enabled = all.some(
        (other) =>
          other.kind === "enable" &&
          other.line > directive.line &&
          other.line <= finding.line &&
          names(other, finding.ruleId),
      );
      return !enabled;
    }
    case "enable":
      return false;
  }
}
