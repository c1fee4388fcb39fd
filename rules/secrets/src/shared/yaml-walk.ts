// A small walk over parsed YAML (and JSON, which the engine parses with the same library): every
// key with a string value, with the value's range. Duck-typed, so rules need no runtime import.
import type { YamlSource } from "@deploylint/core/rule-api";

type YamlDocument = YamlSource["documents"][number];

export interface YamlStringEntry {
  /** Keys from the document root to this value (sequence items are numbers). */
  path: (string | number)[];
  key: string;
  value: string;
  /** Offsets of the value node (quotes included). */
  start: number;
  end: number;
}

interface ScalarLike {
  value: unknown;
  range?: [number, number, number] | null;
}
interface PairLike {
  key: unknown;
  value: unknown;
}
interface CollectionLike {
  items: unknown[];
}

export function isScalar(node: unknown): node is ScalarLike {
  return typeof node === "object" && node !== null && "value" in node && !("items" in node) && !("key" in node);
}
export function isPair(node: unknown): node is PairLike {
  return typeof node === "object" && node !== null && "key" in node && "value" in node;
}
export function isCollection(node: unknown): node is CollectionLike {
  return typeof node === "object" && node !== null && Array.isArray((node as CollectionLike).items);
}

/** The plain key of a pair (`FOO`, `"foo"`), or null for complex keys. */
export function keyOf(pair: PairLike): string | null {
  if (isScalar(pair.key) && (typeof pair.key.value === "string" || typeof pair.key.value === "number")) {
    return String(pair.key.value);
  }
  return null;
}

/** The child node under `key` of a map node, or undefined. */
export function child(node: unknown, key: string): unknown {
  if (!isCollection(node)) return undefined;
  for (const item of node.items) if (isPair(item) && keyOf(item) === key) return item.value;
  return undefined;
}

/** Every `key: "string"` in the node, recursively, in document order. */
export function stringEntries(node: unknown, path: (string | number)[] = []): YamlStringEntry[] {
  const entries: YamlStringEntry[] = [];
  const visit = (current: unknown, at: (string | number)[]) => {
    if (!isCollection(current)) return;
    current.items.forEach((item, index) => {
      if (isPair(item)) {
        const key = keyOf(item);
        if (key === null) return;
        const value = item.value;
        if (isScalar(value) && typeof value.value === "string" && value.range) {
          entries.push({ path: [...at, key], key, value: value.value, start: value.range[0], end: value.range[1] });
        } else visit(value, [...at, key]);
      } else visit(item, [...at, index]);
    });
  };
  visit(node, path);
  return entries;
}

/** The root node of each document of a YAML or JSON source. */
export function roots(documents: readonly YamlDocument[]): unknown[] {
  return documents.map((document) => document.contents);
}
