// `deploylint strategy`: writes the deployment strategy document (standards/ops/deployment-strategy.md)
// from what deploylint knows of the repository, checks it for drift (--check), or appends a
// deployment-plan skeleton to an RFC (--rfc). Exit 0 done or in step, 1 drift or a hand-edited
// document in the way, 2 usage or config error.
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, type ResolvedConfig, requireDirectory, UsageError } from "@deploylint/core";
import { DEFAULT_STRATEGY, FILL_IN_COMMENT } from "@deploylint/rules-strategy-docs";
import type { Io } from "../cli.js";
import { loadConfig } from "../index.js";
import { findDrift, renderDrift } from "./strategy/drift.js";
import { gatherInputs } from "./strategy/gather.js";
import type { StrategyInputs } from "./strategy/inputs.js";
import { renderStrategy } from "./strategy/render.js";
import { withDeploymentPlan } from "./strategy/rfc.js";

export const STRATEGY_HELP = `Usage: deploylint strategy [--check] [--force] [--rfc <file>] [options]

Writes the deployment strategy document from what deploylint knows: the ladder manifest's
environments, the CI pipeline, the platform files and their rollback commands, the migrations
rules the config turns on, the documented variables and the smoke checks. What only a person can
know is marked ${FILL_IN_COMMENT}; replace each mark. The document is
${DEFAULT_STRATEGY}, or settings.strategyDocs.strategy of the config, else
docs.deployment_strategy of company.config.yaml; always inside the repository.

A document that exists is never overwritten when its generated parts no longer match the
repository (it may hold your edits): the command exits 1 and says so. Run --check to see the
drift, and --force to write a fresh document (what you filled in is then lost). When only marks
were filled in, it is left as it is.

Options:
      --check             compare the document with what would be written now: print the
                          sections that drifted and exit 1; sections whose marks were all filled in
                          are yours and never count as drift
      --force             overwrite the document even when it differs
      --rfc <file>        append a "## Deployment plan" skeleton to this RFC (migration order, flag
                          rollout 0 → 5 → 25 → 50 → 100%, rollback triggers, canary criteria when a
                          canary is configured); an RFC that has the section is left alone
  -C, --cwd <dir>         the repository root (default: the current directory)
  -c, --config <file>     use this config file (no search)
  -h, --help              print this help

Exit codes: 0 written or in step, 1 drift (--check) or a differing document without --force,
2 usage or config error.
`;

const OPTIONS = {
  check: { type: "boolean" },
  force: { type: "boolean" },
  rfc: { type: "string" },
  cwd: { type: "string", short: "C" },
  config: { type: "string", short: "c" },
  help: { type: "boolean", short: "h" },
} as const;

interface StrategyValues {
  check?: boolean;
  force?: boolean;
  rfc?: string;
  cwd?: string;
  config?: string;
  help?: boolean;
}

function parse(argv: string[]): StrategyValues {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
    return values;
  } catch (error) {
    throw new UsageError(`strategy: ${(error as Error).message} (deploylint strategy --help lists the options)`);
  }
}

/**
 * A path inside the working directory, or a one-line error: the command writes nowhere else. The
 * nearest existing ancestor is resolved through symlinks, so a link cannot lead the write outside.
 */
function insideCwd(cwd: string, path: string, label: string, makeError: (message: string) => Error): string {
  const full = resolve(cwd, path);
  const root = realpathSync(cwd);
  let existing = full;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const real = resolve(realpathSync(existing), relative(existing, full));
  const rel = relative(root, real);
  if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel))
    throw makeError(`strategy: ${label} ${path} is outside the working directory ${cwd}.`);
  return full;
}

/** Where the document lives: settings.strategyDocs.strategy, else the manifest's docs.deployment_strategy, else the default (as the strategy-docs pack reads it). */
function strategyPath(config: ResolvedConfig, inputs: StrategyInputs): string {
  const section = config.settings.strategyDocs;
  const configured =
    typeof section === "object" && section !== null ? (section as { strategy?: unknown }).strategy : undefined;
  if (configured === undefined) return inputs.manifest?.strategyDocument ?? DEFAULT_STRATEGY;
  if (typeof configured !== "string" || configured.trim() === "")
    throw new ConfigError("settings.strategyDocs.strategy must be a path (relative to the working directory).");
  return configured.trim();
}

function readText(path: string, shown: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`strategy: cannot read ${shown} (${(error as NodeJS.ErrnoException).code ?? "unreadable"}).`);
  }
}

const marksIn = (text: string): number => text.split(FILL_IN_COMMENT).length - 1;

export async function strategy(argv: string[], io: Io): Promise<number> {
  const values = parse(argv);
  if (values.help) {
    io.stdout(STRATEGY_HELP);
    return 0;
  }
  if (values.rfc !== undefined && (values.check || values.force))
    throw new UsageError("strategy: --rfc cannot be combined with --check or --force.");
  if (values.check && values.force) throw new UsageError("strategy: --check and --force cannot be combined.");
  const cwd = values.cwd ? resolve(io.cwd, values.cwd) : io.cwd;
  if (values.cwd) requireDirectory({ dir: cwd, label: "strategy: -C/--cwd", base: io.cwd });
  const config = await loadConfig({ cwd, ...(values.config ? { configFile: values.config } : {}) });

  if (values.rfc !== undefined) {
    const file = insideCwd(cwd, values.rfc, "--rfc", (message) => new UsageError(message));
    const shown = relative(cwd, file);
    const inputs = await gatherInputs(config, cwd);
    const original = readText(file, shown);
    const updated = withDeploymentPlan(original, {
      canary: inputs.platforms.some((platform) => platform.strategies.includes("canary")),
      migrations: inputs.migrationFolders.length > 0,
    });
    if (updated === null) {
      io.stdout(`${shown} already has a Deployment plan section; left unchanged.\n`);
      return 0;
    }
    writeFileSync(file, updated);
    io.stdout(
      `Added a Deployment plan to ${shown}: replace its ${marksIn(updated) - marksIn(original)} fill-in marks.\n`,
    );
    return 0;
  }

  const inputs = await gatherInputs(config, cwd);
  const path = strategyPath(config, inputs);
  const file = insideCwd(cwd, path, "the strategy document", (message) => new ConfigError(message));
  const shown = relative(cwd, file);
  const generated = renderStrategy(inputs);
  const existing = existsSync(file) ? readText(file, shown) : null;

  if (values.check) {
    if (existing === null) {
      io.stderr(`deploylint strategy: ${shown} does not exist; run deploylint strategy to write it.\n`);
      return 1;
    }
    const drift = findDrift(generated, existing);
    if (drift.length === 0) {
      io.stdout(`${shown} matches the repository (${marksIn(existing)} fill-in marks left).\n`);
      return 0;
    }
    io.stdout(renderDrift(shown, drift));
    io.stderr(
      `deploylint strategy: ${drift.length} section${drift.length === 1 ? "" : "s"} of ${shown} no longer match${drift.length === 1 ? "es" : ""} the repository.\n`,
    );
    return 1;
  }

  if (existing !== null && !values.force) {
    if (findDrift(generated, existing).length === 0) {
      io.stdout(`${shown} is up to date (${marksIn(existing)} fill-in marks left); nothing written.\n`);
      return 0;
    }
    io.stderr(
      `deploylint strategy: ${shown} exists and differs from what would be written; run deploylint strategy --check to see the drift, or --force to overwrite it.\n`,
    );
    return 1;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, generated);
  io.stdout(`Wrote ${shown}: replace its ${marksIn(generated)} fill-in marks.\n`);
  return 0;
}
