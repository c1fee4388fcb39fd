// `deploylint pre-deploy`: the deploy gate. One pass/fail table over a clean working tree, the
// expected branch, secrets, migrations, the environment's variables and the configured commands.
// Exit 0 when nothing failed, 1 when a check failed, 2 on usage or config errors.
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type ResolvedConfig, requireDirectory, suggest, UsageError } from "@deploylint/core";
import { locateBaseline, readBaseline } from "../baseline.js";
import type { Io } from "../cli.js";
import { loadConfig } from "../index.js";
import {
  type CheckResult,
  checkBranch,
  checkCleanTree,
  checkEnv,
  checkMigrationsVerify,
  checkPack,
  checkSmokeDeclared,
  defaultBranch,
  type PackLimits,
} from "./pre-deploy-checks.js";
import { checkCommand } from "./pre-deploy-command.js";
import { type Manifest, preDeployCommands, readManifest } from "./pre-deploy-config.js";
import { renderChecks } from "./pre-deploy-table.js";

export const PRE_DEPLOY_HELP = `Usage: deploylint pre-deploy [options]

Runs every deploy check and prints one pass/fail table: working tree clean, on the expected
branch, no secrets (secrets pack), migrations valid (migrations pack), required environment
variables set (deploylint env check), with --verify migrations verify, the pipeline, rollout and
strategy-docs packs when the config turns them on (extends: [recommended, strategy]), smoke checks declared
for --environment when the config has a smoke section, then each of
preDeploy.commands from the config: their output streams to stderr, and one that runs longer than
its timeout (preDeploy.timeout, default 600 s) is stopped and fails. The table shows a command's
name, or the command with credential-looking tokens masked.

Options:
  -e, --environment <name>  the environment being deployed (checked against the manifest)
  -b, --branch <name>       the branch deploys come from (default: the manifest's branching.main, else origin's default branch, else main, or master when there is no main)
      --verify              also run deploylint migrations verify (up, down, up on an embedded database)
      --changed-since <ref> check secrets and migrations only in files changed since the merge base with <ref>
                            (change-set rules, such as an edited applied migration, still see every migration)
      --baseline <file>     known findings not to count (default: deploylint-baseline.json when it exists)
      --no-baseline         count every finding, known or not
  -C, --cwd <dir>           the repository root (default: the current directory)
  -c, --config <file>       use this config file (no search)
  -f, --format <name>       table (default) or json
  -h, --help                print this help

Exit codes: 0 every check passed (skipped checks are listed), 1 a check failed, 2 usage or config error.
`;

const OPTIONS = {
  environment: { type: "string", short: "e" },
  branch: { type: "string", short: "b" },
  verify: { type: "boolean" },
  "changed-since": { type: "string" },
  baseline: { type: "string" },
  "no-baseline": { type: "boolean" },
  cwd: { type: "string", short: "C" },
  config: { type: "string", short: "c" },
  format: { type: "string", short: "f" },
  help: { type: "boolean", short: "h" },
} as const;

interface PreDeployValues {
  environment?: string;
  branch?: string;
  verify?: boolean;
  "changed-since"?: string;
  baseline?: string;
  "no-baseline"?: boolean;
  cwd?: string;
  config?: string;
  format?: string;
  help?: boolean;
}

function parse(argv: string[]): PreDeployValues {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
    return values;
  } catch (error) {
    throw new UsageError(`pre-deploy: ${(error as Error).message} (deploylint pre-deploy --help lists the options)`);
  }
}

/** settings.migrations.startAfter as written (a number in YAML when unquoted). */
function startAfterOf(settings: ResolvedConfig["settings"]): string | null {
  const value = (settings.migrations as { startAfter?: unknown } | undefined)?.startAfter;
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
}

/** settings.envDocs.example when it names one file. */
function envExample(config: ResolvedConfig): string | null {
  const example = (config.settings.envDocs as { example?: unknown } | undefined)?.example;
  return typeof example === "string" ? example : null;
}

