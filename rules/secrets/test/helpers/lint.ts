// Runs the secrets pack through the real engine over in-memory files, for tests that need more
// than RuleTester compares (severities, several rules at once, raw findings for leak checks).
import { type Finding, type LintResult, type ResolvedConfig, runLint } from "@deploylint/core";
import pack from "../../src/index.js";

export async function lintFiles(options: {
  files: Record<string, string>;
  rules?: Record<string, unknown>;
  settings?: Record<string, unknown>;
}): Promise<Finding[]> {
  return (await lintResult(options)).findings;
}

/** The whole LintResult (findings, summary, suppressions), as reporters receive it. */
export async function lintResult(options: {
  files: Record<string, string>;
  rules?: Record<string, unknown>;
  settings?: Record<string, unknown>;
}): Promise<LintResult> {
  const rules: ResolvedConfig["rules"] = {};
  const wanted = options.rules ?? Object.fromEntries(pack.rules.map((rule) => [rule.id, undefined]));
  for (const [id, ruleOptions] of Object.entries(wanted)) {
    rules[`secrets/${id}`] = { severity: "error", options: ruleOptions };
  }
  const config: ResolvedConfig = {
    configFile: null,
    packs: [{ pack, specifier: null }],
    rules,
    overrides: [],
    settings: options.settings ?? {},
    ignores: [],
    maxFileSize: Number.MAX_SAFE_INTEGER,
  };
  return runLint({
    config,
    files: Object.entries(options.files).map(([path, text]) => ({ path, absolutePath: `/virtual/${path}`, text })),
    workers: 0,
    readText: async () => ({ ok: false, reason: "virtual files only" }),
  });
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
export function at(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} is not in the text`);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}
