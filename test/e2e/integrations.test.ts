// The CI and hook wrappers at the repository root: action.yml's script run as GitHub would run it
// (outputs, job summary, SARIF, exit codes), .pre-commit-hooks.yaml's contract, tools/deploy/pre-deploy.sh.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BIN, git, ROOT, tempRepo } from "../support/cli.js";

interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: { id?: string; run?: string; uses?: string; env?: Record<string, string> }[] };
}

const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as Action;

/** Runs the action's lint step in `dir` as the runner would, with deploylint installed in node_modules. */
function runLintStep(dir: string, inputs: Record<string, string> = {}) {
  const step = action.runs.steps.find((s) => s.id === "lint");
  if (!step?.run) throw new Error("action.yml has no lint step");
  const bin = join(dir, "node_modules", ".bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, "deploylint"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, "deploylint"), 0o755);
  const runner = mkdtempSync(join(tmpdir(), "deploylint-runner-"));
  const files = { GITHUB_OUTPUT: join(runner, "output"), GITHUB_STEP_SUMMARY: join(runner, "summary.md") };
  for (const file of Object.values(files)) writeFileSync(file, "");
  const value = (name: string) => inputs[name] ?? action.inputs[name]?.default ?? "";
  const run = spawnSync("bash", ["-c", step.run], {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      NO_COLOR: "1",
      RUNNER_TEMP: runner,
      ...files,
      DEPLOYLINT_VERSION: value("version"),
      DEPLOYLINT_ARGS: value("args"),
      DEPLOYLINT_SARIF: value("sarif"),
      DEPLOYLINT_FAIL: value("fail-on-findings"),
    },
  });
  const outputs = Object.fromEntries(
    readFileSync(files.GITHUB_OUTPUT, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split("=", 2) as [string, string]),
  );
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    outputs,
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"),
  };
}

const DIRTY = {
  "deploylint.config.yaml": "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n",
  "db/migrations/000001_drop.up.sql": "ALTER TABLE users DROP COLUMN email;\n",
  "db/migrations/000001_drop.down.sql": "ALTER TABLE users ADD COLUMN email text;\n",
};

describe("action.yml", () => {
  it("is a composite action whose env names each input", () => {
    expect(action.runs.using).toBe("composite");
    const env = action.runs.steps.find((s) => s.id === "lint")?.env ?? {};
    for (const input of ["version", "args", "sarif", "fail-on-findings"]) {
      expect(Object.values(env)).toContain(`\${{ inputs.${input} }}`);
    }
    expect(action.runs.steps.some((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))).toBe(true);
  });

  it("annotates, writes the job summary and SARIF, and marks findings as a failure", () => {
    const dir = tempRepo(DIRTY);
    const run = runLintStep(dir, { sarif: "true" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("::error file=db/migrations/000001_drop.up.sql,line=1");
    expect(run.outputs).toMatchObject({ "exit-code": "1", failed: "true" });
    expect(run.summary).toContain("## deploylint");
    expect(run.summary).toContain("migrations/no-drop-column");
    const sarif = JSON.parse(readFileSync(run.outputs["sarif-file"] ?? "", "utf8"));
    expect(sarif.runs[0].results[0].ruleId).toBe("migrations/no-drop-column");
  });

  it("passes clean runs and honours fail-on-findings: false", () => {
    const clean = runLintStep(tempRepo({ "README.md": "# ok\n" }));
    expect(clean.outputs).toEqual({ "exit-code": "0" });
    const lenient = runLintStep(tempRepo(DIRTY), { "fail-on-findings": "false" });
    expect(lenient.status).toBe(0);
    expect(lenient.outputs).toEqual({ "exit-code": "1" });
  });

  it("fails the step itself on a usage or config error", () => {
    const run = runLintStep(tempRepo({ "deploylint.config.yaml": "rulez: {}\n" }));
    expect(run.status).toBe(2);
    expect(run.outputs["exit-code"]).toBe("2");
  });
});

describe(".pre-commit-hooks.yaml", () => {
  it("declares the deploylint hook on staged content", () => {
    const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Record<string, unknown>[];
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({
      id: "deploylint",
      language: "node",
      entry: "deploylint --staged",
      pass_filenames: false,
    });
  });
});

describe("tools/deploy/pre-deploy.sh", () => {
  it("runs deploylint pre-deploy in the current directory and passes its exit code and flags on", () => {
    const dir = tempRepo({ "README.md": "# ok\n" });
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "init");
    const script = join(ROOT, "tools", "deploy", "pre-deploy.sh");
    expect(existsSync(script)).toBe(true);
    const pass = spawnSync(script, ["--branch", "main"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(pass.stdout).toContain("✔ Ready to deploy");
    expect(pass.status).toBe(0);
    const fail = spawnSync(script, ["--branch", "release", "--format", "json"], { cwd: dir, encoding: "utf8" });
    expect(fail.status).toBe(1);
    expect(JSON.parse(fail.stdout).passed).toBe(false);
  });
});
