// Command-line front end: argument parsing, subcommands (rules, explain, init, pre-deploy, env check),
// reporters, baselines, exit codes.
// Exit 0 = no errors (and warnings within --max-warnings), 1 = findings, 2 = usage, config or
// internal error: a gate that cannot judge never passes.
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  applyCliV8Flags,
  applyEngineV8Flags,
  type BaselineSummary,
  ConfigError,
  type LintResult,
  type ResolvedConfig,
  RuleCrash,
  requireDirectory,
  suggest,
  UsageError,
} from "@deploylint/core";
import { applyBaseline, BASELINE_FILE, fixedNote, locateBaseline, readBaseline, writeBaseline } from "./baseline.js";
import { explainRule, listRules, ruleCatalogue } from "./catalogue.js";
import { loadEnvCheck } from "./commands/load-env-check.js";
import { emitReport } from "./emit-report.js";
import { groupHelp, groupMembers, isGroup, mainHelp } from "./help.js";
import { lint, loadConfig } from "./index.js";
import { startProgress } from "./progress.js";
import { loadReporter } from "./reporter.js";

const OPTIONS = {
  cwd: { type: "string", short: "C" },
  config: { type: "string", short: "c" },
  format: { type: "string", short: "f" },
  "output-file": { type: "string", short: "o" },
  "max-warnings": { type: "string" },
  quiet: { type: "boolean" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  cache: { type: "boolean" },
  fix: { type: "boolean" },
  "no-cache": { type: "boolean" },
  "cache-location": { type: "string" },
  "changed-since": { type: "string" },
  staged: { type: "boolean" },
  only: { type: "string", multiple: true },
  baseline: { type: "string" },
  "no-baseline": { type: "boolean" },
  "update-baseline": { type: "boolean" },
  "baseline-strict": { type: "boolean" },
  "print-config": { type: "string" },
  workers: { type: "string" },
  shard: { type: "string" },
  debug: { type: "boolean" },
  version: { type: "boolean", short: "v" },
  help: { type: "boolean", short: "h" },
} as const;

export async function main(argv: string[], io = defaultIo()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    io.stderr(`deploylint: ${oneLine(error)}\n`);
    if (!(error instanceof ConfigError || error instanceof UsageError) && wantsStack(argv, io.env)) {
      io.stderr(`${(error as Error).stack ?? ""}\n`);
    }
    return 2;
  }
}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
  stderrIsTTY: boolean;
  /** The terminal's width when stdout is one. */
  columns?: number;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

function defaultIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
    cwd: process.cwd(),
    env: process.env,
  };
}

