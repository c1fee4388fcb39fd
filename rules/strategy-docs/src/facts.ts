// The facts the strategy-docs extractors emit and its project rules read: each strategy document
// and RFC as a flat list of blocks (headings, paragraphs, list items, tables, code, fill-in
// markers) with positions, and the document paths the manifest names. Plain JSON by construction.
import type { Fact } from "@deploylint/core/rule-api";

export const DOCUMENT_FACT = "strategy-docs:document";
export const PATHS_FACT = "strategy-docs:paths";
/** Published by the env-ladder pack (its manifest reader); the constant is not exported at run time. */
export const MANIFEST_FACT = "env-ladder:manifest";
/** Published by the rollout pack. */
export const MODEL_FACT = "rollout:model";
export const PLATFORM_FILE_FACT = "rollout:platform-file";

export interface Spot {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Cell extends Spot {
  text: string;
}

export type Block =
  | { type: "heading"; depth: number; text: string; at: Spot }
  | { type: "paragraph"; text: string; at: Spot }
  /** One list item: its own text (nested lists are items of their own), its list and number. */
  | { type: "item"; ordered: boolean; list: number; text: string; at: Spot }
  | { type: "table"; header: Cell[]; rows: Cell[][]; at: Spot }
  | { type: "code"; text: string; at: Spot }
  /** The `<!-- deploylint: fill in -->` comment: a section a person still has to write. */
  | { type: "marker"; at: Spot };

export interface DocumentFact {
  role: "strategy" | "rfc";
  blocks: Block[];
}

/** What the manifest's `docs:` section names (null when it names nothing). */
export interface PathsFact {
  strategy: string | null;
  rfcs: string[] | null;
}

export const asFact = (value: object): Fact => value as unknown as Fact;
