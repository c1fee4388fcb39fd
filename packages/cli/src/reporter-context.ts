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
  /** Columns to wrap the human formats to; see terminalWidth. */
  width?: number;
}

/**
 * The width the human formats wrap to: the terminal's, or COLUMNS when set (a CI log or `less`
 * can ask for one). A pipe or a file without COLUMNS gets no wrapping, so tools that read lines
 * see one finding per line.
 */
export function terminalWidth(options: {
  isTTY: boolean;
  columns?: number | undefined;
  env: NodeJS.ProcessEnv;
  toFile: boolean;
}): number | undefined {
  if (options.toFile) return undefined;
  const fromEnv = /^\d+$/.test(options.env.COLUMNS ?? "") ? Number(options.env.COLUMNS) : undefined;
  const width = options.isTTY ? (options.columns ?? fromEnv) : fromEnv;
  // Narrower than this, wrapping makes more noise than it saves.
  return width !== undefined && width >= 40 ? width : undefined;
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
    ...(options.width !== undefined ? { width: options.width } : {}),
  };
}
