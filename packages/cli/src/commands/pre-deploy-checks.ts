// The checks of `deploylint pre-deploy`, each returning pass, fail or skipped with a one-line detail.
// Every check runs, whatever the others found, so the table shows everything that blocks a deploy.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Finding, ResolvedConfig } from "@deploylint/core";
import { EXAMPLE_FILE_NAMES } from "@deploylint/core/rule-api";
import { applyBaseline, type Baseline } from "../baseline.js";
import type { Io } from "../cli.js";
import { lint } from "../index.js";
import { loadEnvCheck, loadMigrationsVerify } from "./load-env-check.js";
import { checksFor, readSmoke } from "./smoke-config.js";

export type CheckStatus = "pass" | "fail" | "skipped";

export interface CheckResult {
  name: string;
  status: CheckStatus;
  detail: string;
  /** Output worth showing under the table when the check failed (a command's last lines). */
  output?: string;
  /** How the check looked at less than everything (--changed-since, the baseline, startAfter). */
  limited?: string;
}

const MAX_LISTED = 5;

function git(cwd: string, args: string[]): { ok: boolean; out: string } {
  const run = spawnSync("git", args, { cwd, encoding: "utf8" });
  return { ok: run.status === 0, out: run.status === 0 ? run.stdout : run.stderr || String(run.error ?? "") };
}

export function checkCleanTree(cwd: string): CheckResult {
  const name = "working tree clean";
  const status = git(cwd, ["status", "--porcelain", "--untracked-files=normal"]);
  if (!status.ok)
    return { name, status: "fail", detail: `not a git working tree: ${status.out.trim().split("\n")[0]}` };
  const changes = status.out.split("\n").filter((line) => line.trim() !== "");
  if (changes.length === 0) return { name, status: "pass", detail: "no uncommitted changes" };
  const listed = changes.slice(0, MAX_LISTED).map((line) => line.trim());
  const more = changes.length > MAX_LISTED ? `, … ${changes.length - MAX_LISTED} more` : "";
  return {
    name,
    status: "fail",
    detail: `${changes.length} uncommitted change${changes.length === 1 ? "" : "s"}: ${listed.join(", ")}${more}; commit or stash them, so what is deployed is what was reviewed`,
  };
}

/**
 * The branch deploys come from when neither --branch nor the manifest says: the remote's default
 * branch (origin/HEAD) when the clone knows it, else whichever of main and master exists (many
 * repositories still release from master), else main.
 */
export function defaultBranch(cwd: string): { branch: string; source: string } {
  const remote = git(cwd, ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]);
  if (remote.ok && remote.out.trim().startsWith("origin/"))
    return { branch: remote.out.trim().slice("origin/".length), source: "the default branch of origin" };
  const exists = (branch: string) => git(cwd, ["rev-parse", "--verify", "--quiet", `refs/heads/${branch}`]).ok;
  if (!exists("main") && exists("master"))
    return {
      branch: "master",
      source: "the repository has master and no main; set branching.main in the manifest or pass --branch",
    };
  return { branch: "main", source: "default; set branching.main in the manifest or pass --branch" };
}

export function checkBranch(cwd: string, expected: { branch: string; source: string }): CheckResult {
  const name = `on branch ${expected.branch}`;
  const head = git(cwd, ["symbolic-ref", "--quiet", "--short", "HEAD"]);
  if (!head.ok)
    return {
      name,
      status: "fail",
      detail: `HEAD is detached or not a git repository (expected ${expected.branch}, ${expected.source})`,
    };
  const current = head.out.trim();
  if (current === expected.branch) return { name, status: "pass", detail: `on ${current} (${expected.source})` };
  return {
    name,
    status: "fail",
    detail: `on ${current}, expected ${expected.branch} (${expected.source}); deploy from the release branch`,
  };
}

/** "rule ×n" per rule, most frequent first, for the one-line detail. */
function countByRule(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const listed = sorted.slice(0, 3).map(([rule, n]) => `${rule} ×${n}`);
  return `${listed.join(", ")}${sorted.length > 3 ? ", …" : ""}`;
}

const MAX_FINDINGS_SHOWN = 20;

/** The findings under the table: position, rule and the (already masked) message. */
function findingLines(findings: readonly Finding[]): string {
  const lines = findings
    .slice(0, MAX_FINDINGS_SHOWN)
    .map((f) => `${f.file}:${f.line}:${f.column}  ${f.ruleId}  ${f.message}`);
  if (findings.length > MAX_FINDINGS_SHOWN) lines.push(`… ${findings.length - MAX_FINDINGS_SHOWN} more`);
  return lines.join("\n");
}

/** How a pack check was limited: by --changed-since, by the baseline, by startAfter. */
export interface PackLimits {
  changedSince: string | null;
  baseline: { path: string; baseline: Baseline } | null;
  /** settings.migrations.startAfter, shown on the migrations check. */
  startAfter: string | null;
}

/**
 * Lints with one pack only, exactly as `deploylint --only "<pack>/*"` would, limited as the
 * command line says: to what changed since a ref, and without the baseline's known findings. The
 * detail says how, so a pass never hides that it looked at less.
 */
