// A reader for the plain subset of markdown that `deploylint strategy` writes and people keep when
// they fill a document in: ATX headings, paragraphs, one-line comments, pipe tables and simple
// lists (./subset-inline.ts for the text in them). It answers the mdast tree micromark would give
// (the parts ./read-document.ts reads, with the same positions), or null as soon as a line could
// mean anything else, and then micromark reads the document.
// WHY a reader of our own: micromark is exact but slow to start. The 8 KB strategy document of the
// example shop cost ~65 ms of a 0.45 s run, nearly all of it micromark's tokenizer running cold
// (each run reads one or two documents, so V8 never gets to optimise it); this reader takes ~1 ms.
// Every document it accepts is compared with micromark's reading in test/subset-reader.test.ts.
import type { Heading, Html, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table } from "mdast";
import { readInline, type Segment } from "./subset-inline.js";

/** Why the subset reader gave up: thrown inside it, caught by readSubset, never seen outside. */
class OutsideSubset extends Error {}

const HEADING = /^(#{1,6}) +(.*[^# ])$/;
const ITEM = /^( *)([-+*]|\d{1,9}[.)]) (?! )/;
const MAX_INDENT = 64;
const DELIMITER_ROW = /^\|(?: *:?-+:? *\|)+$/;
// Characters that may start something other than a paragraph line (a block, a fence, a table
// delimiter row, an indented or lazy line): a line starting with one is not a plain line.
const NOT_PLAIN_START = new Set([" ", "#", ">", "-", "+", "*", "_", "=", "<", "|", "[", "~", ":", "\\"]);

/** The document as mdast, or null when some line is outside the subset (then micromark reads it). */
export function readSubset(text: string): Root | null {
  // Tabs (columns of 4), carriage returns, NUL and a byte order mark each change how micromark counts or reads.
  if (/[\t\r\0\uFEFF]/.test(text)) return null;
  try {
    return new SubsetReader(text.split("\n")).read();
  } catch (error) {
    if (error instanceof OutsideSubset) return null;
    throw error;
  }
}

interface Item {
  node: ListItem;
  type: string;
}

class SubsetReader {
  private at = 0;

  constructor(private readonly lines: readonly string[]) {}

  read(): Root {
    const children: RootContent[] = [];
    while (this.at < this.lines.length) {
      const line = this.line(this.at);
      if (isBlank(line)) this.at++;
      else if (line.startsWith(" ")) throw new OutsideSubset();
      else if (line.startsWith("|")) children.push(this.table());
      else if (ITEM.test(line)) children.push(...this.lists(0, false));
      else children.push(this.singleLine(line) ?? this.paragraph());
    }
    return { type: "root", children };
  }

  private line(index: number): string {
    const line = this.lines[index] ?? "";
    // Trailing spaces may be a hard break, or end a heading or a cell a column early.
    if (/ $/.test(line) && !isBlank(line)) throw new OutsideSubset();
    return line;
  }

  /** A heading or a one-line comment at `this.at`, or null for a paragraph line. */
  private singleLine(line: string): Heading | Html | null {
    const spot = lineSpot(this.at, line);
    const heading = HEADING.exec(line);
    if (heading) {
      const content = (heading[2] as string).replace(/^ +/, "");
      const column = line.length - content.length + 1;
      this.at++;
      return {
        type: "heading",
        depth: (heading[1] as string).length as Heading["depth"],
        children: inline([{ text: content, line: spot.start.line, column }]),
        position: spot,
      };
    }
    if (isComment(line)) {
      this.at++;
      return { type: "html", value: line, position: spot };
    }
    if (!isPlain(line)) throw new OutsideSubset();
    return null;
  }

  private paragraph(): Paragraph {
    const first = this.at;
    const segments: Segment[] = [];
    while (this.at < this.lines.length) {
      const line = this.line(this.at);
      if (segments.length > 0 && endsParagraph(line)) break;
      if (!isPlain(line)) throw new OutsideSubset();
      segments.push({ text: line, line: this.at + 1, column: 1 });
      this.at++;
    }
    const last = this.line(this.at - 1);
    return { type: "paragraph", children: inline(segments), position: spanOf(first, 1, this.at - 1, last.length + 1) };
  }

