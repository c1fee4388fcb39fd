// The output contract (DESIGN.md "Findings and output contract"): what every reporter and the
// public API receive. Plain JSON, stable field order.
import type { ReportedSeverity } from "./rule-api/types.js";

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
}

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

/** Everything a reporter may use besides the result. */
export interface ReporterContext {
  cwd: string;
  color: boolean;
  /** Rule metadata by full id, for help text and docs links. */
  rules: Record<string, { description: string; help?: string; url?: string }>;
  maxWarnings?: number;
}

export type Reporter = (result: LintResult, context: ReporterContext) => string;
