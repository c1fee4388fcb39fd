// Git failures under --changed-since and --staged, through the built CLI: each is one sentence
// that says what is wrong and how to fix it, and exit 2 (a gate that cannot judge never passes).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { git, runCli, tempRepo } from "../support/cli.js";

const CONFIG = "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n";

/** A repository with main and a feature branch two commits ahead of it. */
function upstream(): string {
  const dir = tempRepo({
    "deploylint.config.yaml": CONFIG,
    "db/migrations/000001_a.up.sql": "CREATE TABLE a (id int);\n",
    "db/migrations/000001_a.down.sql": "DROP TABLE a;\n",
  });
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "base");
  git(dir, "checkout", "-qb", "feature");
  for (const n of [2, 3]) {
    writeFileSync(join(dir, `db/migrations/00000${n}_b.up.sql`), `CREATE TABLE b${n} (id int);\n`);
    writeFileSync(join(dir, `db/migrations/00000${n}_b.down.sql`), `DROP TABLE b${n};\n`);
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", `feature ${n}`);
  }
  return dir;
}

/** A one-commit clone of the feature branch, as actions/checkout makes by default. */
function shallowClone(from: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), "deploylint-shallow-")), "clone");
  git(tmpdir(), "clone", "-q", "--depth", "1", "--branch", "feature", pathToFileURL(from).href, dir);
  return dir;
}

function expectOneSentence(run: { status: number | null; stdout: string; stderr: string }, pattern: RegExp) {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(pattern);
}

describe("git errors become one sentence with the fix, exit 2", () => {
  it("outside a git repository", () => {
    const run = runCli(["--changed-since", "main"], { cwd: tempRepo({ "a.sql": "SELECT 1;\n" }) });
    expectOneSentence(run, /is not inside a git repository.*; run deploylint in a git checkout or drop the option\.$/);
  });

  it("an unknown ref", () => {
    const run = runCli(["--changed-since", "no-such-branch"], { cwd: upstream() });
    expectOneSentence(run, /^deploylint: Unknown git ref "no-such-branch".*fetch it .* or pass a ref that exists\.$/);
  });

  it("a shallow clone that does not hold the ref", () => {
    const run = runCli(["--changed-since", "origin/main"], { cwd: shallowClone(upstream()) });
    expectOneSentence(
      run,
      /^deploylint: This is a shallow clone that does not hold "origin\/main".*git fetch origin main, or fetch-depth: 0.*\.$/,
    );
  });

  it("a shallow clone holding the ref but not the history back to the merge base", () => {
    const clone = shallowClone(upstream());
    git(clone, "fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main");
    const run = runCli(["--changed-since", "origin/main"], { cwd: clone });
    expectOneSentence(
      run,
      /^deploylint: This shallow clone holds too little history .*git fetch --unshallow\) and retry\.$/,
    );
  });

  it("the same clone with full history passes the gate on a clean change", () => {
    const clone = shallowClone(upstream());
    git(clone, "fetch", "-q", "--unshallow", "origin", "main:refs/remotes/origin/main");
    const run = runCli(["--changed-since", "origin/main"], { cwd: clone });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("git not installed", () => {
    const dir = upstream();
    const run = runCli(["--changed-since", "main"], { cwd: dir, env: { PATH: join(dir, "no-bin") } });
    expectOneSentence(run, /^deploylint: Git was not found on PATH.*; install git or drop the option\.$/);
  });
});
