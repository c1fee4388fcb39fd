// What the project rules read: the strategy document and RFCs (from DOCUMENT_FACT) and the
// sections in them, a section being a heading and the blocks under it up to the next heading of
// the same or a higher level.
import type { FactRecord, Settings } from "@deploylint/core/rule-api";
import { type Block, DOCUMENT_FACT, type DocumentFact, PATHS_FACT, type PathsFact, type Spot } from "./facts.js";
import { type DocumentPaths, documentPaths } from "./paths.js";
import { headingMatches, namesOf, type SectionId } from "./sections.js";

interface FactSource {
  readonly settings: Settings;
  facts<T>(type: string): FactRecord<T>[];
}

export interface Section {
  heading: { text: string; depth: number; at: Spot };
  blocks: Block[];
  /** The first fill-in marker in the section, or null: a marked section is not judged on its content. */
  marker: Spot | null;
  /** Every block's text, one per line (for phrase tests). */
  text: string;
}

export interface Doc {
  file: string;
  blocks: Block[];
  /** Where a finding about the whole document points: its first heading, else line 1. */
  top: Spot;
}

export function pathsOf(context: FactSource): DocumentPaths {
  const manifest = context.facts<PathsFact>(PATHS_FACT)[0]?.data ?? null;
  return documentPaths(context.settings, manifest);
}

export function strategyDocument(context: FactSource): Doc | null {
  const { strategy } = pathsOf(context);
  const record = context
    .facts<DocumentFact>(DOCUMENT_FACT)
    .find((each) => each.data.role === "strategy" && each.file === strategy);
  return record ? docOf(record) : null;
}

export function rfcDocuments(context: FactSource): Doc[] {
  return context
    .facts<DocumentFact>(DOCUMENT_FACT)
    .filter((each) => each.data.role === "rfc")
    .map(docOf);
}

function docOf(record: FactRecord<DocumentFact>): Doc {
  const first = record.data.blocks.find((block) => block.type === "heading");
  return {
    file: record.file,
    blocks: record.data.blocks,
    top: first?.at ?? { line: 1, column: 1, endLine: 1, endColumn: 1 },
  };
}

/** Every section (level 2 or below) whose heading matches one of `names`, in document order. */
export function sectionsNamed(doc: Doc, names: readonly string[]): Section[] {
  const found: Section[] = [];
  doc.blocks.forEach((block, index) => {
    if (block.type !== "heading" || block.depth < 2 || !headingMatches(block.text, names)) return;
    const end = doc.blocks.findIndex((next, at) => at > index && next.type === "heading" && next.depth <= block.depth);
    const blocks = doc.blocks.slice(index + 1, end === -1 ? undefined : end);
    const marker = blocks.find((each) => each.type === "marker")?.at ?? null;
    found.push({
      heading: { text: block.text, depth: block.depth, at: block.at },
      blocks,
      marker,
      text: textOf(blocks),
    });
  });
  return found;
}

/** The strategy section with this id (the first, when the document repeats it), or null. */
export function sectionOf(doc: Doc, id: SectionId, settings: Settings): Section | null {
  return sectionsNamed(doc, namesOf(id, settings))[0] ?? null;
}

/** The section a rule judges: present and written (no fill-in marker); else null (require-strategy reports it). */
export function writtenSection(context: FactSource, id: SectionId): { doc: Doc; section: Section } | null {
  const doc = strategyDocument(context);
  const section = doc ? sectionOf(doc, id, context.settings) : null;
  return doc && section && section.marker === null ? { doc, section } : null;
}

export function textOf(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      if (block.type === "table")
        return [block.header, ...block.rows].map((row) => row.map((c) => c.text).join(" | ")).join("\n");
      return "text" in block ? block.text : "";
    })
    .join("\n");
}

export const DOCS = "https://github.com/deploylint/deploylint/blob/main/docs/rules/strategy-docs";
