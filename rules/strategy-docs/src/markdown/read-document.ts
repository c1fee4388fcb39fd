// Markdown to blocks with positions (mdast via ./subset-blocks.ts, else micromark with GFM tables): what the rules need of a
// document, flat, so a fact stays small and a section is "the blocks under a heading".
import type { Nodes, Parent, Root, Table } from "mdast";
import type { Block, Cell, Spot } from "../facts.js";
import { FILL_IN_MARKER } from "./marker.js";
import type { parseMarkdown } from "./parse.js";
import { readSubset } from "./subset-blocks.js";

let parse: typeof parseMarkdown | null = null;
let loading: Promise<void> | null = null;

/** Loads the markdown parser (once; later calls wait for the same load). The extractor's `load`. */
export function loadMarkdownParser(): Promise<void> {
  loading ??= import("./parse.js").then((module) => {
    parse = module.parseMarkdown;
  });
  return loading;
}

/** The document's blocks. The engine awaits loadMarkdownParser() first (Extractor.load): without it, a bug of ours. */
export function readBlocks(text: string): Block[] {
  if (parse === null)
    throw new Error("strategy-docs: the markdown parser was read before loadMarkdownParser() finished.");
  // The plain documents `deploylint strategy` writes take the subset reader; micromark reads the rest.
  return blocksOf(readSubset(text) ?? parse(text));
}

/** The blocks of a tree, whichever reader made it (exported for the test holding the two to each other). */
export function blocksOf(tree: Root): Block[] {
  const blocks: Block[] = [];
  let lists = 0;
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case "heading":
        blocks.push({ type: "heading", depth: node.depth, text: plain(node).trim(), at: spotOf(node) });
        markers(node, blocks);
        return;
      case "paragraph":
        blocks.push({ type: "paragraph", text: plain(node), at: spotOf(node) });
        markers(node, blocks);
        return;
      case "list": {
        const list = lists++;
        for (const item of node.children) {
          const own = item.children.filter((child) => child.type !== "list");
          const itemText = own.map((child) => plain(child)).join("\n");
          blocks.push({ type: "item", ordered: node.ordered === true, list, text: itemText, at: spotOf(item) });
          for (const child of own) markers(child, blocks);
          for (const child of item.children) if (child.type === "list") visit(child);
        }
        return;
      }
      case "table":
        blocks.push(tableOf(node));
        markers(node, blocks);
        return;
      case "code":
        blocks.push({ type: "code", text: node.value, at: spotOf(node) });
        return;
      case "html":
        if (FILL_IN_MARKER.test(node.value)) blocks.push({ type: "marker", at: spotOf(node) });
        return;
      default:
        if ("children" in node) for (const child of (node as Parent).children) visit(child as Nodes);
    }
  };
  visit(tree);
  return blocks;
}

function tableOf(node: Table): Block {
  const [head, ...body] = node.children.map((row) =>
    row.children.map((cell): Cell => ({ text: plain(cell).trim(), ...spotOf(cell) })),
  );
  return { type: "table", header: head ?? [], rows: body, at: spotOf(node) };
}

// Markers inside inline content (a paragraph, an item, a cell) are blocks of their own.
function markers(node: Nodes, blocks: Block[]): void {
  if (node.type === "html" && FILL_IN_MARKER.test(node.value)) blocks.push({ type: "marker", at: spotOf(node) });
  if ("children" in node) for (const child of (node as Parent).children) markers(child as Nodes, blocks);
}

/** The text a reader sees: text, inline code and link text, without markup (inline HTML dropped). */
function plain(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode" || node.type === "code") return node.value;
  if (node.type === "break") return "\n";
  if (!("children" in node)) return "";
  const parts = (node as Parent).children.map((child) => plain(child as Nodes));
  return node.type === "paragraph" || node.type === "heading"
    ? parts.join("")
    : parts.join(isBlockParent(node) ? "\n" : "");
}

function isBlockParent(node: Nodes): boolean {
  return node.type === "listItem" || node.type === "blockquote" || node.type === "root";
}

function spotOf(node: Nodes): Spot {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const end = node.position?.end ?? start;
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