export async function checkPack(options: {
  cwd: string;
  config: ResolvedConfig;
  pack: string;
  name: string;
  limits?: PackLimits;
}): Promise<CheckResult> {
  const limits = options.limits;
  let result = await lint({
    cwd: options.cwd,
    config: options.config,
    only: [`${options.pack}/*`],
    ...(limits?.changedSince ? { changedSince: limits.changedSince } : {}),
  });
  const limited: string[] = [];
  if (limits?.changedSince) limited.push(`files changed since ${limits.changedSince}`);
  if (limits?.baseline) {
    const outcome = applyBaseline(result, limits.baseline.baseline, { full: false });
    result = outcome.result;
    if (outcome.matched > 0) limited.push(`${outcome.matched} known in ${limits.baseline.path} not counted`);
  }
  if (options.pack === "migrations" && limits?.startAfter)
    limited.push(`migrations at or before ${limits.startAfter} (startAfter) are history`);
  const limitNote = limited.length > 0 ? { limited: limited.join("; ") } : {};
  const errors = result.findings.filter((f) => f.severity === "error");
  const warnings = result.findings.filter((f) => f.severity === "warn").length;
  const warningNote = warnings > 0 ? `; ${warnings} warning${warnings === 1 ? "" : "s"}` : "";
  if (errors.length === 0) {
    return {
      name: options.name,
      status: "pass",
      detail: `no errors in ${result.summary.files} files${warningNote}`,
      ...limitNote,
    };
  }
  const rerun = `deploylint --only "${options.pack}/*"${limits?.changedSince ? ` --changed-since ${limits.changedSince}` : ""}`;
  return {
    name: options.name,
    status: "fail",
    detail: `${errors.length} error${errors.length === 1 ? "" : "s"}${warningNote} (${countByRule(errors)}); ${rerun} shows them`,
    ...limitNote,
    output: findingLines(errors),
  };
}

/** Captures what a command writes through an Io, for the table's detail and the output tail. */
function capturingIo(io: Io): { io: Io; text: () => string } {
  const chunks: string[] = [];
  return {
    io: { ...io, stdout: (t) => chunks.push(t), stderr: (t) => chunks.push(t), isTTY: false, stderrIsTTY: false },
    text: () => chunks.join(""),
  };
}

// The example names every pack shares, tried in order at the working directory.
const DEFAULT_EXAMPLES = EXAMPLE_FILE_NAMES;

/**
 * Runs `deploylint env check` over the environment's env files and the process environment (where a
 * deploy job's secrets live). Without an example file there is nothing documented to check.
 */
export async function checkEnv(options: {
  io: Io;
  environment: string | null;
  example: string | null;
}): Promise<CheckResult> {
  const name = options.environment ? `env vars set (${options.environment})` : "env vars set";
  const envCheck = await loadEnvCheck();
  if (!envCheck) return { name, status: "skipped", detail: "skipped (env check unavailable in this build)" };
  const example = options.example ?? DEFAULT_EXAMPLES.find((file) => existsSync(join(options.io.cwd, file)));
  if (!example) {
    return { name, status: "skipped", detail: `skipped (no ${DEFAULT_EXAMPLES.join(", ")} documents the variables)` };
  }
  const captured = capturingIo(options.io);
  const args = [
    ...(options.environment ? ["--environment", options.environment] : []),
    "--from-process",
    "--example",
    example,
  ];
  const code = await envCheck(args, captured.io);
  const output = captured.text().trim();
  const firstLine = output.split("\n").find((line) => line.trim() !== "") ?? "";
  if (code === 0) return { name, status: "pass", detail: firstLine || "every required variable is set" };
  return {
    name,
    status: "fail",
    detail: `deploylint env check exited ${code}${firstLine ? `: ${firstLine}` : ""}`,
    ...(output ? { output } : {}),
  };
}

/** `deploylint migrations verify`: every migration up, down and up again on an embedded database. */
export async function checkMigrationsVerify(options: { io: Io }): Promise<CheckResult> {
  const name = "migrations verify";
  const verify = await loadMigrationsVerify();
  if (!verify) return { name, status: "skipped", detail: "skipped (migrations verify unavailable in this build)" };
  const captured = capturingIo(options.io);
  const code = await verify(["--quiet", "--no-color"], captured.io);
  const output = captured.text().trim();
  const last =
    output
      .split("\n")
      .filter((line) => line.trim() !== "")
      .at(-1) ?? "";
  if (code === 0) return { name, status: "pass", detail: last || "every migration runs up, down and up again" };
  return {
    name,
    status: "fail",
    detail: `deploylint migrations verify exited ${code}${last ? `: ${last}` : ""}`,
    ...(output ? { output: output.split("\n").slice(-OUTPUT_TAIL).join("\n") } : {}),
  };
}

const OUTPUT_TAIL = 20;

/**
 * That smoke checks are declared for the environment (pre-deploy runs before the deploy, so it
 * cannot run them). Null without a smoke section: a project that never opted in gets no row. No
 * checks fail the gate only when smoke.required says every deploy must be smoke-tested.
 */
export async function checkSmokeDeclared(options: {
  config: ResolvedConfig;
  environment: string | null;
}): Promise<CheckResult | null> {
  const smoke = await readSmoke(options.config);
  if (!smoke.declared) return null;
  const name = "smoke checks declared";
  const { environment } = options;
  const count = environment === null ? smoke.checks.length : checksFor(smoke.checks, environment).length;
  const target = environment === null ? "for any environment (no --environment given)" : `for ${environment}`;
  if (count > 0) return { name, status: "pass", detail: `${count} ${target}` };
  if (smoke.required)
    return {
      name,
      status: "fail",
      detail: `none ${target}, and smoke.required is true: declare smoke.checks so deploylint smoke can test the deploy`,
    };
  return { name, status: "skipped", detail: `skipped (none ${target}; smoke.required is not set)` };
}
