// One depth-first walk over an ESTree program, shared by every rule's node visitors.
import type { TSESTree } from "../rule-api/types.js";

export function walkScript(program: TSESTree.Program, enter: (node: TSESTree.Node) => void): void {
  const stack: unknown[] = [program];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    enter(node);
    const children: unknown[] = [];
    for (const key in node) {
      if (key === "parent" || key === "range" || key === "loc") continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) children.push(item);
      } else if (isNode(value)) children.push(value);
    }
    // Reverse so siblings are visited in source order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

function isNode(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}
