// Runs every rollout rule at error through the real engine over in-memory files.
import { type Finding, type ResolvedConfig, runLint } from "@deploylint/core";
import pack from "../../src/index.js";

export async function runPack(files: Record<string, string>): Promise<Finding[]> {
  const rules: ResolvedConfig["rules"] = { "deploylint/parse-error": { severity: "error", options: undefined } };
  for (const rule of pack.rules)
    rules[`${pack.name}/${rule.id}`] = { severity: "error", options: rule.meta.defaultOptions };
  const result = await runLint({
    config: {
      configFile: null,
      packs: [{ pack, specifier: null }],
      rules,
      overrides: [],
      settings: {},
      ignores: [],
      maxFileSize: Number.MAX_SAFE_INTEGER,
    },
    files: Object.entries(files).map(([path, text]) => ({ path, absolutePath: `/virtual/${path}`, text })),
    workers: 0,
    readText: async () => ({ ok: false, reason: "virtual files only" }),
  });
  return result.findings;
}

/** "ruleId file:line" lines, for comparing whole runs. */
export function describeFindings(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
}
