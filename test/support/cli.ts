// Helpers for end-to-end tests: spawn the built CLI, make throwaway repositories.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = join(ROOT, "packages", "cli", "bin", "deploylint.js");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function runJson(args: string[], options: { cwd: string }) {
  const run = runCli(["--format", "json", ...args], options);
  let report: {
    findings: {
      ruleId: string;
      file: string;
      line: number;
      column: number;
      severity: string;
      message: string;
      fingerprint: string;
    }[];
    summary: { files: number; errors: number; warnings: number; suppressed: number };
  };
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`no JSON report (exit ${run.status}): ${run.stderr}`);
  }
  return { ...run, report };
}

/** A temp directory holding the given files (and optionally a copy of a fixture first). */
export function tempRepo(files: Record<string, string | Buffer> = {}, fromFixture?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "deploylint-e2e-"));
  if (fromFixture) cpSync(join(ROOT, "test", "fixtures", fromFixture), dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** tempRepo for one test file: the directories it makes are removed when the file's tests end. */
export function tempRepos(): (files?: Record<string, string | Buffer>) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return (files = {}) => {
    const dir = tempRepo(files);
    made.push(dir);
    return dir;
  };
}

export function git(cwd: string, ...args: string[]): string {
  const run = spawnSync(
    "git",
    [
      "-c",
      "user.email=test@example.com",
      "-c",
      "user.name=test",
      "-c",
      "init.defaultBranch=main",
      "-c",
      "commit.gpgsign=false",
      ...args,
    ],
    { cwd, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}
