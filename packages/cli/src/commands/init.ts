// `deploylint init`: detect the repository's migrations, env files, manifest and CI, write a
// commented deploylint.config.yaml, and optionally a GitHub Actions workflow and a baseline.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CONFIG_FILE_NAMES, UsageError } from "@deploylint/core";
import { BASELINE_FILE, writeBaseline } from "../baseline.js";
import type { Io } from "../cli.js";
import { lint, loadConfig } from "../index.js";
import { describeDetection, detectRepository } from "./init-detect.js";
import { type MigrationsProposal, renderConfig, renderWorkflow } from "./init-template.js";
import { proposeMigrations } from "./init-verify.js";

export const INIT_HELP = `Usage: deploylint init [options]

Detects migrations (folders, framework, dialect), env files, the environment ladder manifest, CI
providers and platform files, printing each with its reason. Each migrations setting is tried in a
lint run first and left out when it adds parse errors or switches the migrations pack off.
settings.migrations.startAfter is set to the newest existing migration: older ones are history.
Then writes a commented deploylint.config.yaml.

Options:
  -C, --cwd <dir>      the repository root (default: the current directory)
      --force          overwrite files that already exist
      --with-ci        also write .github/workflows/deploylint.yml
      --with-baseline  also write ${BASELINE_FILE} with every current finding
  -h, --help           print this help
`;

const OPTIONS = {
  cwd: { type: "string", short: "C" },
  force: { type: "boolean" },
  "with-ci": { type: "boolean" },
  "with-baseline": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export const CONFIG_FILE = "deploylint.config.yaml";
export const WORKFLOW_FILE = ".github/workflows/deploylint.yml";

function chosenLines(proposal: MigrationsProposal): string[] {
  return [
    `migrations.paths: ${proposal.paths.join(", ") || "(not set: conventional folders)"}`,
    `migrations.framework: ${proposal.framework ?? "(not set: detected file by file)"}`,
    `migrations.dialect: ${proposal.dialect ?? "(not set)"}`,
    `migrations.startAfter: ${proposal.startAfter ?? "(not set)"}${proposal.startAfter ? " (the newest existing migration: older ones are history)" : ""}`,
    ...proposal.dropped.map((line) => `not set: ${line}`),
  ];
}

/** Writes `text` to `path` unless it exists and --force is off; a refusal is a usage error. */
function writeNew(options: { root: string; path: string; text: string; force: boolean }): void {
  const target = join(options.root, options.path);
  if (existsSync(target) && !options.force) {
    throw new UsageError(`${options.path} already exists; pass --force to overwrite it.`);
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, options.text);
}

export async function init(argv: string[], io: Io): Promise<number> {
  let values: { cwd?: string; force?: boolean; "with-ci"?: boolean; "with-baseline"?: boolean; help?: boolean };
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true }).values;
  } catch (error) {
    throw new UsageError(`init: ${(error as Error).message} (deploylint init --help lists the options)`);
  }
  if (values.help) {
    io.stdout(INIT_HELP);
    return 0;
  }
  const root = values.cwd ? resolve(io.cwd, values.cwd) : io.cwd;
  const force = Boolean(values.force);
  const other = CONFIG_FILE_NAMES.find((name) => name !== CONFIG_FILE && existsSync(join(root, name)));
  if (other) {
    throw new UsageError(`${other} already configures deploylint here; remove it before running init.`);
  }
  // Checked up front, so a refused workflow never leaves a half-written setup behind.
  const planned = [
    CONFIG_FILE,
    ...(values["with-ci"] ? [WORKFLOW_FILE] : []),
    ...(values["with-baseline"] ? [BASELINE_FILE] : []),
  ];
  for (const path of planned) {
    if (existsSync(join(root, path)) && !force)
      throw new UsageError(`${path} already exists; pass --force to overwrite it.`);
  }

  const detection = detectRepository(root);
  io.stdout(
    `Detected:\n${describeDetection(detection)
      .map((line) => `  ${line}`)
      .join("\n")}\n`,
  );
  // Each detected setting is tried in a lint run first: a wrong dialect would turn findings into parse errors.
  const checks: string[] = [];
  const proposal = await proposeMigrations({
    cwd: root,
    config: await loadConfig({ cwd: root }),
    detection,
    log: (line) => checks.push(line),
  });
  if (checks.length > 0)
    io.stdout(`Checked each setting with a lint run:\n${checks.map((l) => `  ${l}`).join("\n")}\n`);
  if (proposal)
    io.stdout(
      `Chose:\n${chosenLines(proposal)
        .map((l) => `  ${l}`)
        .join("\n")}\n`,
    );
  writeNew({ root, path: CONFIG_FILE, text: renderConfig(detection, proposal), force });
  io.stdout(`Wrote ${CONFIG_FILE}.\n`);
  if (values["with-ci"]) {
    writeNew({ root, path: WORKFLOW_FILE, text: renderWorkflow({ branch: detection.mainBranch ?? "main" }), force });
    const note =
      detection.ci.length > 0 && !detection.ci.some((c) => c.value === "github-actions")
        ? ` (this repository uses ${detection.ci.map((c) => c.value).join(", ")}; see docs/guides/ci.md)`
        : "";
    io.stdout(`Wrote ${WORKFLOW_FILE}${note}.\n`);
  }
  if (values["with-baseline"]) {
    // Loaded from the file just written, so the baseline matches what later runs will see.
    const config = await loadConfig({ cwd: root });
    const result = await lint({ cwd: root, config });
    const path = join(root, BASELINE_FILE);
    writeBaseline(path, result.findings);
    io.stdout(`Wrote ${relative(root, path)} with ${result.findings.length} existing findings.\n`);
  }
  return 0;
}
