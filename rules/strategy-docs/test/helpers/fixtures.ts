// The fixture repositories (test/fixtures/good and broken) read into path -> text maps, variants of
// the good one with one piece of text changed, and the pack as the CLI runs it: with the env-ladder
// and rollout extractors whose facts (manifest, model, platform files) its rules read.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { type Finding, type Pack, type ResolvedConfig, runLint } from "@deploylint/core";
import ladder from "@deploylint/rules-env-ladder";
import rollout from "@deploylint/rules-rollout";
import pack from "../../src/index.js";

const ROOT = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const STRATEGY = "standards/ops/deployment-strategy.md";
export const RFC = "artifacts/rfcs/0001-gift-cards.md";

/** The pack with the extractors of the packs it reads facts from (the CLI loads them all). */
export const testPack: Pack = {
  ...pack,
  extractors: [...(pack.extractors ?? []), ...(ladder.extractors ?? []), ...(rollout.extractors ?? [])],
};

export function fixture(name: "good" | "broken"): Record<string, string> {
  const dir = join(ROOT, name);
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/");
    if (path !== "deploylint.config.yaml") files[path] = readFileSync(join(dir, path), "utf8");
  }
  return files;
}

/** The good fixture with `search` replaced in one file (the text must be there), or the file removed when `replace` is null. */
export function variant(path: string, search: string | RegExp, replace: string | null): Record<string, string> {
  const files = fixture("good");
  const text = files[path];
  if (text === undefined) throw new Error(`The good fixture has no ${path}.`);
  if (replace === null) {
    delete files[path];
    return files;
  }
  const found = typeof search === "string" ? text.includes(search) : search.test(text);
  if (!found) throw new Error(`good/${path} has no ${String(search)}.`);
  files[path] = text.replace(search, replace);
  return files;
}

/** The good fixture with the strategy document replaced by `text`. */
export function withStrategy(text: string, files = fixture("good")): Record<string, string> {
  return { ...files, [STRATEGY]: text };
}

/**
 * Runs the given rules (full ids, at error) with the testPack and any other packs over in-memory
 * files: for a rule that reads which other rules the config enables (the RuleTester enables one).
 */
export async function runRules(options: {
  files: Record<string, string>;
  rules: Record<string, "error" | "off">;
  packs?: Pack[];
}): Promise<Finding[]> {
  const rules: ResolvedConfig["rules"] = {};
  for (const [id, severity] of Object.entries(options.rules)) rules[id] = { severity, options: undefined };
  const result = await runLint({
    config: {
      configFile: null,
      packs: [testPack, ...(options.packs ?? [])].map((each) => ({ pack: each, specifier: null })),
      rules,
      overrides: [],
      settings: {},
      ignores: [],
      maxFileSize: Number.MAX_SAFE_INTEGER,
    },
    files: Object.entries(options.files).map(([path, text]) => ({ path, absolutePath: `/virtual/${path}`, text })),
    workers: 0,
    readText: async () => ({ ok: false, reason: "virtual files only" }),
  });
  return result.findings;
}