async function run(argv: string[], io: Io): Promise<number> {
  const subcommand = await runSubcommand(argv, io);
  if (subcommand !== null) return subcommand;
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${oneLine(error)} (deploylint --help lists the options)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(mainHelp());
    return 0;
  }
  if (values.version) {
    const { version } = await import("./builtins.js");
    io.stdout(`${version()}\n`);
    return 0;
  }
  if (values.cwd) {
    const dir = resolve(io.cwd, values.cwd);
    requireDirectory({ dir, label: "-C/--cwd", base: io.cwd });
    io = { ...io, cwd: dir };
  }
  const debug = values.debug ? (message: string) => io.stderr(`[debug] ${message}\n`) : undefined;
  const configOptions = { cwd: io.cwd, ...(values.config ? { configFile: values.config } : {}) };

  const [command, ...rest] = positionals;
  if (command === "rules") {
    const config = await loadConfig(configOptions);
    io.stdout(listRules(ruleCatalogue(config)));
    return 0;
  }
  if (command === "explain") {
    const id = rest[0];
    if (!id) throw new UsageError("explain needs a rule id, e.g. deploylint explain migrations/no-drop-column.");
    io.stdout(explainRule(ruleCatalogue(await loadConfig(configOptions)), id));
    return 0;
  }

  const started = performance.now();
  const config = await loadConfig(configOptions);
  // performance.now() counts from the process's start: this is node's boot plus loading the CLI.
  debug?.(`start-up: ${Math.round(started)} ms, config loaded in ${Math.round(performance.now() - started)} ms`);
  debug?.(`config: ${config.configFile ?? "(none: recommended preset)"}`);
  debug?.(`packs: ${config.packs.map((p) => p.pack.name).join(", ")}`);
  if (debug) {
    // What the repository holds and why, by the same detection init uses (loaded only under --debug).
    const { describeDetection, detectRepository } = await import("./commands/init-detect.js");
    for (const line of describeDetection(detectRepository(io.cwd))) debug(`detected: ${line}`);
  }
  if (values["print-config"]) {
    // Imported only when asked for, as --fix below: a plain run never compiles them.
    const { printConfigFor } = await import("./print-config.js");
    io.stdout(`${JSON.stringify(printConfigFor(config, values["print-config"], io.cwd), null, 2)}\n`);
    return 0;
  }
  if (values.staged && values["changed-since"])
    throw new UsageError("--staged and --changed-since cannot be combined.");
  const maxWarnings = parseCount(values["max-warnings"], "--max-warnings");
  const workers = parseWorkers(values.workers);
  // A shard's partial report (--shard, --format partial, -o x.partial.json); loaded only then.
  if (values.shard !== undefined || values.format === "partial" || values["output-file"]?.endsWith(".partial.json")) {
    checkOnly(values.only, config);
    return (await import("./commands/merge-shard.js")).runShard({
      values,
      io,
      config,
      lintOptions: {
        ...(positionals.length > 0 ? { patterns: positionals } : {}),
        ...(values["changed-since"] ? { changedSince: values["changed-since"] } : {}),
        ...(values.only ? { only: values.only } : {}),
        ...(useCache(values) ? { cache: values["cache-location"] ?? true } : {}),
        ...(workers !== undefined ? { workers } : {}),
        ...(debug ? { debug } : {}),
        warn: (message: string) => io.stderr(`deploylint: warning: ${message}\n`),
      },
    });
  }
  const color = !values["no-color"] && !io.env.NO_COLOR && (values.color || (io.isTTY && !values["output-file"]));
  const reporter = await loadReporter(values.format ?? "stylish", io.cwd);
  checkOnly(values.only, config);

  const partial = positionals.length > 0 || Boolean(values.staged || values["changed-since"] || values.only);
  if (values["update-baseline"] && partial)
    throw new UsageError(
      "--update-baseline records every finding of a full run: drop paths, --staged, --changed-since and --only.",
    );
  if (values["update-baseline"] && values["no-baseline"])
    throw new UsageError("--update-baseline and --no-baseline cannot be combined.");

  // Located and read before linting, so a bad --baseline fails fast.
  const baselinePath = values["update-baseline"]
    ? resolve(io.cwd, values.baseline ?? BASELINE_FILE)
    : locateBaseline({
        cwd: io.cwd,
        ...(values.baseline ? { flag: values.baseline } : {}),
        disabled: Boolean(values["no-baseline"]),
      });
  let baseline = baselinePath && !values["update-baseline"] ? readBaseline(baselinePath) : null;

  if (values.fix && (values.staged || values["changed-since"]))
    throw new UsageError("--fix edits the working tree; it cannot be combined with --staged or --changed-since.");

  const progress = io.stderrIsTTY ? startProgress(io.stderr) : null;
  let result: LintResult;
  const runLintOnce = () =>
    lint({
      cwd: io.cwd,
      config,
      ...(positionals.length > 0 ? { patterns: positionals } : {}),
      ...(values["changed-since"] ? { changedSince: values["changed-since"] } : {}),
      ...(values.staged ? { staged: true } : {}),
      ...(values.only ? { only: values.only } : {}),
      ...(useCache(values) ? { cache: values["cache-location"] ?? true } : {}),
      ...(workers !== undefined ? { workers } : {}),
      ...(debug ? { debug } : {}),
      warn: (message: string) => io.stderr(`deploylint: warning: ${message}\n`),
    });
  // Set here rather than by the engine: they would also slow a host process calling lint() (run.ts).
  applyCliV8Flags();
  try {
    result = await runLintOnce();
    // Fixes can make new ones possible (or overlap): a few passes, like ESLint, then report what is left.
    // A refused fix is said once; its finding stays in the report and decides the exit code, as in ESLint.
    const refused = new Set<string>();
    const applyFixes = values.fix ? (await import("./fix.js")).applyFixes : null;
    for (let pass = 0; applyFixes && pass < 5; pass++) {
      const outcome = applyFixes({ cwd: io.cwd, findings: result.findings });
      for (const { file, reason } of outcome.refused) refused.add(`deploylint: did not fix ${file}: ${reason}.\n`);
      if (outcome.applied === 0) break;
      io.stderr(`deploylint: fixed ${outcome.applied} problem(s) in ${outcome.files.join(", ")}.\n`);
      result = await runLintOnce();
    }
    for (const line of refused) io.stderr(line);
  } finally {
    progress?.stop();
  }
  debug?.(`linted ${result.summary.files} files in ${Math.round(performance.now() - started)} ms`);

  let baselineSummary: BaselineSummary | undefined;
  let fixedBaseline = false;
  if (values["update-baseline"] && baselinePath) {
    baseline = writeBaseline(baselinePath, result.findings);
    io.stderr(
      `deploylint: wrote ${result.findings.length} findings to ${relative(io.cwd, baselinePath) || baselinePath}.\n`,
    );
  }
  if (baselinePath && baseline) {
    const outcome = applyBaseline(result, baseline, { full: !partial });
    result = outcome.result;
    const fixed = outcome.fixed.reduce((sum, entry) => sum + entry.count, 0);
    baselineSummary = { file: relative(io.cwd, baselinePath) || baselinePath, matched: outcome.matched, fixed };
    debug?.(`baseline ${baselinePath}: ${outcome.matched} hidden, ${fixed} fixed`);
    if (fixed > 0) {
      io.stderr(fixedNote(outcome.fixed, baselinePath, io.cwd));
      fixedBaseline = true;
    }
  }

  const exitCode = emitReport({
    result,
    reporter,
    config,
    io,
    flags: values,
    color: Boolean(color),
    maxWarnings,
    baselineSummary,
    fixedBaseline,
  });
  debug?.(`done ${Math.round(performance.now())} ms after the process started`);
  return exitCode;
}

