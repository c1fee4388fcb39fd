// A depth-first walk over an ESTree program that hands each node its parent (the engine's shared
// walk does not, and telling a read from a write needs it).
import type { TSESTree } from "@deploylint/core/rule-api";

export function walkWithParent(
  root: TSESTree.Node,
  enter: (node: TSESTree.Node, parent: TSESTree.Node | null) => void,
): void {
  const stack: [TSESTree.Node, TSESTree.Node | null][] = [[root, null]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop() as [TSESTree.Node, TSESTree.Node | null];
    enter(node, parent);
    const children: TSESTree.Node[] = [];
    for (const key in node) {
      if (key === "parent" || key === "range" || key === "loc") continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) children.push(item);
      } else if (isNode(value)) children.push(value);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as TSESTree.Node, node]);
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}
