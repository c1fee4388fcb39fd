import { describe, expect, it } from "vitest";
import type { ResolvedConfig, RuleConfigEntry } from "../../src/config/types.js";
import { RuleCrash } from "../../src/engine/lint-file.js";
import { runLint } from "../../src/engine/run.js";
import { defineExtractor, definePack, defineRule } from "../../src/rule-api/index.js";

const noTodo = defineRule({
  id: "no-todo",
  meta: {
    description: "Disallow TODO in text.",
    kinds: ["text"],
    presets: { recommended: "warn", strict: "error" },
    messages: { todo: "Found {{word}}." },
    help: "Do it now.",
  },
  create(ctx) {
    return {
      text(text) {
        for (const match of text.matchAll(/TODO/g)) {
          ctx.report({
            messageId: "todo",
            data: { word: "TODO" },
            range: { start: match.index, end: match.index + 4 },
          });
        }
      },
    };
  },
});

const dotenvKeys = defineRule({
  id: "no-lower",
  meta: {
    description: "Disallow lower-case keys.",
    kinds: ["dotenv"],
    presets: { recommended: "error", strict: "error" },
    messages: { lower: "Key {{key}} is lower case." },
  },
  create(ctx) {
    return {
      entry(entry) {
        if (entry.key !== entry.key.toUpperCase())
          ctx.report({ messageId: "lower", data: { key: entry.key }, range: entry.keyRange });
      },
    };
  },
});

const yamlRule = defineRule({
  id: "yaml-seen",
  meta: {
    description: "Counts YAML documents.",
    kinds: ["yaml"],
    presets: { recommended: "off", strict: "warn" },
    messages: { seen: "Seen." },
  },
  create(ctx) {
    return { yaml: () => ctx.report({ messageId: "seen" }) };
  },
});

const keyFacts = defineExtractor({
  id: "dotenv-key",
  kinds: ["dotenv"],
  create(ctx) {
    return { entry: (entry) => ctx.emit({ key: entry.key, line: entry.line }) };
  },
});

const duplicateAcrossFiles = defineRule({
  id: "unique-keys",
  scope: "project",
  meta: {
    description: "Keys are unique across env files.",
    kinds: ["dotenv"],
    facts: ["dotenv-key"],
    presets: { recommended: "error", strict: "error" },
    messages: { duplicate: "Key {{key}} is also set in {{other}}." },
  },
  check(ctx) {
    const seen = new Map<string, string>();
    for (const fact of ctx.facts<{ key: string; line: number }>("dotenv-key")) {
      const other = seen.get(fact.data.key);
      if (other)
        ctx.report({
          messageId: "duplicate",
          data: { key: fact.data.key, other },
          file: fact.file,
          line: fact.data.line,
        });
      else seen.set(fact.data.key, fact.file);
    }
  },
});

const pack = definePack({
  name: "t",
  rules: [noTodo, dotenvKeys, yamlRule, duplicateAcrossFiles],
  extractors: [keyFacts],
});

function config(
  rules: Record<string, RuleConfigEntry["severity"]>,
  extra: Partial<ResolvedConfig> = {},
): ResolvedConfig {
  return {
    configFile: null,
    packs: [{ pack, specifier: null }],
    rules: Object.fromEntries(Object.entries(rules).map(([id, severity]) => [id, { severity, options: undefined }])),
    overrides: [],
    settings: {},
    ignores: [],
    maxFileSize: 1 << 20,
    ...extra,
  };
}

async function lintFiles(files: Record<string, string>, cfg: ResolvedConfig, only: string[] | null = null) {
  return runLint({
    config: cfg,
    files: Object.entries(files).map(([path, text]) => ({ path, absolutePath: `/v/${path}`, text })),
    only,
    workers: 0,
    readText: async () => ({ ok: false, reason: "unused" }),
  });
}