/** Subcommands take their own options, so they are routed before parsing. */
async function runSubcommand(argv: string[], io: Io): Promise<number | null> {
  const [first, second, ...rest] = argv;
  if (first === "init") return (await import("./commands/init.js")).init(argv.slice(1), io);
  if (first === "pre-deploy") return (await import("./commands/pre-deploy.js")).preDeploy(argv.slice(1), io);
  if (first === "smoke") return (await import("./commands/smoke.js")).smoke(argv.slice(1), io);
  if (first === "strategy") return (await import("./commands/strategy.js")).strategy(argv.slice(1), io);
  if (first === "merge") return (await import("./commands/merge.js")).merge(argv.slice(1), io);
  if (first === "migrations" && second === "verify") {
    const { migrationsVerify } = await import("./commands/migrations-verify.js");
    // PGlite's PostgreSQL is a large WebAssembly module: kept on Liftoff as the lint engine keeps
    // libpg-query, verifying the example shop took 5.1 s of CPU instead of 7.9 and 107 MB less. Set
    // after the import, so the built-in modules it loads keep Node's code cache.
    applyEngineV8Flags();
    return migrationsVerify(rest, io);
  }
  if (first === "env" && second === "check") {
    const envCheck = await loadEnvCheck();
    if (!envCheck) throw new UsageError("deploylint env check is not available in this build.");
    return envCheck(rest, io);
  }
  if (first !== undefined && isGroup(first)) return groupWithoutCommand(first, second, io);
  return null;
}

/**
 * `deploylint migrations` alone, or with a word that is not one of its commands: the group's help.
 * Not exit 0: a CI step that meant `migrations verify` must not pass having checked nothing.
 */
function groupWithoutCommand(group: string, word: string | undefined, io: Io): number {
  if (word === "--help" || word === "-h") {
    io.stdout(groupHelp(group));
    return 0;
  }
  // A folder of that name is linted with a path that cannot be read as a command.
  const folder = existsSync(resolve(io.cwd, group)) ? ` To lint the folder ${group}, run deploylint ./${group}.` : "";
  if (word === undefined) {
    io.stdout(groupHelp(group));
    io.stderr(`deploylint: "${group}" needs a command: ${groupMembers(group).join(", ")}.${folder}\n`);
    return 2;
  }
  const hint = suggest(word, groupMembers(group));
  throw new UsageError(
    `Unknown command "${group} ${word}"${hint ? `; did you mean deploylint ${group} ${hint}?` : `: deploylint ${group} has ${groupMembers(group).join(", ")}.`}${folder}`,
  );
}

// A partial run (--staged, --changed-since) lints a few files but needs every file's facts for
// the project rules: the cache serves the unchanged ones, which is what makes a pre-commit hook fast.
function useCache(values: {
  cache?: boolean;
  "no-cache"?: boolean;
  "cache-location"?: string;
  staged?: boolean;
  "changed-since"?: string;
}): boolean {
  if (values["no-cache"]) return false;
  return Boolean(values.cache || values["cache-location"] || values.staged || values["changed-since"]);
}

function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number, not "${value}".`);
  return Number(value);
}

function parseWorkers(value: string | undefined): number | "auto" | undefined {
  if (value === undefined || value === "auto") return value;
  return parseCount(value, "--workers");
}

function checkOnly(only: string[] | undefined, config: ResolvedConfig): void {
  if (!only) return;
  const ids = ruleCatalogue(config).map((r) => r.id);
  for (const pattern of only) {
    const known = pattern.endsWith("/*")
      ? ids.some((id) => id.startsWith(pattern.slice(0, -1)))
      : ids.includes(pattern);
    if (!known) {
      const hint = suggest(pattern, ids);
      throw new UsageError(`--only ${pattern}: no such rule${hint ? `; did you mean ${hint}?` : ""}.`);
    }
  }
}

/** A stack trace is for whoever debugs deploylint: --debug or DEPLOYLINT_DEBUG=1 asks for it. */
export function wantsStack(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes("--debug") || Boolean(env.DEPLOYLINT_DEBUG);
}

export function oneLine(error: unknown): string {
  if (error instanceof RuleCrash) return `internal error: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n", 1)[0] ?? message;
}
