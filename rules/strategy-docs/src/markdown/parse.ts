// micromark with GFM tables, to mdast. Only ./read-document.ts imports this module, and only
// dynamically (loadMarkdownParser): the parser is ~100 modules, and a run that reads no strategy
// document or RFC never loads them (in the CLI's bundle it is a chunk of its own).
import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}
