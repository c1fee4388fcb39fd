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
  /** The report flags as parsed, the same for a lint run and `deploylint merge`. */
  flags: { format?: string; "output-file"?: string; quiet?: boolean; "baseline-strict"?: boolean };
  color: boolean;
  maxWarnings: number | undefined;
  baselineSummary: BaselineSummary | undefined;
  /** The baseline lists findings that are gone (which --baseline-strict fails). */
  fixedBaseline: boolean;
}

/** Prints the report and returns the exit code: 1 on an error, too many warnings or a strict baseline. */
export function emitReport(options: EmitOptions): number {
  const { result, io, flags, maxWarnings, baselineSummary } = options;
  const outputFile = flags["output-file"];
  const reported = flags.quiet ? withErrorsOnly(result) : result;
  const context = buildReporterContext({
    config: options.config,
    cwd: io.cwd,
    color: options.color,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    ...(baselineSummary ? { baseline: baselineSummary } : {}),
    width: terminalWidth({ ...io, toFile: Boolean(outputFile) }),
  });
  const output = options.reporter(reported, context);
  if (outputFile) writeFileSync(resolve(io.cwd, outputFile), output);
  else io.stdout(output);
  // GitHub shows at most 10 annotations per level and step; the job summary shows every finding.
  if (flags.format === "github") writeStepSummary(reported, context, io);
  const tooManyWarnings = maxWarnings !== undefined && result.summary.warnings > maxWarnings;
  const strictFailure = options.fixedBaseline && Boolean(flags["baseline-strict"]);
  return result.summary.errors > 0 || tooManyWarnings || strictFailure ? 1 : 0;
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
