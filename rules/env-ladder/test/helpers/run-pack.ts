// Runs every env-ladder rule through the real engine over a set of in-memory files, for fixture
// repositories and reader tests (the RuleTester runs one rule at a time).
import { type Finding, type Pack, type ResolvedConfig, runLint } from "@deploylint/core";
import ladderPack from "../../src/index.js";

export async function runPack(options: {
  files: Record<string, string>;
  settings?: Record<string, unknown>;
  extraPack?: Pack;
  /** The env-ladder pack itself, or a copy of it (one whose extractors count their work). */
  pack?: Pack;
}): Promise<Finding[]> {
  const pack = options.pack ?? ladderPack;
  const rules: ResolvedConfig["rules"] = { "deploylint/parse-error": { severity: "error", options: undefined } };
  for (const rule of pack.rules) {
    rules[`${pack.name}/${rule.id}`] = { severity: "error", options: rule.meta.defaultOptions };
  }
  const packs = [{ pack, specifier: null }];
  if (options.extraPack) packs.push({ pack: options.extraPack, specifier: null });
  const result = await runLint({
    config: {
      configFile: null,
      packs,
      rules,
      overrides: [],
      settings: options.settings ?? {},
      ignores: [],
      maxFileSize: Number.MAX_SAFE_INTEGER,
    },
    files: Object.entries(options.files).map(([path, text]) => ({ path, absolutePath: `/virtual/${path}`, text })),
    workers: 0,
    readText: async () => ({ ok: false, reason: "virtual files only" }),
  });
  return result.findings;
}

/** "ruleId file:line:column" lines, as the fixture expectations list them. */
export function describeFindings(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`);
}
