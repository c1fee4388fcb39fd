// Maps a path of keys and indexes in a YAML document back to a source range, so that a finding
// sits on the line of the key it is about. Mirrors nodeRangeAt in @deploylint/core's YAML source.
import type { OffsetRange } from "@deploylint/core/rule-api";
import { type Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, type Pair } from "yaml";

export type YamlPath = readonly (string | number)[];

/**
 * For a map entry, the range of its KEY; for a sequence item, the item; for the empty path, the
 * document's contents. Follows aliases and `<<` merge keys; the last of duplicate keys wins.
 * Null when the path does not exist.
 */
export function nodeRangeAt(document: Document, path: YamlPath): OffsetRange | null {
  let node: unknown = document.contents;
  let range = toRange(node);
  for (const segment of path) {
    const container = resolveAlias(document, node);
    if (isMap(container)) {
      const pair = findPair(document, container.items, String(segment));
      if (!pair) return null;
      node = pair.value;
      range = toRange(pair.key);
    } else if (isSeq(container)) {
      node = container.items[Number(segment)];
      range = toRange(node);
    } else {
      return null;
    }
    if (node === undefined) return null;
  }
  return range;
}

/** The segments of an ajv `instancePath` (a JSON pointer such as "/environments/staging/access/0"). */
export function pointerToPath(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

function findPair(document: Document, items: readonly unknown[], key: string): Pair | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const pair = items[i];
    if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key) return pair;
  }
  for (const pair of items) {
    if (!isPair(pair) || !isMergeKey(pair.key)) continue;
    const merged = resolveAlias(document, pair.value);
    const sources = isSeq(merged) ? merged.items.map((item) => resolveAlias(document, item)) : [merged];
    for (const source of sources) {
      const found = isMap(source) ? findPair(document, source.items, key) : null;
      if (found) return found;
    }
  }
  return null;
}

// With merge keys enabled, yaml gives `<<` the value Symbol("<<").
function isMergeKey(key: unknown): boolean {
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
