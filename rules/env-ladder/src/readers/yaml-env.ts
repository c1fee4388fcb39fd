// Reads environment variables out of YAML nodes in the two shapes platform files use: a map
// (`LOG_LEVEL: debug`) and a Kubernetes-style list (`- name: LOG_LEVEL` / `value: debug`).
import { nodeAt, pairOf } from "@deploylint/ci-model";
import type { LineIndex } from "@deploylint/core/rule-api";
import { isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import { describeValue } from "../extract/classify-value.js";
import type { ValueEntry } from "../facts.js";

/** The entry of a key node and its scalar value (null for a value that is not a scalar). */
export function entryOf(keyNode: unknown, valueNode: unknown, lines: LineIndex): ValueEntry | null {
  if (!isScalar(keyNode) || !keyNode.range) return null;
  const key = String(keyNode.value);
  const start = lines.positionAt(keyNode.range[0]);
  const end = lines.positionAt(keyNode.range[1]);
  const value = isScalar(valueNode) && valueNode.value !== null ? String(valueNode.value) : null;
  return describeValue({
    key,
    value,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  });
}

/** Entries of a map of variables (`KEY: value`). */
export function mapEntries(node: unknown, lines: LineIndex): ValueEntry[] {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => {
    const entry = isPair(pair) ? entryOf(pair.key, pair.value, lines) : null;
    return entry ? [entry] : [];
  });
}

/**
 * Entries of a list of `{ <keyField>: NAME, <valueField>: value }` items (Kubernetes `env`,
 * render.yaml `envVars`). An item with no value field (a secret reference) has no value.
 */
export function listEntries(
  node: unknown,
  lines: LineIndex,
  fields: { key: string; value: string } = { key: "name", value: "value" },
): ValueEntry[] {
  if (!isSeq(node)) return [];
  return node.items.flatMap((item) => {
    if (!isMap(item)) return [];
    const keyPair = pairOf(item.items, fields.key);
    if (!keyPair || !isScalar(keyPair.value)) return [];
    const entry = entryOf(keyPair.value, pairOf(item.items, fields.value)?.value ?? null, lines);
    return entry ? [entry] : [];
  });
}

// Map lookups over yaml nodes are the CI model's; re-exported for env-ladder's other readers.
export { nodeAt, pairOf };

/** Each pair of a map (key as text, value node), or nothing for other nodes. */
export function pairsOf(node: unknown): { key: string; value: unknown; keyNode: Node }[] {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) =>
    isPair(pair) && isScalar(pair.key) ? [{ key: String(pair.key.value), value: pair.value, keyNode: pair.key }] : [],
  );
}
