// Baselines: adopt deploylint on an old repository without a flood. The file holds fingerprints and
// counts per file and rule (never a message or a value), sorted, so it diffs small and only shrinks.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { ConfigError, type Finding, type LintResult } from "@deploylint/core";
import { BASELINE_FILE } from "./baseline-file.js";

export { BASELINE_FILE };

export interface BaselineEntry {
  count: number;
  fingerprints: string[];
}

export interface Baseline {
  version: 1;
  /** file -> rule id -> the fingerprints of the findings it accepts. */
  files: Record<string, Record<string, BaselineEntry>>;
}

export interface FixedEntry {
  file: string;
  ruleId: string;
  count: number;
}

export interface BaselineOutcome {
  result: LintResult;
  matched: number;
  /** Entries no finding matched; empty when the run was partial and cannot tell. */
  fixed: FixedEntry[];
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildBaseline(findings: readonly Finding[]): Baseline {
  const grouped = new Map<string, Map<string, string[]>>();
  for (const finding of findings) {
    const rules = grouped.get(finding.file) ?? new Map<string, string[]>();
    grouped.set(finding.file, rules);
    const fingerprints = rules.get(finding.ruleId);
    if (fingerprints) fingerprints.push(finding.fingerprint);
    else rules.set(finding.ruleId, [finding.fingerprint]);
  }
  const files: Baseline["files"] = {};
  for (const file of [...grouped.keys()].sort(byCodeUnit)) {
    const rules = grouped.get(file) as Map<string, string[]>;
    const entries: Record<string, BaselineEntry> = {};
    for (const ruleId of [...rules.keys()].sort(byCodeUnit)) {
      const fingerprints = (rules.get(ruleId) as string[]).slice().sort(byCodeUnit);
      entries[ruleId] = { count: fingerprints.length, fingerprints };
    }
    files[file] = entries;
  }
  return { version: 1, files };
}

export function writeBaseline(path: string, findings: readonly Finding[]): Baseline {
  const baseline = buildBaseline(findings);
  writeFileSync(path, `${JSON.stringify(baseline, null, 2)}\n`);
  return baseline;
}

export function readBaseline(path: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ConfigError(`${path}: not a readable baseline: ${(error as Error).message.split("\n")[0]}`);
  }
  if (!isBaseline(data)) {
    throw new ConfigError(
      `${path}: not a deploylint baseline (expected {"version": 1, "files": {file: {rule: {count, fingerprints}}}}); regenerate it with --update-baseline.`,
    );
  }
  return data;
}

function isBaseline(data: unknown): data is Baseline {
  if (!data || typeof data !== "object") return false;
  const { version, files } = data as { version?: unknown; files?: unknown };
  if (version !== 1 || !files || typeof files !== "object" || Array.isArray(files)) return false;
  return Object.values(files).every(
    (rules) =>
      rules &&
      typeof rules === "object" &&
      Object.values(rules as object).every(
        (entry: unknown) =>
          !!entry &&
          typeof entry === "object" &&
          Array.isArray((entry as BaselineEntry).fingerprints) &&
          (entry as BaselineEntry).fingerprints.every((f) => typeof f === "string"),
      ),
  );
}

/**
 * Hides the findings the baseline holds and recounts the summary. `full` says whether every file
 * was linted; only then can an entry nobody matched be called fixed.
 */
export function applyBaseline(result: LintResult, baseline: Baseline, options: { full: boolean }): BaselineOutcome {
  const unused = new Map<string, Set<string>>();
  for (const [file, rules] of Object.entries(baseline.files)) {
    for (const [ruleId, entry] of Object.entries(rules)) unused.set(`${file}\0${ruleId}`, new Set(entry.fingerprints));
  }
  const kept: Finding[] = [];
  let matched = 0;
  for (const finding of result.findings) {
    const pending = unused.get(`${finding.file}\0${finding.ruleId}`);
    if (pending?.delete(finding.fingerprint)) matched++;
    else kept.push(finding);
  }
  const fixed: FixedEntry[] = [];
  if (options.full) {
    for (const [key, fingerprints] of unused) {
      if (fingerprints.size === 0) continue;
      const [file, ruleId] = key.split("\0") as [string, string];
      fixed.push({ file, ruleId, count: fingerprints.size });
    }
  }
  const count = (severity: Finding["severity"]) => kept.filter((f) => f.severity === severity).length;
  return {
    result: {
      ...result,
      findings: kept,
      summary: { ...result.summary, errors: count("error"), warnings: count("warn") },
    },
    matched,
    fixed,
  };
}

/** The baseline path to use: the flag's file, else the default name in cwd when it exists, else none. */
export function locateBaseline(options: { cwd: string; flag?: string; disabled?: boolean }): string | null {
  if (options.disabled) return null;
  if (options.flag) {
    const path = resolve(options.cwd, options.flag);
    if (!existsSync(path))
      throw new ConfigError(`--baseline ${options.flag}: no such file (create it with --update-baseline).`);
    return path;
  }
  const path = resolve(options.cwd, BASELINE_FILE);
  return existsSync(path) ? path : null;
}

export function fixedNote(fixed: readonly FixedEntry[], path: string, cwd: string): string {
  const total = fixed.reduce((sum, entry) => sum + entry.count, 0);
  const lines = [
    `deploylint: ${total === 1 ? "1 entry" : `${total} entries`} of ${relative(cwd, path) || path} no longer ${total === 1 ? "matches" : "match"} a finding (fixed); run deploylint --update-baseline so the baseline shrinks:`,
    ...fixed.map((entry) => `  ${entry.file}  ${entry.ruleId}  ×${entry.count}`),
  ];
  return `${lines.join("\n")}\n`;
}
