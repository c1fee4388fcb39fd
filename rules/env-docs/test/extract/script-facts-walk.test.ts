// scriptFacts walks a script's tree once: the aliases, the file index and the reads used to take
// three passes over every node, and the walk is most of its cost on a large repository.
import type { TSESTree } from "@deploylint/core/rule-api";
import { createLineIndex, parseScript } from "@deploylint/core/sources";
import { describe, expect, it, vi } from "vitest";

const visits = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/extract/walk.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/extract/walk.js")>();
  return {
    ...original,
    walkWithParent: (root: TSESTree.Node, enter: (node: TSESTree.Node, parent: TSESTree.Node | null) => void) =>
      original.walkWithParent(root, (node, parent) => {
        visits.count++;
        enter(node, parent);
      }),
  };
});

const { scriptFacts } = await import("../../src/extract/script-reads.js");
const { walkWithParent } = await import("../../src/extract/walk.js");

describe("scriptFacts", () => {
  it("visits each node of the tree once, and still finds reads that use an alias declared below", () => {
    const code = [
      'import { required } from "./settings";',
      "export function port() {",
      "  return env.PORT ?? required(KEY);",
      "}",
      "const env = process.env;",
      'const KEY = "API_URL";',
    ].join("\n");
    const parsed = parseScript(code, "src/a.ts");
    if (!parsed.ok) throw new Error(parsed.error.message);
    let nodes = 0;
    walkWithParent(parsed.source.program, () => nodes++);
    visits.count = 0;
    const lines = createLineIndex(code);
    const facts = scriptFacts(parsed.source.program, (offset) => lines.positionAt(offset), "src/a.ts");
    expect(visits.count).toBe(nodes);
    expect(facts.reads.map((read) => read.name)).toEqual(["PORT"]);
    expect(facts.links.calls.map((call) => call.args[0]?.values.map((value) => value.name))).toEqual([["API_URL"]]);
  });
});
