// Fixture repositories for the pipeline rules: one per provider under fixtures/<provider>/, each a
// pipeline that meets the strategy; tests break it one edit at a time with `edit`.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { type Finding, type ResolvedConfig, runLint } from "@deploylint/core";
import rollout from "@deploylint/rules-rollout";
import pack from "../src/index.js";

export type Provider = "github-actions" | "gitlab-ci" | "circleci" | "bitbucket" | "azure";

export const PROVIDERS: Provider[] = ["github-actions", "gitlab-ci", "circleci", "bitbucket", "azure"];

/** The pipeline file of each fixture (where edits go unless a test names another). */
export const MAIN_FILE: Record<Provider, string> = {
  "github-actions": ".github/workflows/pipeline.yml",
  "gitlab-ci": ".gitlab-ci.yml",
  circleci: ".circleci/config.yml",
  bitbucket: "bitbucket-pipelines.yml",
  azure: "azure-pipelines.yml",
};

const ROOT = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** Every file of a fixture repository, by repository-relative path. */
export function fixture(provider: Provider): Record<string, string> {
  const base = join(ROOT, provider);
  const files: Record<string, string> = {};
  for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(base, path).split(sep).join("/")] = readFileSync(path, "utf8");
  }
  return files;
}

/**
 * The fixture with `from` replaced by `to` in one file (the provider's pipeline by default); fails
 * when `from` is not there, so a fixture change cannot turn a test into one that checks nothing.
 */
export function edit(provider: Provider, from: string, to: string, file = MAIN_FILE[provider]): Record<string, string> {
  return editFiles(fixture(provider), file, from, to);
}

export function editFiles(
  files: Record<string, string>,
  file: string,
  from: string,
  to: string,
): Record<string, string> {
  const text = files[file];
  if (text === undefined || !text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
  return { ...files, [file]: text.replace(from, to) };
}

/** The 1-based line of the `occurrence`th line (the first by default) containing `text` in a fixture file. */
export function lineOf(files: Record<string, string>, file: string, text: string, occurrence = 1): number {
  const lines = (files[file] ?? "").split("\n");
  const found = lines.flatMap((line, index) => (line.includes(text) ? [index + 1] : []));
  const line = found[occurrence - 1];
  if (line === undefined) throw new Error(`${file} has no line ${occurrence} with ${JSON.stringify(text)}`);
  return line;
}

const RULE_IDS = pack.rules.map((rule) => `pipeline/${rule.id}`);

/** Every pipeline rule's findings (and parse errors) for a set of files, each rule at error. */
export async function lintAll(files: Record<string, string>): Promise<Finding[]> {
  const rules: ResolvedConfig["rules"] = { "deploylint/parse-error": { severity: "error", options: undefined } };
  for (const rule of pack.rules)
    rules[`pipeline/${rule.id}`] = { severity: "error", options: rule.meta.defaultOptions };
  const config: ResolvedConfig = {
    configFile: null,
    packs: [
      { pack, specifier: null },
      { pack: rollout, specifier: null },
    ],
    rules,
    overrides: [],
    settings: {},
    ignores: [],
    maxFileSize: Number.MAX_SAFE_INTEGER,
  };
  const result = await runLint({
    config,
    files: Object.entries(files).map(([path, text]) => ({ path, absolutePath: `/virtual/${path}`, text })),
    workers: 0,
    readText: async () => ({ ok: false, reason: "virtual files only" }),
  });
  return result.findings.filter((f) => RULE_IDS.includes(f.ruleId) || f.ruleId === "deploylint/parse-error");
}
