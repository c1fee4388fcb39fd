// The public API of deploylint: the same pipeline as the CLI, typed, returning what the JSON
// report holds. Rule-pack authors also get defineRule / definePack / defineExtractor here.
import { join } from "node:path";
import { type LintResult, lintProject, loadConfig as loadCoreConfig, type ResolvedConfig } from "@deploylint/core";
import { builtins, version } from "./builtins.js";

export type {
  Finding,
  LintResult,
  LintSummary,
  Pack,
  Reporter,
  ReporterContext,
  ResolvedConfig,
  Rule,
  Severity,
} from "@deploylint/core";
export { defineExtractor, definePack, defineRule } from "@deploylint/core/rule-api";

export interface LoadConfigOptions {
  /** Where to start looking for a config (default: process.cwd()). */
  cwd?: string;
  /** An explicit config file; no search when given. */
  configFile?: string;
}

/** Loads, validates and flattens the config that applies to `cwd`, with the shipped packs and presets. */
export function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  return loadCoreConfig({
    cwd: options.cwd ?? process.cwd(),
    ...(options.configFile ? { configFile: options.configFile } : {}),
    builtins: builtins(),
  });
}

export interface LintOptions extends LoadConfigOptions {
  /** Files, directories or globs (default: the whole working directory). */
  patterns?: string[];
  /** A config from loadConfig(); loaded from cwd when absent. */
  config?: ResolvedConfig;
  changedSince?: string;
  staged?: boolean;
  only?: string[];
  /** true: cache in node_modules/.cache/deploylint; a string: that folder. */
  cache?: boolean | string;
  workers?: number | "auto";
  /** Receives diagnostic lines (what --debug prints). */
  debug?: (message: string) => void;
  /** Receives one-line warnings (a cache that cannot be written, a .gitignore line that cannot be used); default: a line on stderr. */
  warn?: (message: string) => void;
}

/** Lints a repository exactly as `deploylint --format json` does and returns that report. */
export async function lint(options: LintOptions = {}): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? (await loadConfig(options));
  const cacheLocation =
    options.cache === true ? join("node_modules", ".cache", "deploylint") : options.cache ? options.cache : undefined;
  return lintProject({
    config,
    cwd,
    version: version(),
    ...(options.patterns ? { patterns: options.patterns } : {}),
    ...(options.changedSince ? { changedSince: options.changedSince } : {}),
    ...(options.staged ? { staged: true } : {}),
    ...(options.only ? { only: options.only } : {}),
    ...(cacheLocation ? { cacheLocation } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.debug ? { debug: options.debug } : {}),
    ...(options.warn ? { warn: options.warn } : {}),
  });
}
