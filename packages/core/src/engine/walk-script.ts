// One depth-first walk over an ESTree program, shared by every rule's node visitors.
import type { TSESTree } from "../rule-api/types.js";

export function walkScript(program: TSESTree.Program, enter: (node: TSESTree.Node) => void): void {
  const stack: TSESTree.Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    enter(node);
    // Children go on the stack in property order and that stretch is then reversed, so siblings
    // are visited in source order without an array per node.
    const first = stack.length;
    for (const key in node) {
      if (key === "parent" || key === "range" || key === "loc") continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) stack.push(item);
      } else if (isNode(value)) stack.push(value);
    }
    for (let low = first, high = stack.length - 1; low < high; low++, high--) {
      const child = stack[low] as TSESTree.Node;
      stack[low] = stack[high] as TSESTree.Node;
      stack[high] = child;
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}