describe("runLint", () => {
  it("runs file rules, extractors and project rules, in deterministic order", async () => {
    const result = await lintFiles(
      { "b/.env": "A=1\nlower=2\n", "a/.env": "A=1\n", "notes.md": "TODO: x\n" },
      config({ "t/no-todo": "warn", "t/no-lower": "error", "t/unique-keys": "error" }),
    );
    expect(result.findings.map((f) => [f.ruleId, f.file, f.line, f.column, f.severity, f.message])).toEqual([
      ["t/unique-keys", "b/.env", 1, 1, "error", "Key A is also set in a/.env."],
      ["t/no-lower", "b/.env", 2, 1, "error", "Key lower is lower case."],
      ["t/no-todo", "notes.md", 1, 1, "warn", "Found TODO."],
    ]);
    expect(result.summary).toEqual({ files: 3, errors: 2, warnings: 1, suppressed: 0 });
    expect(result.findings[2]?.help).toBe("Do it now.");
    expect(new Set(result.findings.map((f) => f.fingerprint)).size).toBe(3);
  });

  it("applies overrides by glob and --only", async () => {
    const cfg = config(
      { "t/no-todo": "warn", "t/no-lower": "error" },
      { overrides: [{ files: ["docs/**"], rules: { "t/no-todo": { severity: "off", options: undefined } } }] },
    );
    const files = { "docs/a.md": "TODO", "src/a.txt": "TODO", ".env": "x=1" };
    const all = await lintFiles(files, cfg);
    expect(all.findings.map((f) => `${f.ruleId}@${f.file}`)).toEqual(["t/no-lower@.env", "t/no-todo@src/a.txt"]);
    const only = await lintFiles(files, cfg, ["t/no-todo"]);
    expect(only.findings.map((f) => `${f.ruleId}@${f.file}`)).toEqual(["t/no-todo@src/a.txt"]);
    // --only turns on a rule the config leaves off, at its preset severity.
    const preset = await lintFiles({ "a.yaml": "a: 1" }, cfg, ["t/yaml-seen"]);
    expect(preset.findings.map((f) => [f.ruleId, f.severity])).toEqual([["t/yaml-seen", "warn"]]);
  });

  it("suppresses inline and reports a directive that suppresses nothing", async () => {
    const result = await lintFiles(
      {
        "a.sh":
          "# deploylint-disable-next-line t/no-todo -- tracked in JIRA-1\necho TODO\n# deploylint-disable-next-line t/no-todo\necho done\n",
      },
      config({ "t/no-todo": "warn", "deploylint/unused-suppression": "warn" }),
    );
    expect(result.summary.suppressed).toBe(1);
    expect(result.suppressed[0]?.suppressedBy).toEqual({ line: 1, reason: "tracked in JIRA-1" });
    expect(result.findings.map((f) => [f.ruleId, f.line])).toEqual([["deploylint/unused-suppression", 3]]);
  });

  it("turns a file that does not parse into one parse-error finding and keeps linting the rest", async () => {
    const result = await lintFiles(
      { "bad.yaml": "a: [1, 2\nb: }", "good.yaml": "a: 1\n" },
      config({ "t/yaml-seen": "warn", "deploylint/parse-error": "error" }),
    );
    expect(result.findings.map((f) => [f.ruleId, f.file])).toEqual([
      ["deploylint/parse-error", "bad.yaml"],
      ["t/yaml-seen", "good.yaml"],
    ]);
  });

  it("fails loudly when a rule throws", async () => {
    const crashing = definePack({
      name: "c",
      rules: [
        defineRule({
          id: "boom",
          meta: {
            description: "Throws.",
            kinds: ["text"],
            presets: { recommended: "error", strict: "error" },
            messages: { m: "M." },
          },
          create: () => ({
            text() {
              throw new Error("kaboom");
            },
          }),
        }),
      ],
    });
    const cfg: ResolvedConfig = {
      ...config({}),
      packs: [{ pack: crashing, specifier: null }],
      rules: { "c/boom": { severity: "error", options: undefined } },
    };
    await expect(lintFiles({ "a.txt": "x" }, cfg)).rejects.toBeInstanceOf(RuleCrash);
  });
});

describe("parseEmbedded", () => {
  const embeddedSql = defineRule({
    id: "embedded-sql",
    meta: {
      description: "Reports each SQL statement inside a sql`…` string.",
      kinds: ["script"],
      embeds: ["sql"],
      presets: { recommended: "error", strict: "error" },
      messages: { statement: "Statement {{kind}} (parsed: {{parsed}})." },
    },
    create(ctx) {
      return {
        file() {
          const open = ctx.file.text.indexOf('"');
          const close = ctx.file.text.lastIndexOf('"');
          const parsed = ctx.parseEmbedded("sql", ctx.file.text.slice(open + 1, close), open + 1);
          for (const statement of parsed?.statements ?? []) {
            ctx.report({
              messageId: "statement",
              data: { kind: statement.kind, parsed: statement.cst === null ? "no" : "yes" },
              range: statement.range,
            });
          }
        },
      };
    },
  });
  const embeddedPack = definePack({ name: "e", rules: [embeddedSql] });

  it("parses SQL inside a script literal with the real parser, at file offsets", async () => {
    const result = await runLint({
      config: {
        ...config({}),
        packs: [{ pack: embeddedPack, specifier: null }],
        rules: { "e/embedded-sql": { severity: "error", options: undefined } },
      },
      files: [
        {
          path: "m.ts",
          absolutePath: "/v/m.ts",
          text: 'export const up = () =>\n  run("CREATE INDEX i ON t (a); DROP TABLE old");\n',
        },
      ],
      workers: 0,
      readText: async () => ({ ok: false, reason: "unused" }),
    });
    expect(result.findings.map((f) => [f.line, f.column, f.endColumn, f.message])).toEqual([
      [2, 8, 31, "Statement create_index (parsed: yes)."],
      [2, 33, 47, "Statement drop_table (parsed: yes)."],
    ]);
  });
});

describe("runLint's secret key", () => {
  it("refuses a key other than its cache's: cached facts would not compare with fresh ones", async () => {
    const cache = { secretKey: "b".repeat(64), get: () => undefined, set() {}, save() {} };
    await expect(
      runLint({
        config: config({ "t/unique-keys": "error" }),
        files: [{ path: "a/.env", absolutePath: "/v/a/.env", text: "A=1\n" }],
        workers: 0,
        cache,
        secretKey: "a".repeat(64),
        readText: async () => ({ ok: false, reason: "unused" }),
      }),
    ).rejects.toThrow(/secret key must be its cache's/);
  });
});
