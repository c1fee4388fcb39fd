// meta.prefilter: a file failing its kind's text test is never given to the rule (nor parsed for
// it), a file passing it is judged as before, and kinds without a test are untouched.
import { describe, expect, it } from "vitest";
import type { ResolvedConfig } from "../../src/config/types.js";
import { runLint } from "../../src/engine/run.js";
import { defineExtractor, definePack, defineRule } from "../../src/rule-api/index.js";

function countingPack(prefilterOf: (seen: string[]) => Parameters<typeof defineRule>[0]["meta"]["prefilter"]) {
  const created: string[] = [];
  const parsed: string[] = [];
  const extracted: string[] = [];
  const rule = defineRule({
    id: "literal",
    meta: {
      description: "Reports each string literal of a script, and each YAML file.",
      kinds: ["script", "yaml"],
      presets: { recommended: "warn", strict: "warn" },
      messages: { literal: "A literal." },
      defaultOptions: { word: "secret" },
      prefilter: prefilterOf(created),
    },
    create(ctx) {
      created.push(ctx.file.path);
      return {
        Literal(node) {
          parsed.push(ctx.file.path);
          ctx.report({ messageId: "literal", range: { start: node.range[0], end: node.range[1] } });
        },
        yaml: () => ctx.report({ messageId: "literal" }),
      };
    },
  });
  const extractor = defineExtractor({
    id: "env-read",
    kinds: ["script"],
    prefilter: { script: /process\.env/ },
    create(ctx) {
      extracted.push(ctx.file.path);
      return null;
    },
  });
  // Extractors run only for facts a project rule reads.
  const reader = defineRule({
    id: "reads-env",
    scope: "project",
    meta: {
      description: "Reads env-read facts.",
      kinds: ["script"],
      facts: ["env-read"],
      presets: { recommended: "warn", strict: "warn" },
      messages: {},
    },
    check() {},
  });
  return {
    pack: definePack({ name: "t", rules: [rule, reader], extractors: [extractor] }),
    created,
    parsed,
    extracted,
  };
}

async function lint(
  pack: ReturnType<typeof definePack>,
  files: Record<string, string>,
  options?: unknown,
  layers: Pick<ResolvedConfig, "settings" | "overrides"> = { settings: {}, overrides: [] },
) {
  const config: ResolvedConfig = {
    configFile: null,
    packs: [{ pack, specifier: null }],
    rules: { "t/literal": { severity: "warn", options }, "t/reads-env": { severity: "warn", options: undefined } },
    overrides: layers.overrides,
    settings: layers.settings,
    ignores: [],
    maxFileSize: 1 << 20,
  };
  return runLint({
    config,
    files: Object.entries(files).map(([path, text]) => ({ path, absolutePath: `/v/${path}`, text })),
    workers: 0,
    readText: async () => ({ ok: false, reason: "unused" }),
  });
}

const files = {
  "a.ts": 'const x = "secret";\n',
  "b.ts": 'const y = "plain";\n',
  // Does not parse: only a file given to the rule can say so.
  "c.ts": 'const z = "plain" +;\n',
  "d.yaml": "a: plain\n",
  "e.ts": "const home = process.env.HOME;\n",
};

describe("meta.prefilter", () => {
  it("skips files of a filtered kind that fail a regular expression, before create and before parsing", async () => {
    const t = countingPack(() => ({ script: /secret/g }));
    const result = await lint(t.pack, files);
    expect(t.created).toEqual(["a.ts", "d.yaml"]);
    expect(t.parsed).toEqual(["a.ts"]);
    // The broken script was never parsed, so it has no parse error either; the YAML file has no test.
    expect(result.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual(["t/literal a.ts", "t/literal d.yaml"]);
    expect(t.extracted).toEqual(["e.ts"]);
  });

  it("runs again from the start on every file, whatever a global expression's lastIndex was", async () => {
    const t = countingPack(() => ({ script: /secret/g }));
    await lint(t.pack, { "a.ts": 'const x = "secret";\n', "b.ts": 'const x = "secret";\n' });
    expect(t.created).toEqual(["a.ts", "b.ts"]);
  });

  it("gives a function prefilter the options create() gets", async () => {
    const seen: unknown[] = [];
    const byWord = (text: string, options: unknown) => {
      seen.push(options);
      return text.includes((options as { word?: string } | undefined)?.word ?? "secret");
    };
    const t = countingPack(() => ({ script: byWord }));
    await lint(t.pack, files, { word: "plain" });
    expect(t.created).toEqual(["b.ts", "c.ts", "d.yaml"]);
    expect(seen[0]).toEqual({ word: "plain" });
  });

  it("gives a function prefilter the path and the settings in effect for the file, overrides included", async () => {
    const seen: string[] = [];
    const bySettings = (_text: string, _options: unknown, path: string, settings: Record<string, unknown>) => {
      const only = (settings.t as { only?: string } | undefined)?.only;
      seen.push(`${path} ${only}`);
      return only === undefined || path.startsWith(only);
    };
    const t = countingPack(() => ({ script: bySettings }));
    await lint(t.pack, { "a.ts": "1;\n", "lib/b.ts": "2;\n", "lib/c.ts": "3;\n" }, undefined, {
      settings: { t: { only: "src/" } },
      overrides: [{ files: ["lib/b.ts"], rules: {}, settings: { t: { only: "lib/" } } }],
    });
    expect(seen.sort()).toEqual(["a.ts src/", "lib/b.ts lib/", "lib/c.ts src/"]);
    expect(t.created).toEqual(["lib/b.ts"]);
  });

  it("without a prefilter, every routed file is created and parsed (custom packs keep today's behaviour)", async () => {
    const t = countingPack(() => undefined);
    const result = await lint(t.pack, files);
    expect(t.created).toEqual(["a.ts", "b.ts", "c.ts", "d.yaml", "e.ts"]);
    expect(result.findings.some((f) => f.file === "c.ts" && f.ruleId === "deploylint/parse-error")).toBe(true);
  });
});
