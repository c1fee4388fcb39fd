// The keys a document's value (toJS) has at its top, read off the YAML tree without converting
// it: the CloudFormation and Kubernetes readers see every YAML file no other reader claims (lock
// files, OpenAPI specs), and converting each whole to look for one key was most of their time.
import { type Document, isMap, isScalar, isSeq } from "yaml";

/**
 * The top-level keys of the document's value as toJS spells them, or null when the tree alone
 * does not tell: a `<<` merge key (it brings in keys of its own), or a key that is not a scalar
 * of a plain value (an alias, a collection, a tagged value: toJS turns those into text).
 * A document that is not a map has none: its value is an array, a scalar or null.
 */
export function topLevelKeys(document: Document): ReadonlySet<string> | null {
  const contents = document.contents;
  if (contents === null || isScalar(contents) || isSeq(contents)) return new Set();
  if (!isMap(contents)) return null;
  const keys = new Set<string>();
  for (const pair of contents.items) {
    const key = keyText(pair.key);
    if (key === null) return null;
    keys.add(key);
  }
  return keys;
}

// As yaml's addPairToJSMap names a scalar key: a null key is "", other primitives their String().
function keyText(key: unknown): string | null {
  if (!isScalar(key)) return null;
  const { value } = key;
  if (value === "<<") return null;
  if (value === null) return "";
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : null;
}