  private table(): Table {
    const first = this.at;
    const header = cellsOf(this.line(first), first);
    const columns = header.length;
    const delimiter = this.line(first + 1);
    if (!DELIMITER_ROW.test(delimiter) || delimiter.split("|").length - 2 !== columns) throw new OutsideSubset();
    const rows = [header];
    this.at = first + 2;
    while (this.at < this.lines.length && !isBlank(this.line(this.at))) {
      const row = cellsOf(this.line(this.at), this.at);
      if (row.length !== columns) throw new OutsideSubset();
      rows.push(row);
      this.at++;
    }
    const end = this.line(this.at - 1).length + 1;
    return {
      type: "table",
      children: rows.map((cells) => ({ type: "tableRow", children: cells })),
      position: spanOf(first, 1, this.at - 1, end),
    };
  }

  /**
   * The lists starting at `this.at` whose items sit at `indent`, one after another (a new marker
   * type starts a new list). `afterText`: the line before is paragraph text, which only a bullet
   * or a list starting at 1 may interrupt (else the line would continue the paragraph).
   */
  private lists(indent: number, afterText: boolean): List[] {
    // Deeper nesting is left to micromark, so that a hostile document cannot exhaust the stack here.
    if (indent > MAX_INDENT) throw new OutsideSubset();
    const lists: List[] = [];
    let current: { list: List; type: string } | null = null;
    let textBefore = afterText;
    while (this.at < this.lines.length) {
      const line = this.line(this.at);
      const marker = ITEM.exec(line);
      if (marker === null || (marker[1] as string).length !== indent) break;
      const item = this.item(line, marker[2] as string, indent);
      if (current === null || current.type !== item.type) {
        const number = marker[2] as string;
        if (textBefore && !(item.type === "-" || item.type === "+" || item.type === "*" || /^1[.)]$/.test(number)))
          throw new OutsideSubset();
        current = {
          list: { type: "list", ordered: !isBullet(item.type), spread: false, children: [] },
          type: item.type,
        };
        lists.push(current.list);
      }
      current.list.children.push(item.node);
      textBefore = !this.skipBlankBeforeItem(indent);
    }
    return lists;
  }

  /**
   * Past blank lines, when an item of this list level (or a nested or outer one) follows them.
   * Returns whether the next line is preceded by a blank line (false when there was none).
   */
  private skipBlankBeforeItem(indent: number): boolean {
    let next = this.at;
    while (next < this.lines.length && isBlank(this.line(next))) next++;
    if (next === this.at) return false;
    const following = next < this.lines.length ? this.line(next) : "";
    const marker = ITEM.exec(following);
    if (marker && (marker[1] as string).length === indent) this.at = next;
    else if (following.startsWith(" ")) throw new OutsideSubset();
    return true;
  }

  private item(line: string, marker: string, indent: number): Item {
    const first = this.at;
    const offset = indent + marker.length + 1;
    const segments: Segment[] = [{ text: line.slice(offset), line: first + 1, column: offset + 1 }];
    if (!isPlain(line.slice(offset))) throw new OutsideSubset();
    this.at++;
    const children: ListItem["children"] = [];
    let end = { line: first + 1, column: line.length + 1 };
    // Continuation lines at the content's indent belong to the item's paragraph.
    while (this.at < this.lines.length) {
      const next = this.line(this.at);
      if (ITEM.test(next) || !next.startsWith(" ".repeat(offset)) || isBlank(next)) break;
      const rest = next.slice(offset);
      if (!isPlain(rest)) throw new OutsideSubset();
      segments.push({ text: rest, line: this.at + 1, column: offset + 1 });
      end = { line: this.at + 1, column: next.length + 1 };
      this.at++;
    }
    children.push({
      type: "paragraph",
      children: inline(segments),
      position: { start: { line: first + 1, column: offset + 1 }, end },
    });
    let textBefore = true;
    while (this.at < this.lines.length) {
      let next = this.at;
      while (next < this.lines.length && isBlank(this.line(next))) next++;
      const following = next < this.lines.length ? this.line(next) : "";
      const nested = ITEM.exec(following);
      if (nested === null || (nested[1] as string).length !== offset) {
        this.checkItemEnd(following, next, indent);
        break;
      }
      textBefore = next === this.at;
      this.at = next;
      const lists = this.lists(offset, textBefore);
      children.push(...lists);
      const lastList = lists.at(-1);
      const lastEnd = lastList?.children.at(-1)?.position?.end;
      if (lastEnd) end = { line: lastEnd.line, column: lastEnd.column };
    }
    return {
      node: {
        type: "listItem",
        spread: false,
        children,
        position: { start: { line: first + 1, column: indent + 1 }, end },
      },
      type: marker.replace(/^\d+/, ""),
    };
  }

  /** What may follow an item's content: an item of this or an outer level, a blank line, a heading or comment, the end. */
  private checkItemEnd(following: string, next: number, indent: number): void {
    if (next >= this.lines.length) return;
    const marker = ITEM.exec(following);
    if (marker) {
      if ((marker[1] as string).length <= indent) return;
      throw new OutsideSubset();
    }
    if (following.startsWith(" ")) throw new OutsideSubset();
    // Right after the item's text, a line at column 1 continues its paragraph (lazily) unless a
    // heading or a comment interrupts it.
    if (next === this.at && !HEADING.test(following) && !isComment(following)) throw new OutsideSubset();
  }
}

