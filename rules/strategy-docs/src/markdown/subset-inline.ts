// The inline half of the subset reader (./subset-blocks.ts): plain text, code spans, `**strong**`
// and one-line `<!-- comments -->`, nothing else. Anything it cannot tell for certain (a link, an
// escape, an entity, a lone `*` or `_`) makes it answer null, and the document goes to micromark.
import type { Html, InlineCode, PhrasingContent, Text } from "mdast";

/** One line of an inline run: its text and where that text starts in the file (1-based). */
export interface Segment {
  text: string;
  line: number;
  column: number;
}

// A comment micromark reads the same under every CommonMark version: spaces inside both ends,
// no `--`, and none of the characters another inline construct could start on.
const COMMENT = /<!-- (?:[^-\n<>`*&\\[\]]|-(?!-))*? -->/y;
const ALNUM = /^[A-Za-z0-9]$/;
const ENTITY_START = /^[A-Za-z0-9#]$/;
// What may touch `**` on its outer side: then an opener can only open and a closer only close
// (CommonMark's flanking rules), and consecutive pairs are exactly the strong spans.
const BEFORE_OPENER = new Set([undefined, " ", "\n", "("]);
const AFTER_CLOSER = new Set([undefined, " ", "\n", ".", ",", ":", ";", ")", "!", "?"]);

/**
 * The phrasing nodes of `segments` (joined by line endings), flat: `**` pairs are dropped, as
 * `plain()` in ./read-document.ts reads a strong span as its text. Null when the run leaves the subset.
 */
export function readInline(segments: readonly Segment[]): PhrasingContent[] | null {
  const text = segments.map((segment) => segment.text).join("\n");
  const nodes: PhrasingContent[] = [];
  let pending = "";
  let inStrong = false;
  const flush = (): void => {
    if (pending !== "") nodes.push({ type: "text", value: pending } satisfies Text);
    pending = "";
  };
  let at = 0;
  while (at < text.length) {
    const char = text[at] as string;
    if (char === "`") {
      const code = codeSpanAt(text, at);
      if (code === null) return null;
      flush();
      nodes.push({ type: "inlineCode", value: code.value } satisfies InlineCode);
      at = code.end;
    } else if (char === "<") {
      COMMENT.lastIndex = at;
      const comment = COMMENT.exec(text);
      if (comment === null) return null;
      flush();
      nodes.push(htmlNode(comment[0], at, segments));
      at += comment[0].length;
    } else if (char === "*") {
      if (text[at + 1] !== "*" || text[at + 2] === "*") return null;
      const before = text[at - 1];
      const after = text[at + 2];
      if (!inStrong && BEFORE_OPENER.has(before) && after !== undefined && ALNUM.test(after)) inStrong = true;
      else if (inStrong && before !== undefined && ALNUM.test(before) && AFTER_CLOSER.has(after)) inStrong = false;
      else return null;
      at += 2;
    } else if (char === "_") {
      // Only inside a word (letters or digits on both sides), where `_` can neither open nor close.
      let end = at;
      while (text[end] === "_") end++;
      if (!ALNUM.test(text[at - 1] ?? "") || !ALNUM.test(text[end] ?? "")) return null;
      pending += text.slice(at, end);
      at = end;
    } else if (char === "\\" || char === "[" || char === "]") {
      return null;
    } else if (char === "&" && ENTITY_START.test(text[at + 1] ?? "")) {
      return null;
    } else {
      pending += char;
      at++;
    }
  }
  if (inStrong) return null;
  flush();
  return nodes;
}

/** The code span opening at `start`: a backtick run closed by the next run of the same length, on one line. */
function codeSpanAt(text: string, start: number): { value: string; end: number } | null {
  const size = runLength(text, start, "`");
  let search = start + size;
  for (;;) {
    const close = text.indexOf("`", search);
    if (close === -1) return null;
    const length = runLength(text, close, "`");
    if (length === size) {
      const content = text.slice(start + size, close);
      if (content.includes("\n")) return null;
      const padded = content.length > 1 && content.startsWith(" ") && content.endsWith(" ") && /[^ ]/.test(content);
      return { value: padded ? content.slice(1, -1) : content, end: close + length };
    }
    search = close + length;
  }
}

function runLength(text: string, start: number, char: string): number {
  let end = start;
  while (text[end] === char) end++;
  return end - start;
}

function htmlNode(value: string, offset: number, segments: readonly Segment[]): Html {
  const start = pointAt(offset, segments);
  const end = { line: start.line, column: start.column + value.length };
  return { type: "html", value, position: { start, end } };
}

/** Offset in the joined text to line and column in the file (a comment never spans lines). */
function pointAt(offset: number, segments: readonly Segment[]): { line: number; column: number } {
  let rest = offset;
  for (const segment of segments) {
    if (rest <= segment.text.length) return { line: segment.line, column: segment.column + rest };
    rest -= segment.text.length + 1;
  }
  throw new Error("strategy-docs: an inline offset past the end of its paragraph.");
}
