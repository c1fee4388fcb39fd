// The walk order the reads extractor takes once per script and its three passes share: every node
// depth-first, children in property order, each beside its parent, as a plain recursive walk finds them.
import type { TSESTree } from "@deploylint/core/rule-api";
import { parseScript } from "@deploylint/core/sources";
import { describe, expect, it } from "vitest";
import { walkOrder, walkWithParent } from "../../src/extract/walk.js";

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

describe("walkOrder", () => {
  const code = [
    'import { env } from "./env";',
    "export const port = Number(process.env.PORT ?? env.FALLBACK_PORT);",
    "class Api { key = process.env.API_KEY; get(url: string) { return fetch(url, { headers: [a, , b] }); } }",
    "const { A = 'x', ...rest } = process.env;",
  ].join("\n");
  const parsed = parseScript(code, "src/a.ts");
  if (!parsed.ok) throw new Error(parsed.error.message);
  const program = parsed.source.program;

  it("lists every node depth-first, children in property order, beside its parent", () => {
    const expected: [Node, Node | null][] = [];
    recursive(program, null, (node, parent) => expected.push([node, parent]));
    const order = walkOrder(program);
    expect(order.nodes.length).toBe(expected.length);
    order.nodes.forEach((node, i) => {
      expect(node).toBe(expected[i]?.[0]);
      expect(order.parents[i]).toBe(expected[i]?.[1]);
    });
  });

  it("is the order walkWithParent visits, whether it takes the order itself or is handed it", () => {
    const own: string[] = [];
    const handed: string[] = [];
    walkWithParent(program, (node, parent) => own.push(`${node.type}<${parent?.type ?? ""}`));
    walkWithParent(program, (node, parent) => handed.push(`${node.type}<${parent?.type ?? ""}`), walkOrder(program));
    expect(handed).toEqual(own);
    expect(own[0]).toBe("Program<");
  });
});
