// `deploylint merge <partials…>`: completes a run sharded with --shard i/n. It refuses partials
// that are not the n shards of one run (exit 2, one line), runs the project rules over the facts of
// every shard, applies suppressions and the baseline, and reports and exits as a single run would.
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  type BaselineSummary,
  type LintResult,
  mergePartials,
  PARTIAL_FORMAT,
  type PartialReport,
  parsePartial,
  partialConfigFingerprint,
  requireDirectory,
  UsageError,
} from "@deploylint/core";
import { applyBaseline, BASELINE_FILE, fixedNote, locateBaseline, readBaseline } from "../baseline.js";
import { version } from "../builtins.js";
import type { Io } from "../cli.js";
import { emitReport } from "../emit-report.js";
import { loadConfig } from "../index.js";
import { loadReporter } from "../reporter.js";

export const MERGE_HELP = `Usage: deploylint merge <partial reports…> [options]

Completes a run sharded across CI jobs with deploylint --shard <i>/<n> --format partial: checks
that the partial reports are the n shards of one run (same commit, files, config, deploylint
version and secret key; every shard once), runs the project rules over the facts of all shards,
applies suppressions and the baseline, and prints the report a single run would have printed.
Run it in the same checkout as the shards (it reads the config and the baseline there).

Options:
  -C, --cwd <dir>             the repository root (default: the current directory); the partial
                              reports' paths are relative to it
  -c, --config <file>         use this config file (no search), as the shards did
  -f, --format <name>         stylish (default), json, sarif, github, gitlab, junit, markdown…
  -o, --output-file <file>    write the report to a file
      --max-warnings <n>      exit 1 when there are more than n warnings
      --quiet                 report errors only
      --no-color              no colours (also NO_COLOR=1)
      --baseline <file>       hide the findings this baseline holds (default: ${BASELINE_FILE} when present)
      --no-baseline           ignore ${BASELINE_FILE} even when present
      --baseline-strict       exit 1 when baseline entries no longer match
      --debug                 print timings to stderr
  -h, --help                  print this help

Exit codes: 0 no errors, 1 findings (as a single run), 2 the partials are not one run's shards
(a shard missing or repeated, another commit, config, version or shard count), or bad usage.
`;

const OPTIONS = {
  cwd: { type: "string", short: "C" },
  config: { type: "string", short: "c" },
  format: { type: "string", short: "f" },
  "output-file": { type: "string", short: "o" },
  "max-warnings": { type: "string" },
  quiet: { type: "boolean" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  baseline: { type: "string" },
  "no-baseline": { type: "boolean" },
  "baseline-strict": { type: "boolean" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export async function merge(argv: string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split("\n")[0]} (deploylint merge --help lists the options)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(MERGE_HELP);
    return 0;
  }
  if (values.cwd) {
    const dir = resolve(io.cwd, values.cwd);
    requireDirectory({ dir, label: "-C/--cwd", base: io.cwd });
    io = { ...io, cwd: dir };
  }
  if (positionals.length === 0) {
    // `deploylint merge` linted a folder named merge before this command existed.
    const folder = existsSync(resolve(io.cwd, "merge")) ? " To lint the folder merge, run deploylint ./merge." : "";
    throw new UsageError(
      `merge needs the partial reports of every shard, e.g. deploylint merge partials/*.partial.json.${folder}`,
    );
  }
  if (values.format === "partial")
    throw new UsageError("merge prints the final report: choose stylish, json, sarif or another report format.");
  const debug = values.debug ? (message: string) => io.stderr(`[debug] ${message}\n`) : undefined;
  const maxWarnings = parseCount(values["max-warnings"]);
  const config = await loadConfig({ cwd: io.cwd, ...(values.config ? { configFile: values.config } : {}) });
  const reporter = await loadReporter(values.format ?? "stylish", io.cwd);
  const baselinePath = locateBaseline({
    cwd: io.cwd,
    ...(values.baseline ? { flag: values.baseline } : {}),
    disabled: Boolean(values["no-baseline"]),
  });
  const baseline = baselinePath ? readBaseline(baselinePath) : null;

  const partials = positionals.map((name) => ({ name, partial: readPartial(resolve(io.cwd, name), name) }));
  const started = performance.now();
  let result: LintResult = mergePartials({
    config,
    version: version(),
    configFingerprint: (only) => partialConfigFingerprint(config, only),
    partials,
    ...(debug ? { debug } : {}),
  });
  debug?.(`merged ${partials.length} partial reports in ${Math.round(performance.now() - started)} ms`);

  let baselineSummary: BaselineSummary | undefined;
  let fixedBaseline = false;
  if (baselinePath && baseline) {
    const outcome = applyBaseline(result, baseline, { full: isFullRun(partials[0]?.partial) });
    result = outcome.result;
    const fixed = outcome.fixed.reduce((sum, entry) => sum + entry.count, 0);
    baselineSummary = { file: relative(io.cwd, baselinePath) || baselinePath, matched: outcome.matched, fixed };
    if (fixed > 0) {
      io.stderr(fixedNote(outcome.fixed, baselinePath, io.cwd));
      fixedBaseline = true;
    }
  }
  const color = !values["no-color"] && !io.env.NO_COLOR && (values.color || (io.isTTY && !values["output-file"]));
  return emitReport({
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
}

function readPartial(path: string, name: string): PartialReport {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new UsageError(`cannot read the partial report ${name} (${reason}).`);
  }
  return parsePartial(text, name);
}

/**
 * As in a single run, a baseline entry counts as fixed only when the run saw every file with every
 * rule: not when the shards were given paths, --changed-since or --only.
 */
function isFullRun(partial: PartialReport | undefined): boolean {
  if (!partial || partial.format !== PARTIAL_FORMAT) return false;
  return partial.scope.lintPaths === null && partial.scope.changes === null && partial.scope.only === null;
}

function parseCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number, not "${value}".`);
  return Number(value);
}
