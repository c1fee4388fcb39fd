// Which rules and extractors get a file is decided by its kind: worked out once per plan and kind,
// not asked of every rule for every file, and with the same outcome ("text" is every text file,
// never a binary one).
import { describe, expect, it, vi } from "vitest";
import { type FilePlan, lintFile } from "../../src/engine/lint-file.js";
import { defineExtractor, defineRule } from "../../src/rule-api/index.js";

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
