// `deploylint pre-deploy` checks that smoke checks are declared for the environment being deployed
// (it runs before the deploy, so it cannot run them): a row when the config has a smoke section,
// failing only when smoke.required is true.
import { describe, expect, it } from "vitest";
import { git, runCli, tempRepos } from "../support/cli.js";

const repo = tempRepos();

/** A committed repository on main whose config holds the given smoke section. */
function readyRepo(smokeYaml: string | null): string {
  const dir = repo({
    "deploylint.config.yaml": `extends: [recommended]\n${smokeYaml === null ? "" : `smoke:\n${smokeYaml}`}`,
    "company.config.yaml": "branching:\n  main: main\nenvironments:\n  staging: {}\n  production: {}\n",
    "src/index.ts": "export const answer = 42;\n",
  });
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "ready");
  return dir;
}

const CHECKS = [
  "  checks:",
  "    - name: health",
  "      request: { path: /healthz }",
  "    - name: billing",
  "      environments: [production]",
  "      request: { path: /billing/health }",
  "",
].join("\n");

function row(stdout: string): string {
  return stdout.split("\n").find((line) => line.trimStart().startsWith("smoke checks declared")) ?? "(no row)";
}

describe("deploylint pre-deploy: smoke checks declared", { timeout: 90_000 }, () => {
  it("counts the checks that run in the environment", () => {
    const dir = readyRepo(CHECKS);
    const production = runCli(["pre-deploy", "-e", "production"], { cwd: dir });
    expect(row(production.stdout)).toMatch(/ PASS +2 for production$/);
    expect(production.status).toBe(0);
    const staging = runCli(["pre-deploy", "-e", "staging"], { cwd: dir });
    expect(row(staging.stdout)).toMatch(/ PASS +1 for staging$/);
  });

  it("fails when smoke.required is true and no check runs in the environment", () => {
    const dir = readyRepo(
      `  required: true\n${CHECKS.replace("    - name: health\n      request: { path: /healthz }\n", "")}`,
    );
    const run = runCli(["pre-deploy", "-e", "staging"], { cwd: dir });
    expect(row(run.stdout)).toContain("FAIL");
    expect(row(run.stdout)).toContain("none for staging, and smoke.required is true");
    expect(run.status).toBe(1);
  });

  it("skips, never passes, when none are declared and they are not required", () => {
    const run = runCli(["pre-deploy", "-e", "staging"], { cwd: readyRepo("  checks: []\n") });
    expect(row(run.stdout)).toMatch(/ SKIP +skipped \(none for staging; smoke.required is not set\)/);
    expect(run.status).toBe(0);
  });

  it("adds no row for a config without a smoke section", () => {
    const run = runCli(["pre-deploy", "-e", "staging"], { cwd: readyRepo(null) });
    expect(run.stdout).not.toContain("smoke checks declared");
  });
});
