// Which rules and extractors get a file is decided by its kind: worked out once per plan and kind,
// not asked of every rule for every file, and with the same outcome ("text" is every text file,
// never a binary one).
import { describe, expect, it, vi } from "vitest";
import { type FilePlan, lintFile } from "../../src/engine/lint-file.js";
import { defineExtractor, defineRule } from "../../src/rule-api/index.js";
import { parseScript } from "../../src/sources/script.js";

function pack() {
  const created: string[] = [];
  const rule = (id: string, kinds: string[]) =>
    defineRule({
      id,
      meta: {
        description: `Notes every ${kinds.join(" or ")} file.`,
        kinds: kinds as never,
        presets: { recommended: "warn", strict: "warn" },
        messages: {},
      },
      create(ctx) {
        created.push(`${id} ${ctx.file.path}`);
        return null;
      },
    });
  const rules = [rule("yaml-only", ["yaml"]), rule("any-text", ["text"]), rule("keys", ["binary"])];
  const extractor = defineExtractor({
    id: "json-facts",
    kinds: ["json"],
    create(ctx) {
      created.push(`json-facts ${ctx.file.path}`);
      return null;
    },
  });
  const plan: FilePlan = {
    rules: rules.map((r) => ({ id: `t/${r.id}`, rule: r, severity: "warn", options: undefined })),
    extractors: [extractor],
    settings: {},
    parseErrorSeverity: "error",
    fileNotCheckedSeverity: "error",
    activePacks: new Set(["t"]),
    sqlDialectHints: [],
  };
  const lint = (path: string) =>
    lintFile({ path, text: "", plan, parsers: {}, readCompanion: () => null, secretKey: "k" });
  return { plan, lint, created };
}

describe("routing files to rules and extractors by kind", () => {
  it("gives each file to the rules and extractors of its kind", () => {
    const { lint, created } = pack();
    for (const path of ["a.ts", "b.yaml", "c.json", "d.p12", "README"]) lint(path);
    expect(created).toEqual([
      "any-text a.ts",
      "yaml-only b.yaml",
      "any-text b.yaml",
      "any-text c.json",
      "json-facts c.json",
      "keys d.p12",
      "any-text README",
    ]);
  });

  it("asks each rule and extractor about a kind once per plan, not once per file", () => {
    const { plan, lint } = pack();
    const kindLists = new Set<unknown>([
      ...plan.rules.map((r) => r.rule.meta.kinds),
      ...plan.extractors.map((e) => e.kinds),
    ]);
    const includes = vi.spyOn(Array.prototype, "includes");
    try {
      for (let i = 0; i < 50; i++) lint(`src/file-${i}.ts`);
      const asked = includes.mock.contexts.filter((list) => kindLists.has(list)).length;
      // Four lists, each asked at most twice (its own kind, then "text") for the one kind seen.
      expect(asked).toBeLessThanOrEqual(8);
    } finally {
      includes.mockRestore();
    }
  });
});

describe("node visitors of scripts", () => {
  // A rule may subscribe to ESTree node types (PascalCase keys) beside the lower-case kind visitors;
  // the engine walks the tree once for all of them, in walking order, rule order within a node.
  it("gives each node type to the rules that asked for it, and walks no tree when none did", () => {
    const seen: string[] = [];
    let parses = 0;
    const rule = (id: string, visitors: () => Record<string, (node: never) => void>) =>
      defineRule({
        id,
        meta: {
          description: `Notes what ${id} visits.`,
          kinds: ["script"],
          presets: { recommended: "warn", strict: "warn" },
          messages: {},
        },
        create: () => visitors(),
      });
    const note = (id: string) => (node: { type: string; range: [number, number] }) =>
      seen.push(`${id} ${node.type} ${node.range[0]}`);
    const rules = [
      rule("calls", () => ({ CallExpression: note("calls") })),
      rule("file-only", () => ({ file: () => seen.push("file-only") })),
      rule("literals", () => ({ Literal: note("literals"), CallExpression: note("literals") })),
    ];
    const plan: FilePlan = {
      rules: rules.map((r) => ({ id: `t/${r.id}`, rule: r, severity: "warn", options: undefined })),
      extractors: [],
      settings: {},
      parseErrorSeverity: "error",
      fileNotCheckedSeverity: "error",
      activePacks: new Set(["t"]),
      sqlDialectHints: [],
    };
    const parsers = {
      script: ({ text, path }: { text: string; path: string }) => {
        parses++;
        return parseScript(text, path);
      },
    };
    const lint = (p: FilePlan, text: string) =>
      lintFile({ path: "src/a.ts", text, plan: p, parsers, readCompanion: () => null, secretKey: "k" });
    lint(plan, 'f("x"); g(1);');
    expect(seen).toEqual([
      "file-only",
      "calls CallExpression 0",
      "literals CallExpression 0",
      "literals Literal 2",
      "calls CallExpression 8",
      "literals CallExpression 8",
      "literals Literal 10",
    ]);
    expect(parses).toBe(1);
    seen.length = 0;
    lint({ ...plan, rules: plan.rules.filter((active) => active.id === "t/file-only") }, "f(");
    expect(seen).toEqual(["file-only"]);
    expect(parses).toBe(1);
  });
});
