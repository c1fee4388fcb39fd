// Pack settings schemas: validated like rule options, the built-in ones precompiled, and every
// settings key the repository's configs use accepted.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import envDocs from "../../../../rules/env-docs/src/index.js";
import envLadder from "../../../../rules/env-ladder/src/index.js";
import migrations from "../../../../rules/migrations/src/index.js";
import { DIALECT_NAMES } from "../../../../rules/migrations/src/settings-schema.js";
import secrets from "../../../../rules/secrets/src/index.js";
import { precompiledSettings } from "../../src/config/config-validator.generated.js";
import { packProblem } from "../../src/config/pack-shape.js";
import { validateSettings } from "../../src/config/settings.js";
import { compileSchema } from "../../src/config/validate.js";
import { readSqlFile } from "../../src/sources/sql/index.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const PACKS = [migrations, secrets, envDocs, envLadder];

describe("pack settings schemas", () => {
  it("uses the ahead-of-time compiled validator for every built-in section", () => {
    const sections = PACKS.flatMap((pack) => Object.values(pack.settingsSchema ?? {}));
    expect(sections).toHaveLength(4);
    const precompiled = new Set(precompiledSettings.map((entry: { validate: unknown }) => entry.validate));
    for (const schema of sections) expect(precompiled.has(compileSchema(schema))).toBe(true);
  });

  it("accepts every dialect name the engine accepts", () => {
    for (const name of DIALECT_NAMES)
      expect(() => readSqlFile({ path: "x.sql", text: "", configured: name })).not.toThrow();
  });

  it("accepts the settings of every config in the repository (fixtures, acceptance repositories, docs, README)", () => {
    const blocks = repositoryConfigs().flatMap(({ file, data }) => [
      ...(data.settings ? [{ file, settings: data.settings, path: ["settings"] }] : []),
      ...(data.overrides ?? []).flatMap((o, index) =>
        o.settings ? [{ file, settings: o.settings, path: ["overrides", index, "settings"] }] : [],
      ),
    ]);
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) {
      expect(() =>
        validateSettings({ block: { ...block, source: { file: block.file, lineOf: () => null } }, packs: PACKS }),
      ).not.toThrow();
    }
  });
});

describe("plugin pack shape", () => {
  const meta = { description: "d", kinds: ["sql"], presets: { recommended: "error", strict: "off" }, messages: {} };
  it("accepts every built-in pack (file rules, project rules, extractors, settings schemas)", () => {
    for (const pack of PACKS) expect(packProblem(pack)).toBeNull();
  });

  it("accepts well-formed file and project rules", () => {
    const project = { id: "p", scope: "project", meta: { ...meta, facts: ["x"] }, check() {} };
    expect(packProblem({ name: "team", rules: [{ id: "f", meta, create() {} }, project] })).toBeNull();
  });

  it("accepts a prefilter of RegExps and functions by kind, and names one that is neither", () => {
    const prefilter = { sql: /DROP/i, script: (text: string) => text.includes("sql") };
    expect(packProblem({ name: "team", rules: [{ id: "f", meta: { ...meta, prefilter }, create() {} }] })).toBeNull();
    expect(
      packProblem({ name: "team", rules: [{ id: "f", meta: { ...meta, prefilter: { sql: "DROP" } }, create() {} }] }),
    ).toBe(
      'has a malformed rule "f" (rules[0]): meta.prefilter must be an object of text tests by file kind, each a RegExp or a function.',
    );
    const extractor = { id: "x", kinds: ["sql"], create() {}, prefilter: /DROP/ };
    expect(packProblem({ name: "team", rules: [], extractors: [extractor] })).toMatch(
      /malformed extractor at extractors\[0\]/,
    );
  });

  it("names the rule and what is wrong with it", () => {
    expect(
      packProblem({
        name: "team",
        rules: [
          { id: "f", meta, create() {} },
          { id: "f", meta, create() {} },
        ],
      }),
    ).toBe('has two rules with the id "f".');
    expect(packProblem({ name: "team", rules: [{ id: "o", meta: { ...meta, options: "loose" }, create() {} }] })).toBe(
      'has a malformed rule "o" (rules[0]): meta.options must be a JSON Schema object.',
    );
    expect(packProblem({ name: "team", rules: [], settingsSchema: { team: "nope" } })).toMatch(
      /settingsSchema\.team that is not a JSON Schema object/,
    );
    expect(packProblem({ name: "team", rules: [{ id: "p", scope: "project", meta }] })).toMatch(
      /check must be a function/,
    );
  });
});

interface ConfigData {
  settings?: Record<string, unknown>;
  overrides?: { settings?: Record<string, unknown> }[];
}

/** Config files and fenced config examples (```yaml blocks with settings:) found in the repository. */
function repositoryConfigs(): { file: string; data: ConfigData }[] {
  const found: { file: string; data: ConfigData }[] = [];
  const roots = ["test/fixtures", "docs", "README.md", "deploylint.config.yaml", "../shared/acceptance"];
  for (const start of roots) {
    for (const file of walk(join(ROOT, start))) {
      const name = file.slice(file.lastIndexOf("/") + 1);
      const text = readFileSync(file, "utf8");
      if (name.startsWith("deploylint.config.y")) found.push({ file, data: (parse(text) ?? {}) as ConfigData });
      if (name.endsWith(".md")) {
        for (const match of text.matchAll(/```ya?ml\n([\s\S]*?)```/g)) {
          const block = match[1] ?? "";
          if (!/^(settings|overrides):/m.test(block)) continue;
          found.push({ file: `${relative(ROOT, file)} (example)`, data: (parse(block) ?? {}) as ConfigData });
        }
      }
    }
  }
  return found;
}

function walk(path: string): string[] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    // ../shared/acceptance is beside the repository on the development machine only.
    return [];
  }
  if (stat.isFile()) return [path];
  return readdirSync(path).flatMap((entry) => (entry === "node_modules" ? [] : walk(join(path, entry))));
}
