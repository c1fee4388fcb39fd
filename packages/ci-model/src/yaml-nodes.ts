// Small readers over the `yaml` library's nodes: map lookups, scalar text, lists, and the file
// position of a node (from its source range), which every model element keeps.
import type { LineIndex } from "@deploylint/core/rule-api";
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from "yaml";
import type { Located } from "./model.js";

/** The pair with key `key` in a map's items. */
export function pairOf(items: readonly unknown[], key: string): Pair | undefined {
  return items.find((pair): pair is Pair => isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key);
}

/** The value node at a path of map keys, or undefined. */
export function nodeAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (!isMap(node)) return undefined;
    node = pairOf(node.items, key)?.value ?? undefined;
  }
  return node;
}

/** The key node of `key` in a map, for positions. */
export function keyAt(map: unknown, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  const pair = pairOf(map.items, key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

/** Each pair of a map (key as text, value node, key node), or nothing for other nodes. */
export function pairsOf(node: unknown): { key: string; value: unknown; keyNode: Node }[] {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) =>
    isPair(pair) && isScalar(pair.key) ? [{ key: String(pair.key.value), value: pair.value, keyNode: pair.key }] : [],
  );
}

export function scalarText(node: unknown): string | null {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : null;
}

/** A scalar as a one-item list, a sequence's scalars, else nothing. */
export function textList(node: unknown): string[] {
  if (isScalar(node)) return node.value === null ? [] : [String(node.value)];
  if (isSeq(node)) return node.items.flatMap((item) => (isScalar(item) ? [String(item.value)] : []));
  return [];
}

/** Whether a node is the literal `true` (an expression such as `${{ matrix.experimental }}` is not). */
export function isTrue(node: unknown): boolean {
  return isScalar(node) && (node.value === true || node.value === "true");
}

/** Where a node is, in `file`; the fallback (line 1) for a node without a range. */
export function locate(node: unknown, lines: LineIndex, file: string): Located {
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  if (!range) return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const start = lines.positionAt(range[0]);
  const end = lines.positionAt(range[1]);
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The host of an environment's `url` when it is a literal URL (not an expression), lower case. */
export function literalHost(node: unknown): string | undefined {
  const url = scalarText(node);
  if (!url || /[$]/.test(url)) return undefined;
  try {
    return new URL(url).hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}
