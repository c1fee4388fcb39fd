// `deploylint smoke`: after a deploy, runs the smoke checks the config declares (smoke.checks)
// against the environment's base URL. Exit 0 when every check passed, 1 when one failed, 2 when
// the checks cannot run (no checks, no URL, bad config, a header's variable unset): a gate that
// could not look never passes.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, requireDirectory, UsageError } from "@deploylint/core";
import type { Io } from "../cli.js";
import { loadConfig } from "../index.js";
import { loadReporter } from "../reporter.js";
import { baseUrl, checksFor, manifestUrl, readSmoke } from "./smoke-config.js";
import { asLintResult, renderTable, smokeReporterContext, TABLE_FORMATS } from "./smoke-report.js";
import { Masker, runChecks, secretsFrom } from "./smoke-run.js";

export const SMOKE_HELP = `Usage: deploylint smoke --environment <name> [options]

Runs the smoke checks of the config (smoke.checks) against a deployed environment: each check's
requests in order, a value captured by one step (a session token) sent by the next, the
expectations (status, JSON path values, body text, latency) checked on every response. A failed
check runs again with backoff (smoke.retries, smoke.backoff) while a deploy settles, all within
smoke.timeout seconds. Header values from environment variables are never printed.

Options:
  -e, --environment <name>  the environment deployed to (selects checks and its base URL)
  -u, --url <url>           the base URL (default: environments.<name>.url of the ladder manifest)
  -C, --cwd <dir>           the repository root (default: the current directory)
  -c, --config <file>       use this config file (no search)
  -f, --format <name>       table (default, also stylish), or json, junit, github, sarif, gitlab,
                            markdown…: each failed check as a finding of smoke/<kind>
      --no-color            no colours (also NO_COLOR=1)
  -h, --help                print this help

Exit codes: 0 every check passed, 1 a check failed, 2 the checks cannot run (none declared for the
environment, no base URL, a header's variable not set, bad config).
`;

const WHOLE_REPORT_MIN_SECRET = 8;

const OPTIONS = {
  environment: { type: "string", short: "e" },
  url: { type: "string", short: "u" },
  cwd: { type: "string", short: "C" },
  config: { type: "string", short: "c" },
  format: { type: "string", short: "f" },
  "no-color": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

interface SmokeValues {
  environment?: string;
  url?: string;
  cwd?: string;
  config?: string;
  format?: string;
  "no-color"?: boolean;
  help?: boolean;
}

function parse(argv: string[]): SmokeValues {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
    return values;
  } catch (error) {
    throw new UsageError(`smoke: ${(error as Error).message} (deploylint smoke --help lists the options)`);
  }
}

export async function smoke(argv: string[], io: Io): Promise<number> {
  const values = parse(argv);
  if (values.help) {
    io.stdout(SMOKE_HELP);
    return 0;
  }
  const environment = values.environment;
  if (!environment) throw new UsageError("smoke: --environment is required (the environment just deployed to).");
  const format = values.format ?? "table";
  const cwd = values.cwd ? resolve(io.cwd, values.cwd) : io.cwd;
  if (values.cwd) requireDirectory({ dir: cwd, label: "smoke: -C/--cwd", base: io.cwd });
  // Resolved before anything runs, so an unknown format fails fast.
  const reporter = TABLE_FORMATS.has(format) ? null : await loadReporter(format, cwd);
  const config = await loadConfig({ cwd, ...(values.config ? { configFile: values.config } : {}) });
  const settings = await readSmoke(config);
  const where = config.configFile ? ` in ${config.configFile}` : " (no config file)";
  const checks = settings.checks
    .map((check, index) => ({ check, index }))
    .filter(({ check }) => checksFor([check], environment).length > 0);
  if (checks.length === 0)
    throw new ConfigError(`smoke: no smoke checks are declared for ${environment} (smoke.checks${where}).`);
  const url = values.url ? baseUrl(values.url, "smoke: --url") : manifestUrl(config, cwd, environment);
  if (!url)
    throw new ConfigError(
      `smoke: no base URL for ${environment}: pass --url or set environments.${environment}.url in the ladder manifest.`,
    );
  // Every variable is read before the first request: a half-run smoke test proves nothing.
  const masker = new Masker(
    secretsFrom(
      checks.map((c) => c.check),
      io.env,
    ),
  );
  const outcomes = await runChecks(
    {
      baseUrl: url,
      checks,
      env: io.env,
      retries: settings.retries,
      backoffMs: settings.backoffSeconds * 1000,
      timeoutMs: settings.timeoutSeconds * 1000,
      onRetry: (name, attempt, waitMs, detail) =>
        io.stderr(
          `deploylint smoke: ${name}: attempt ${attempt} failed (${detail}); retrying in ${Math.round(waitMs / 100) / 10} s\n`,
        ),
    },
    masker,
  );
  const color = !values["no-color"] && !io.env.NO_COLOR && io.isTTY;
  const output = reporter
    ? reporter(
        asLintResult({ outcomes, environment, configFile: config.configFile, cwd }),
        smokeReporterContext(cwd, color),
      )
    : renderTable({ outcomes, environment, baseUrl: url, color });
  // Response text in the details is masked already. A second pass over the whole report costs
  // nothing and catches what a custom reporter might add; secrets shorter than this are left to
  // the first pass, as a second would star out ordinary words.
  io.stdout(masker.maskSecrets(output, WHOLE_REPORT_MIN_SECRET));
  return outcomes.every((o) => o.passed) ? 0 : 1;
}
