// A depth-first walk over an ESTree program that hands each node its parent (the engine's shared
// walk does not, and telling a read from a write needs it).
import type { TSESTree } from "@deploylint/core/rule-api";

type Node = TSESTree.Node;

/**
 * Every node of a tree depth-first, children in property order, each beside its parent (null for
 * the root). The stack holds nodes and their parents side by side: no object per node, and no
 * recursion, so a file nested thousands deep does not overflow the call stack.
 */
export function walkWithParent(root: Node, enter: (node: Node, parent: Node | null) => void): void {
  const stack: Node[] = [root];
  const stackParents: (Node | null)[] = [null];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    enter(node, stackParents.pop() ?? null);
    // Children are pushed in property order, then that stretch of the stack is reversed, so they
    // come off it in property order (their parents, all this node, need no reversing).
    const first = stack.length;
    for (const key in node) {
      const value = (node as unknown as Record<string, unknown>)[key];
      // Most of a node's properties are strings, numbers and booleans (type, start, name, …):
      // dropped before anything else is asked of them. This loop runs for every property of
      // every node, and was most of the walk's cost.
      if (typeof value !== "object" || value === null) continue;
      if (key === "parent" || key === "range" || key === "loc") continue;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (!isNode(item)) continue;
          stack.push(item);
          stackParents.push(node);
        }
      } else if (typeof (value as { type?: unknown }).type === "string") {
        stack.push(value as Node);
        stackParents.push(node);
      }
    }
    for (let low = first, high = stack.length - 1; low < high; low++, high--) {
      const child = stack[low] as Node;
      stack[low] = stack[high] as Node;
      stack[high] = child;
    }
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}
