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

describe("scriptFacts: a helper's uses, counted only when a parameter is followed", () => {
  function readNames(code: string): (string | null)[] {
    const parsed = parseScript(code, "src/a.ts");
    if (!parsed.ok) throw new Error(parsed.error.message);
    const lines = createLineIndex(code);
    return scriptFacts(parsed.source.program, (offset) => lines.positionAt(offset), "src/a.ts").reads.map(
      (read) => read.name,
    );
  }
  const helper = "function read(name: string) {\n  return process.env[name];\n}\n";

  it("follows a helper's parameter to the names its calls pass", () => {
    expect(readNames(`${helper}read("API_URL");`)).toEqual(["API_URL"]);
  });

  it("leaves the read computed when the helper is passed around (its callers cannot all be seen)", () => {
    expect(readNames(`${helper}read("API_URL");\n["DB_URL"].map(read);`)).toEqual([null]);
  });
});

describe("the file index", () => {
  it("counts the uses of names only when asked, once", async () => {
    const { indexFile, referenceCount } = await import("../../src/extract/script/file-index.js");
    const parsed = parseScript("function read(name) {}\nread(a);\nlist.map(read);\nconst b = a;", "src/a.ts");
    if (!parsed.ok) throw new Error(parsed.error.message);
    const index = indexFile(parsed.source.program);
    expect(index.references).toBeNull();
    expect(referenceCount(index, "read")).toBe(1);
    expect(referenceCount(index, "a")).toBe(2);
    expect(referenceCount(index, "list")).toBe(1);
    expect(referenceCount(index, "name")).toBe(0);
  });
});

describe("the links of a script without an UPPER string", () => {
  async function linksOf(code: string) {
    const { indexFile } = await import("../../src/extract/script/file-index.js");
    const { collectLinks, emptyLinks } = await import("../../src/extract/script/links.js");
    const parsed = parseScript(code, "src/a.ts");
    if (!parsed.ok) throw new Error(parsed.error.message);
    const index = indexFile(parsed.source.program);
    const lines = createLineIndex(code);
    const links = emptyLinks();
    collectLinks(index, (offset) => lines.positionAt(offset), "src/a.ts", links);
    // Each evaluation step of an argument takes one from the file's budget.
    return { links, steps: 5_000 - index.budget.steps };
  }

  it("evaluates no argument of an imported call that is not env-like: none can name a variable", async () => {
    const { links, steps } = await linksOf(
      'import { t } from "./i18n";\nconst key = "title";\nt(key);\nt(`a.${key}`);',
    );
    expect(links.calls).toEqual([]);
    expect(steps).toBe(0);
  });

  it("still keeps an env-like helper's calls, and follows arguments once a string is UPPER", async () => {
    const envLike = await linksOf('import { getEnv } from "./env";\ngetEnv(name);');
    expect(envLike.links.calls.map((call) => call.imported)).toEqual(["getEnv"]);
    const upper = await linksOf('import { t } from "./i18n";\nconst key = "API_URL";\nt(key);');
    expect(upper.links.calls.map((call) => call.args[0]?.values.map((value) => value.name))).toEqual([["API_URL"]]);
    expect(upper.steps).toBeGreaterThan(0);
    const template = await linksOf('import { t } from "./i18n";\nconst prefix = `API_`;\nt(`${prefix}URL`);');
    expect(template.links.calls.map((call) => call.args[0]?.values.map((value) => value.name))).toEqual([["API_URL"]]);
  });
});