/** A deploy to an environment the manifest does not declare is a usage error, not a pass. */
function checkDeclared(environment: string, manifest: Manifest): void {
  if (manifest.environments.includes(environment)) return;
  if (manifest.environments.length === 0) {
    throw new UsageError(
      `pre-deploy: ${manifest.path} declares no environments (an environments: map), so --environment ${environment} cannot be checked.`,
    );
  }
  const hint = suggest(environment, manifest.environments);
  throw new UsageError(
    `pre-deploy: ${manifest.path} declares no environment "${environment}"${hint ? `; did you mean ${hint}?` : ""} (declared: ${manifest.environments.join(", ")}).`,
  );
}

export async function preDeploy(argv: string[], io: Io): Promise<number> {
  const values = parse(argv);
  if (values.help) {
    io.stdout(PRE_DEPLOY_HELP);
    return 0;
  }
  const format = values.format ?? "table";
  if (format !== "table" && format !== "json")
    throw new UsageError(`pre-deploy: --format is table or json, not "${format}".`);
  const cwd = values.cwd ? resolve(io.cwd, values.cwd) : io.cwd;
  if (values.cwd) requireDirectory({ dir: cwd, label: "pre-deploy: -C/--cwd", base: io.cwd });
  const config = await loadConfig({ cwd, ...(values.config ? { configFile: values.config } : {}) });
  const commands = await preDeployCommands(config);
  const manifest = readManifest(config, cwd);
  const environment = values.environment ?? null;
  if (environment !== null && manifest) checkDeclared(environment, manifest);
  const expected = values.branch
    ? { branch: values.branch, source: "--branch" }
    : manifest?.mainBranch
      ? { branch: manifest.mainBranch, source: `branching.main in ${manifest.path}` }
      : defaultBranch(cwd);

  if (values.baseline && values["no-baseline"])
    throw new UsageError("pre-deploy: --baseline and --no-baseline cannot be combined.");
  const baselinePath = locateBaseline({
    cwd,
    ...(values.baseline ? { flag: values.baseline } : {}),
    disabled: Boolean(values["no-baseline"]),
  });
  const limits: PackLimits = {
    changedSince: values["changed-since"] ?? null,
    baseline: baselinePath
      ? { path: relative(cwd, baselinePath) || baselinePath, baseline: readBaseline(baselinePath) }
      : null,
    startAfter: startAfterOf(config.settings),
  };
  const checks: CheckResult[] = [
    checkCleanTree(cwd),
    checkBranch(cwd, expected),
    await checkPack({ cwd, config, pack: "secrets", name: "no secrets", limits }),
    await checkPack({ cwd, config, pack: "migrations", name: "migrations valid", limits }),
    ...(values.verify ? [await checkMigrationsVerify({ io: { ...io, cwd } })] : []),
    await checkEnv({ io: { ...io, cwd }, environment, example: envExample(config) }),
    // The deployment-strategy packs are opt-in (the `strategy` preset): a row only when the config
    // turns on one of their rules, so a project that has not adopted the strategy is not failed by it.
    ...(packEnabled(config, "pipeline")
      ? [await checkPack({ cwd, config, pack: "pipeline", name: "pipeline gates deploys", limits })]
      : []),
    ...(packEnabled(config, "rollout")
      ? [await checkPack({ cwd, config, pack: "rollout", name: "rollout fits the model", limits })]
      : []),
    ...(packEnabled(config, "strategy-docs")
      ? [await checkPack({ cwd, config, pack: "strategy-docs", name: "strategy documented", limits })]
      : []),
  ];
  const smokeDeclared = await checkSmokeDeclared({ config, environment });
  if (smokeDeclared) checks.push(smokeDeclared);
  // One at a time, in order, each streaming its output: commands often depend on each other.
  for (const command of commands) checks.push(await checkCommand({ cwd, command, io }));

  if (format === "json") {
    const failed = checks.some((c) => c.status === "fail");
    io.stdout(`${JSON.stringify({ passed: !failed, environment, checks }, null, 2)}\n`);
  } else {
    io.stdout(renderChecks({ checks, environment, color: io.isTTY && !io.env.NO_COLOR }));
  }
  return checks.some((c) => c.status === "fail") ? 1 : 0;
}

/** Whether the config turns on any rule of the pack (anything but "off"). */
function packEnabled(config: ResolvedConfig, pack: string): boolean {
  return Object.entries(config.rules).some(([id, entry]) => id.startsWith(`${pack}/`) && entry.severity !== "off");
}
