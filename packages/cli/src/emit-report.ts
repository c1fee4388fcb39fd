// The end of a lint run and of `deploylint merge`: the report printed (or written) in the chosen
// format, the GitHub job summary, and the exit code. One place, so a merged run reports and exits
// exactly as a single run would.
import { appendFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { BaselineSummary, LintResult, Reporter, ReporterContext, ResolvedConfig } from "@deploylint/core";
import { githubStepSummary } from "@deploylint/reporters";
import type { Io } from "./cli.js";
import { buildReporterContext, terminalWidth } from "./reporter-context.js";

export interface EmitOptions {
  result: LintResult;
  reporter: Reporter;
  config: ResolvedConfig;
  io: Io;
  format: string | undefined;
  outputFile: string | undefined;
  quiet: boolean;
  color: boolean;
  maxWarnings: number | undefined;
  baselineSummary: BaselineSummary | undefined;
  /** The baseline lists findings that are gone and --baseline-strict asks that to fail. */
  strictFailure: boolean;
}

/** Prints the report and returns the exit code: 1 on an error, too many warnings or a strict baseline. */
export function emitReport(options: EmitOptions): number {
  const { result, io, maxWarnings, baselineSummary } = options;
  const reported = options.quiet ? withErrorsOnly(result) : result;
  const context = buildReporterContext({
    config: options.config,
    cwd: io.cwd,
    color: options.color,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    ...(baselineSummary ? { baseline: baselineSummary } : {}),
    width: terminalWidth({ ...io, toFile: Boolean(options.outputFile) }),
  });
  const output = options.reporter(reported, context);
  if (options.outputFile) writeFileSync(resolve(io.cwd, options.outputFile), output);
  else io.stdout(output);
  // GitHub shows at most 10 annotations per level and step; the job summary shows every finding.
  if (options.format === "github") writeStepSummary(reported, context, io);
  const tooManyWarnings = maxWarnings !== undefined && result.summary.warnings > maxWarnings;
  return result.summary.errors > 0 || tooManyWarnings || options.strictFailure ? 1 : 0;
}

function withErrorsOnly(result: LintResult): LintResult {
  const findings = result.findings.filter((f) => f.severity === "error");
  return { ...result, findings, summary: { ...result.summary, warnings: 0 } };
}

function writeStepSummary(result: LintResult, context: ReporterContext, io: Io): void {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, githubStepSummary(result, context));
  else
    io.stderr(
      "deploylint: GITHUB_STEP_SUMMARY is not set, so the full list of findings is only in this log, not in a job summary.\n",
    );
}
