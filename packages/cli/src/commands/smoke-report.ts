// What `deploylint smoke` prints: a table of every check (the default, also for --format stylish),
// or, for every other format the linter has, each failed check as a finding of smoke/<kind> at the
// check's place in the config file, so CI annotations, SARIF and JUnit show it like a lint error.
import { createHash } from "node:crypto";
import { relative } from "node:path";
import type { Finding, LintResult, ReporterContext } from "@deploylint/core";
import picocolors from "picocolors";
import { version } from "../builtins.js";
import { checkPosition } from "./smoke-config.js";
import type { CheckOutcome } from "./smoke-run.js";

export const TABLE_FORMATS = new Set(["table", "stylish"]);

export function renderTable(options: {
  outcomes: readonly CheckOutcome[];
  environment: string;
  baseUrl: string;
  color: boolean;
}): string {
  const colors = picocolors.createColors(options.color);
  const { outcomes } = options;
  const width = Math.max("check".length, ...outcomes.map((o) => o.name.length));
  const kindWidth = Math.max("kind".length, ...outcomes.map((o) => (o.kind ?? "-").length));
  const lines = [
    colors.bold(`deploylint smoke (environment: ${options.environment}, ${options.baseUrl})`),
    "",
    `  ${"check".padEnd(width)}  ${"kind".padEnd(kindWidth)}  result  detail`,
  ];
  for (const o of outcomes) {
    const label = o.passed ? colors.green("PASS".padEnd(6)) : colors.red("FAIL".padEnd(6));
    const tries = o.attempts > 1 ? ` (attempt ${o.attempts})` : "";
    lines.push(`  ${o.name.padEnd(width)}  ${(o.kind ?? "-").padEnd(kindWidth)}  ${label}  ${o.detail}${tries}`);
  }
  const failed = outcomes.filter((o) => !o.passed).length;
  lines.push(
    "",
    failed > 0
      ? colors.bold(colors.red(`✖ ${failed} of ${outcomes.length} smoke checks failed on ${options.environment}.`))
      : colors.bold(
          colors.green(`✔ ${outcomes.length} of ${outcomes.length} smoke checks passed on ${options.environment}.`),
        ),
    "",
  );
  return lines.join("\n");
}

/** A rule-like id per kind, so reporters group and describe failed checks. */
export function smokeRuleId(kind: string | null): string {
  return `smoke/${kind ?? "check"}`;
}

export function asLintResult(options: {
  outcomes: readonly CheckOutcome[];
  environment: string;
  configFile: string | null;
  cwd: string;
}): LintResult {
  const file = options.configFile
    ? relative(options.cwd, options.configFile).split("\\").join("/")
    : "deploylint.config.yaml";
  const findings: Finding[] = options.outcomes
    .filter((o) => !o.passed)
    .map((o) => {
      const { line, column } = checkPosition(options.configFile, o.index);
      const ruleId = smokeRuleId(o.kind);
      return {
        ruleId,
        severity: "error",
        message: `Smoke check "${o.name}" failed on ${options.environment}: ${o.detail}`,
        file,
        line,
        column,
        endLine: line,
        endColumn: column,
        fingerprint: createHash("sha256")
          .update(`${ruleId}\0${o.name}\0${options.environment}`)
          .digest("hex")
          .slice(0, 16),
      };
    });
  return {
    version: 1,
    findings,
    summary: { files: options.outcomes.length, errors: findings.length, warnings: 0, suppressed: 0 },
    suppressed: [],
    skipped: [],
  };
}

const KIND_DESCRIPTIONS: Record<string, string> = {
  health: "Smoke check of the health endpoint after a deploy",
  auth: "Smoke check of authentication after a deploy",
  flow: "Smoke check of a critical user flow after a deploy",
  integration: "Smoke check of an external integration after a deploy",
  check: "Smoke check after a deploy",
};

export function smokeReporterContext(cwd: string, color: boolean): ReporterContext {
  const rules = Object.fromEntries(
    Object.entries(KIND_DESCRIPTIONS).map(([kind, description]) => [
      smokeRuleId(kind === "check" ? null : kind),
      {
        description,
        help: "deploylint smoke runs the checks declared in smoke.checks; see docs/guides/smoke.md.",
        severity: "error" as const,
      },
    ]),
  );
  return { cwd, color, rules, version: version() };
}