function cellsOf(line: string, index: number): Table["children"][number]["children"] {
  if (/\\/.test(line) || !line.startsWith("|") || !line.endsWith("|") || line.length < 2) throw new OutsideSubset();
  const pipes: number[] = [];
  for (let at = 0; at < line.length; at++) if (line[at] === "|") pipes.push(at);
  const cells: Table["children"][number]["children"] = [];
  for (let cell = 0; cell + 1 < pipes.length; cell++) {
    const from = pipes[cell] as number;
    const to = pipes[cell + 1] as number;
    const raw = line.slice(from + 1, to);
    const content = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    const last = cell + 2 === pipes.length;
    cells.push({
      type: "tableCell",
      children: inline([{ text: content, line: index + 1, column: from + 2 + lead }]),
      position: spanOf(index, from + 1, index, last ? to + 2 : to + 1),
    });
  }
  return cells;
}

function inline(segments: readonly Segment[]): PhrasingContent[] {
  const nodes = readInline(segments);
  if (nodes === null) throw new OutsideSubset();
  return nodes;
}

/** A line that can only be paragraph text: nothing at its start could open another construct. */
function isPlain(line: string): boolean {
  // `**` and a word: strong text, which no block construct starts with (a bullet needs a space).
  if (/^\*\*[^ *]/.test(line)) return true;
  if (line === "" || NOT_PLAIN_START.has(line[0] as string)) return false;
  if (/^\d{1,9}[.)](?: |$)/.test(line) || line.startsWith("```")) return false;
  return true;
}

/** Lines that end a paragraph without being read into it (the caller reads them next). */
function endsParagraph(line: string): boolean {
  if (isBlank(line) || HEADING.test(line) || isComment(line)) return true;
  const marker = ITEM.exec(line);
  // A bullet, or a list starting at 1, interrupts a paragraph; any other number continues it.
  return marker !== null && (marker[1] as string).length === 0 && /^(?:[-+*]|1[.)])$/.test(marker[2] as string);
}

function isComment(line: string): boolean {
  return line.startsWith("<!-- ") && line.indexOf("-->", 5) !== -1;
}

function isBlank(line: string): boolean {
  return /^ *$/.test(line);
}

function isBullet(type: string): boolean {
  return type === "-" || type === "+" || type === "*";
}

function lineSpot(index: number, line: string) {
  return spanOf(index, 1, index, line.length + 1);
}

function spanOf(startIndex: number, startColumn: number, endIndex: number, endColumn: number) {
  return { start: { line: startIndex + 1, column: startColumn }, end: { line: endIndex + 1, column: endColumn } };
}
