// The walk the reads extractor takes once per script: every node depth-first, children in property
// order, each beside its parent, as a plain recursive walk finds them.
import type { TSESTree } from "@deploylint/core/rule-api";
import { parseScript } from "@deploylint/core/sources";
import { describe, expect, it } from "vitest";
import { walkWithParent } from "../../src/extract/walk.js";

type Node = TSESTree.Node;

function recursive(node: Node, parent: Node | null, visit: (node: Node, parent: Node | null) => void): void {
  visit(node, parent);
  for (const key in node) {
    if (key === "parent" || key === "range" || key === "loc") continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === "object" && item !== null && typeof (item as { type?: unknown }).type === "string")
        recursive(item as Node, node, visit);
    }
  }
}

describe("walkWithParent", () => {
  const code = [
    'import { env } from "./env";',
    "export const port = Number(process.env.PORT ?? env.FALLBACK_PORT);",
    "class Api { key = process.env.API_KEY; get(url: string) { return fetch(url, { headers: [a, , b] }); } }",
    "const { A = 'x', ...rest } = process.env;",
  ].join("\n");
  const parsed = parseScript(code, "src/a.ts");
  if (!parsed.ok) throw new Error(parsed.error.message);
  const program = parsed.source.program;

  it("visits every node depth-first, children in property order, beside its parent", () => {
    const expected: [Node, Node | null][] = [];
    recursive(program, null, (node, parent) => expected.push([node, parent]));
    const visited: [Node, Node | null][] = [];
    walkWithParent(program, (node, parent) => visited.push([node, parent]));
    expect(visited.length).toBe(expected.length);
    visited.forEach(([node, parent], i) => {
      expect(node).toBe(expected[i]?.[0]);
      expect(parent).toBe(expected[i]?.[1]);
    });
    expect(visited[0]?.[0].type).toBe("Program");
  });
});
