import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, suggest } from "../../src/config/errors.js";
import { type Builtins, loadConfig } from "../../src/config/load.js";
import { definePack, defineRule } from "../../src/rule-api/index.js";

const withOptions = defineRule({
  id: "no-thing",
  meta: {
    description: "Disallow things.",
    kinds: ["text"],
    presets: { recommended: "error", strict: "error" },
    messages: { thing: "A thing." },
    options: {
      type: "object",
      properties: { allow: { type: "array", items: { type: "string" } } },
      additionalProperties: false,
    },
    defaultOptions: { allow: [] as string[] },
    checkOptions: (options) => (options.allow.includes("forbidden") ? "allow may not hold forbidden." : null),
  },
  create: () => null,
});
const plain = defineRule({
  id: "no-other",
  meta: {
    description: "Disallow others.",
    kinds: ["text"],
    presets: { recommended: "off", strict: "warn" },
    messages: { other: "Other." },
  },
  create: () => null,
});
const pack = definePack({
  name: "demo",
  rules: [withOptions, plain],
  configs: { all: { rules: { "demo/no-other": "error" } } },
});

const builtins: Builtins = {
  packs: [{ pack, specifier: null }],
  presets: {
    recommended: { rules: { "demo/no-thing": "error" } },
    strict: { rules: { "demo/no-thing": "error", "demo/no-other": "warn" } },
  },
  defaultExtends: ["recommended"],
};

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "deploylint-config-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function configError(files: Record<string, string>, cwd = ""): Promise<string> {
  const dir = project(files);
  try {
    await loadConfig({ cwd: join(dir, cwd), builtins });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.replace(dir, "<dir>");
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("uses the recommended preset when there is no config", async () => {
    const config = await loadConfig({ cwd: project({ "a.txt": "" }), builtins });
    expect(config.configFile).toBeNull();
    expect(config.rules["demo/no-thing"]).toEqual({ severity: "error", options: { allow: [] } });
    expect(config.rules["deploylint/unused-suppression"]?.severity).toBe("warn");
  });

  it("finds the config walking up, and merges extends, rules with options, overrides and settings", async () => {
    const dir = project({
      "deploylint.config.yaml": [
        "extends: [strict, demo/all]",
        "settings: { migrations: { dialect: mysql } }",
        "rules:",
        "  demo/no-thing: [warn, { allow: [x] }]",
        "overrides:",
        "  - files: ['test/**']",
        "    rules: { demo/no-other: off }",
      ].join("\n"),
      "sub/dir/file.txt": "",
    });
    const config = await loadConfig({ cwd: join(dir, "sub", "dir"), builtins });
    expect(config.configFile).toBe(join(dir, "deploylint.config.yaml"));
    expect(config.rules["demo/no-thing"]).toEqual({ severity: "warn", options: { allow: ["x"] } });
    expect(config.rules["demo/no-other"]?.severity).toBe("error");
    expect(config.overrides).toEqual([
      { files: ["test/**"], rules: { "demo/no-other": { severity: "off", options: undefined } } },
    ]);
    expect(config.settings).toEqual({ migrations: { dialect: "mysql" } });
  });

  it("reads package.json#deploylint and JSON configs", async () => {
    const fromPackage = await loadConfig({
      cwd: project({
        "package.json": JSON.stringify({ name: "x", deploylint: { rules: { "demo/no-other": "info" } } }),
      }),
      builtins,
    });
    expect(fromPackage.rules["demo/no-other"]?.severity).toBe("info");
    const fromJson = await loadConfig({
      cwd: project({ "deploylint.config.json": JSON.stringify({ ignores: ["vendor/**"] }) }),
      builtins,
    });
    expect(fromJson.ignores).toEqual(["vendor/**"]);
  });

  it("names the file, the line, the JSON path and what is allowed", async () => {
    expect(await configError({ "deploylint.config.yaml": "rules:\n  demo/no-thing: loud\n" })).toBe(
      '<dir>/deploylint.config.yaml:2: rules.demo/no-thing: must be one of "error", "warn", "info", "off".',
    );
    expect(await configError({ "deploylint.config.yaml": "rulez: {}\n" })).toMatch(
      /^<dir>\/deploylint\.config\.yaml:1: \(top level\): unknown key "rulez" \(did you mean "rules"\?\); allowed: extends, plugins, ignores, settings, rules, overrides, maxFileSize, preDeploy, smoke\.$/,
    );
  });

  it("suggests the nearest rule id for an unknown one", async () => {
    expect(await configError({ "deploylint.config.yaml": "rules:\n  demo/no-thingy: error\n" })).toBe(
      '<dir>/deploylint.config.yaml:2: rules.demo/no-thingy: unknown rule "demo/no-thingy"; did you mean "demo/no-thing"? (deploylint rules lists them all).',
    );
    expect(suggest("no-drop-colum", ["migrations/no-drop-column", "secrets/no-private-key"])).toBe(
      "migrations/no-drop-column",
    );
  });

  it("validates rule options against the rule's schema", async () => {
    expect(await configError({ "deploylint.config.yaml": "rules:\n  demo/no-thing: [error, { allow: 3 }]\n" })).toBe(
      "<dir>/deploylint.config.yaml:2: rules.demo/no-thing[1].allow: must be array. (options of demo/no-thing)",
    );
    expect(await configError({ "deploylint.config.yaml": "rules:\n  demo/no-other: [error, { a: 1 }]\n" })).toBe(
      "<dir>/deploylint.config.yaml:2: rules.demo/no-other[1]: demo/no-other takes no options.",
    );
  });

  it("runs the rule's own option checks at load time", async () => {
    expect(
      await configError({ "deploylint.config.yaml": "rules:\n  demo/no-thing: [error, { allow: [forbidden] }]\n" }),
    ).toBe(
      "<dir>/deploylint.config.yaml:2: rules.demo/no-thing[1]: allow may not hold forbidden. (options of demo/no-thing)",
    );
  });

  it("rejects broken YAML, unknown presets and missing plugins in one line", async () => {
    expect(await configError({ "deploylint.config.yaml": "rules: [\n" })).toMatch(
      /^<dir>\/deploylint\.config\.yaml:\d+: not valid YAML: /,
    );
    expect(await configError({ "deploylint.config.yaml": "extends: [recomended]\n" })).toMatch(
      /unknown config "recomended"; did you mean "recommended"\?/,
    );
    expect(await configError({ "deploylint.config.yaml": "plugins: [./nope.mjs]\n" })).toMatch(
      /plugins\[0\]: the pack "\.\/nope\.mjs" failed to load/,
    );
    expect(await configError({ "deploylint.config.yaml": "plugins: [not-installed-pack]\n" })).toMatch(
      /plugins\[0\]: cannot find the pack "not-installed-pack"/,
    );
  });

  it("loads a plugin pack by relative path and lets its rules be configured", async () => {
    const dir = project({
      "tools/pack.mjs": `export default { name: "local", rules: [{ id: "r", meta: { description: "R.", kinds: ["text"], presets: { recommended: "warn", strict: "error" }, messages: { m: "M." } }, create: () => null }], configs: { recommended: { rules: { "local/r": "warn" } } } };`,
      "deploylint.config.yaml": "plugins: [./tools/pack.mjs]\nextends: [local/recommended]\n",
    });
    const config = await loadConfig({ cwd: dir, builtins });
    expect(config.packs.map((p) => p.pack.name)).toEqual(["demo", "local"]);
    expect(config.packs[1]?.specifier).toMatch(/^file:\/\/.*\/tools\/pack\.mjs$/);
    expect(config.rules["local/r"]?.severity).toBe("warn");
  });
});
