// init never writes a config that makes things worse: each detected migrations setting is tried
// in a lint run and kept only when it adds no parse error and does not switch the migrations pack
// off (every finding of the pack gone), compared with the run without it.
import type { Finding, ResolvedConfig } from "@deploylint/core";
import { FRAMEWORKS } from "@deploylint/rules-migrations/model";
import { lint } from "../index.js";
import type { Detection } from "./init-detect.js";
import type { MigrationsProposal } from "./init-template.js";

interface Outcome {
  parseErrors: number;
  migrationFindings: number;
}

function outcomeOf(findings: readonly Finding[]): Outcome {
  return {
    parseErrors: findings.filter((f) => f.ruleId.endsWith("/parse-error")).length,
    // A parse error is no finding about a migration: the pack could not read it.
    migrationFindings: findings.filter((f) => f.ruleId.startsWith("migrations/") && !f.ruleId.endsWith("/parse-error"))
      .length,
  };
}

/** Why `after` is worse than `before`, or null when it is not. */
export function worseBy(before: Outcome, after: Outcome): string | null {
  if (after.parseErrors > before.parseErrors)
    return `it turns ${before.parseErrors} parse errors into ${after.parseErrors}`;
  if (before.migrationFindings > 0 && after.migrationFindings === 0)
    return `it switches the migrations pack off (${before.migrationFindings} findings to none)`;
  return null;
}

type Step = { key: "paths" | "framework" | "dialect"; value: string | string[]; label: string };

/** The settings detection suggests, before any is checked. */
function candidates(detection: Detection): Step[] {
  const roots = detection.migrations;
  const steps: Step[] = [];
  if (roots.length > 0) {
    const paths = roots.map((r) => r.path);
    steps.push({ key: "paths", value: paths, label: `paths [${paths.join(", ")}]` });
  }
  const frameworks = new Set(roots.map((r) => r.framework.value));
  const [framework] = frameworks;
  // One framework for every folder, and one the setting accepts (tagged SQL is told file by file).
  if (frameworks.size === 1 && framework !== undefined && (FRAMEWORKS as readonly string[]).includes(framework))
    steps.push({ key: "framework", value: framework, label: `framework ${framework}` });
  const dialects = new Set(roots.map((r) => r.dialect?.value ?? null));
  const [dialect] = dialects;
  if (dialects.size === 1 && dialect !== null && dialect !== undefined)
    steps.push({ key: "dialect", value: dialect, label: `dialect ${dialect}` });
  return steps;
}

/**
 * The migrations settings to write: each candidate is added in turn and kept only when the lint
 * with it is no worse than without it. `startAfter` comes last and is not compared: hiding history
 * is what it is for.
 */
export async function proposeMigrations(options: {
  cwd: string;
  config: ResolvedConfig;
  detection: Detection;
  log: (line: string) => void;
}): Promise<MigrationsProposal | null> {
  const { detection } = options;
  if (detection.migrations.length === 0) return null;
  // Only the migrations pack over the detected folders: the settings change nothing else, and a
  // whole-repository run per setting costs minutes on a large application.
  const patterns = detection.migrations.map((r) => r.path);
  const run = async (migrations: Record<string, unknown>) => {
    const config = { ...options.config, settings: { ...options.config.settings, migrations } };
    const result = await lint({ cwd: options.cwd, config, patterns, only: ["migrations/*"], warn: () => {} });
    return outcomeOf(result.findings);
  };
  const chosen: Record<string, unknown> = {};
  const dropped: string[] = [];
  let current = await run({});
  options.log(
    `checked: without settings, ${current.parseErrors} parse errors and ${current.migrationFindings} migration findings`,
  );
  const steps = candidates(detection);
  // Usually every setting is right: one run with all of them, and step by step only when it is worse.
  const all = Object.fromEntries(steps.map((step) => [step.key, step.value]));
  const together = steps.length > 1 ? await run(all) : null;
  if (together !== null && worseBy(current, together) === null) {
    options.log(
      `kept ${steps.map((s) => s.label).join(", ")} (${together.parseErrors} parse errors, ${together.migrationFindings} migration findings)`,
    );
    Object.assign(chosen, all);
    steps.length = 0;
  }
  for (const step of steps) {
    const trial = await run({ ...chosen, [step.key]: step.value });
    const worse = worseBy(current, trial);
    if (worse !== null) {
      dropped.push(`${step.label}, detected, because ${worse}`);
      options.log(`dropped ${step.label}: ${worse}`);
      continue;
    }
    chosen[step.key] = step.value;
    current = trial;
    options.log(
      `kept ${step.label} (${trial.parseErrors} parse errors, ${trial.migrationFindings} migration findings)`,
    );
  }
  // One threshold for the whole history, so only where every folder shares one version scheme.
  const newest = detection.migrations.map((r) => r.newestVersion);
  const startAfter = newest.length === 1 ? (newest[0] ?? null) : null;
  if (newest.length > 1) dropped.push("startAfter, because the folders number their migrations separately");
  return {
    paths: (chosen.paths as string[] | undefined) ?? [],
    framework: (chosen.framework as string | undefined) ?? null,
    dialect: (chosen.dialect as string | undefined) ?? null,
    startAfter,
    dropped,
  };
}
