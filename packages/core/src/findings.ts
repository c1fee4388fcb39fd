// The output contract (DESIGN.md "Findings and output contract"): what every reporter and the
// public API receive. Plain JSON, stable field order.
import type { ReportedSeverity, Severity } from "./rule-api/types.js";

export interface Finding {
  ruleId: string;
  severity: ReportedSeverity;
  message: string;
  help?: string;
  /** Relative to the working directory, `/` separators. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fingerprint: string;
  /** The edit `--fix` would apply (not part of the JSON report). */
  fix?: ResolvedFix;
}

/** A fix with its file resolved (relative to the working directory). */
export type ResolvedFix =
  | { file: string; range: { start: number; end: number }; text: string }
  | { file: string; append: string };

export interface SuppressedFinding extends Finding {
  /** The `-- reason` of the directive that suppressed it, when one was given. */
  suppressedBy: { line: number; reason: string | null };
}

export interface LintSummary {
  files: number;
  errors: number;
  warnings: number;
  suppressed: number;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface LintResult {
  version: 1;
  findings: Finding[];
  summary: LintSummary;
  /** Findings an inline directive suppressed (not counted in errors/warnings). */
  suppressed: SuppressedFinding[];
  /** Files discovery or reading skipped (binary, too large, invalid UTF-8, unreadable, loops). */
  skipped: SkippedFile[];
}

/** What a reporter knows about one rule (machine formats describe every rule they mention). */
export interface ReporterRuleInfo {
  description: string;
  help?: string;
  url?: string;
  /** Severity in the run's config, for SARIF's defaultConfiguration.level. */
  severity?: Severity;
}

/** How a baseline filtered the run, for the human formats (the json contract stays as it is). */
export interface BaselineSummary {
  /** The baseline file, relative to the working directory. */
  file: string;
  /** Findings the baseline hid. */
  matched: number;
  /** Baseline entries no current finding matches any more. */
  fixed: number;
}

/** Everything a reporter may use besides the result. */
export interface ReporterContext {
  cwd: string;
  color: boolean;
  /** Rule metadata by full id, for help text and docs links. */
  rules: Record<string, ReporterRuleInfo>;
  maxWarnings?: number;
  /** deploylint's version (SARIF tool.driver.semanticVersion). */
  version?: string;
  /** Base URL of the rule docs, for rules without a url of their own: `<base>/<pack>/<id>.md`. */
  docsBaseUrl?: string;
  baseline?: BaselineSummary;
  /** Columns to wrap the human formats to (the terminal's width); absent: no wrapping. */
  width?: number;
}

export type Reporter = (result: LintResult, context: ReporterContext) => string;
