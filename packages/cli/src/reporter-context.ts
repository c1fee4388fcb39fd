// Builds what every reporter receives besides the result: rule metadata (description, help, docs
// link, configured severity), the tool version and how a baseline filtered the run.
import type { BaselineSummary, ReporterContext, ResolvedConfig } from "@deploylint/core";
import { version } from "./builtins.js";
import { ruleCatalogue } from "./catalogue.js";

export interface ReporterContextOptions {
  config: ResolvedConfig;
  cwd: string;
  color: boolean;
  maxWarnings?: number;
  baseline?: BaselineSummary;
}

export function buildReporterContext(options: ReporterContextOptions): ReporterContext {
  const rules = Object.fromEntries(
    ruleCatalogue(options.config).map((r) => [
      r.id,
      {
        description: r.description,
        ...(r.help ? { help: r.help } : {}),
        ...(r.url ? { url: r.url } : {}),
        severity: r.configured,
      },
    ]),
  );
  return {
    cwd: options.cwd,
    color: options.color,
    rules,
    version: version(),
    ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
    ...(options.baseline ? { baseline: options.baseline } : {}),
  };
}
