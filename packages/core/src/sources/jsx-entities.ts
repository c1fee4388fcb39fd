// JSX string values with their HTML entities decoded (`&amp;` is `&`), as typescript-estree gave
// them: oxc-parser keeps JSXText values and JSX attribute strings as written.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { TSESTree } from "../rule-api/types.js";

const ENTITY = /&(?:#\d+|#x[\da-fA-F]+|[0-9a-zA-Z]+);/g;

/** Whether the text holds anything entity-shaped: only those files need the walk below. */
export function mayHoldJsxEntities(text: string): boolean {
  ENTITY.lastIndex = 0;
  return ENTITY.test(text);
}

/** Decodes, in place, every JSXText value and JSX attribute string of the program. */
export function decodeJsxEntities(program: TSESTree.Program): void {
  const stack: unknown[] = [program];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown> & { type: string };
    if (node.type === "JSXText" && typeof node.value === "string") node.value = decode(node.value);
    if (node.type === "JSXAttribute") {
      const value = node.value as { type?: string; value?: unknown } | null;
      if (value?.type === "Literal" && typeof value.value === "string") value.value = decode(value.value);
    }
    for (const key in node) {
      if (key === "range") continue;
      const child = node[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) stack.push(item);
      } else if (isNode(child)) stack.push(child);
    }
  }
}

function isNode(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

function decode(text: string): string {
  return text.replace(ENTITY, (entity) => {
    const name = entity.slice(1, -1);
    if (name.startsWith("#")) {
      const codePoint = name[1] === "x" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return codePoint > 0x10ffff ? entity : String.fromCodePoint(codePoint);
    }
    return namedEntities()[name] ?? entity;
  });
}

// JSX knows the 253 XHTML entities, not HTML5's 2,000. typescript-estree (our fallback parser, so
// always installed) ships that table; it is a plain object module that loads nothing else. Its
// path is not an export of the package, so a change there fails the parity test, not silently.
let named: Record<string, string> | undefined;
function namedEntities(): Record<string, string> {
  if (named) return named;
  const require = createRequire(import.meta.url);
  const estreeDist = dirname(require.resolve("@typescript-eslint/typescript-estree"));
  named = (require(join(estreeDist, "jsx", "xhtml-entities.js")) as { xhtmlEntities: Record<string, string> })
    .xhtmlEntities;
  return named;
}
