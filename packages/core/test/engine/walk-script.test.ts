// The engine's shared walk over a script: every node once, depth-first, children in property order,
// as a plain recursive walk visits them (rules that report in visiting order rely on it).
import { describe, expect, it } from "vitest";
import { walkScript } from "../../src/engine/walk-script.js";
import type { TSESTree } from "../../src/rule-api/types.js";
import { parseScript } from "../../src/sources/script.js";

type Node = TSESTree.Node;

function recursive(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const key in node) {
    if (key === "parent" || key === "range" || key === "loc") continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === "object" && item !== null && typeof (item as { type?: unknown }).type === "string")
        recursive(item as Node, visit);
    }
  }
}

describe("walkScript", () => {
  it("visits every node once, depth-first, children in property order", () => {
    const code = [
      "const password = 'a', token = `b`;",
      "login(user, 'c', [d, , e]);",
      "class A { #key = 'f'; m({ x = 'g' }: T) { this.y = 'h'; } }",
    ].join("\n");
    const parsed = parseScript(code, "src/a.ts");
    if (!parsed.ok) throw new Error(parsed.error.message);
    const expected: Node[] = [];
    recursive(parsed.source.program, (node) => expected.push(node));
    const visited: Node[] = [];
    walkScript(parsed.source.program, (node) => visited.push(node));
    expect(visited.length).toBe(expected.length);
    for (const [i, node] of visited.entries()) expect(node).toBe(expected[i]);
  });
});
