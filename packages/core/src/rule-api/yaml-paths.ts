// Maps a key path in a YAML (or JSON) document back to a source range, so that a finding about a
// value points at the line of its key. Part of the rule API: manifest and CI rules need it.
import { type Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, type Pair } from "yaml";
import type { OffsetRange } from "./types.js";

/**
 * The range of the node a path names: for a map entry the KEY (so a finding sits on the line of
 * the key), for a sequence item the item itself, for the empty path the document's contents.
 * Aliases and `<<` merge keys are followed; with duplicate keys the last one wins, like
 * JSON.parse. Returns null when the path does not exist.
 */
export function nodeRangeAt(document: Document, path: readonly (string | number)[]): OffsetRange | null {
  let node: unknown = document.contents;
  let range = toRange(node);
  for (const segment of path) {
    const resolved = resolveAlias(document, node);
    if (isMap(resolved)) {
      const pair = findPair(document, resolved.items, String(segment));
      if (!pair) return null;
      node = pair.value;
      range = toRange(pair.key);
    } else if (isSeq(resolved)) {
      const index = typeof segment === "number" ? segment : Number(segment);
      if (!Number.isInteger(index)) return null;
      node = resolved.items[index];
      range = toRange(node);
    } else {
      return null;
    }
    if (node === undefined) return null;
  }
  return range;
}

function findPair(document: Document, items: readonly unknown[], key: string): Pair | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const pair = items[i];
    if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key) return pair;
  }
  // `<<: *base` or `<<: [*a, *b]`: earlier sources win, so search them in order.
  for (const pair of items) {
    if (!isPair(pair) || !isMergeKey(pair.key)) continue;
    const merged = resolveAlias(document, pair.value);
    const sources = isSeq(merged) ? merged.items.map((item) => resolveAlias(document, item)) : [merged];
    for (const source of sources) {
      if (!isMap(source)) continue;
      const found = findPair(document, source.items, key);
      if (found) return found;
    }
  }
  return null;
}

/** A `<<` merge key (with merge keys enabled, yaml gives it the value Symbol("<<")). */
export function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  return key.value === "<<" || (typeof key.value === "symbol" && key.value.description === "<<");
}

function resolveAlias(document: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

function toRange(node: unknown): OffsetRange | null {
  if (!isNode(node) || !node.range) return null;
  return { start: node.range[0], end: node.range[1] };
}
