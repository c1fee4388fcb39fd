// `deploylint pre-deploy` on temporary git repositories: everything passing, then each check failing
// on its own, plus usage and config errors (exit 2) and the JSON form.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, runCli, tempRepo } from "../support/cli.js";

const CONFIG = [
  "settings:",
  "  migrations: { paths: [db/migrations], dialect: postgresql }",
  "preDeploy:",
  `  commands: ['node -e "process.exit(0)"']`,
  "",
].join("\n");

const MANIFEST = "branching:\n  main: main\nenvironments:\n  local: {}\n  production: {}\n";

// Assembled here so no scanner mistakes this test for a leaked key.
const PRIVATE_KEY = `-----BEGIN ${"RSA PRIVATE"} KEY-----\nMIIEowIBAAKCAQEA0Zp3v3kKx8m1f9yXb2c4nq5r7tV8wY1zA2bC3dE4fG5hI6jK\n-----END ${"RSA PRIVATE"} KEY-----\n`;

/** A committed repository on main where every check passes (given API_TOKEN in the environment). */
function readyRepo(files: Record<string, string> = {}): string {
  const dir = tempRepo({
    "deploylint.config.yaml": CONFIG,
    "company.config.yaml": MANIFEST,
    ".env.example": "# API token for the upstream service.\n# @required\nAPI_TOKEN=\n",
    "db/migrations/000001_create.up.sql": "CREATE TABLE widgets (id bigint PRIMARY KEY);\n",
    "db/migrations/000001_create.down.sql": "DROP TABLE widgets;\n",
    "src/index.ts": "export const token = process.env.API_TOKEN;\n",
    ...files,
  });
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "ready");
  return dir;
}

const ENV = { API_TOKEN: "set-in-the-deploy-job" };

function preDeploy(dir: string, args: string[] = [], env: Record<string, string> = ENV) {
  return runCli(["pre-deploy", ...args], { cwd: dir, env });
}

function row(stdout: string, check: string): string {
  return stdout.split("\n").find((line) => line.trimStart().startsWith(check)) ?? `(no row ${check})`;
}

describe("deploylint pre-deploy", { timeout: 90_000 }, () => {
  it("passes every check on a clean, committed repository on main", () => {
    const run = preDeploy(readyRepo(), ["--environment", "production"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    for (const check of [
      "working tree clean",
      "on branch main",
      "no secrets",
      "migrations valid",
      "env vars set (production)",
    ]) {
      expect(row(run.stdout, check)).toMatch(/ PASS /);
    }
    expect(row(run.stdout, 'node -e "process.exit(0)"')).toMatch(/ PASS +exit 0/);
    expect(run.stdout).toContain("✔ Ready to deploy: 6 of 6 checks passed.");
  });

  it("fails on uncommitted changes", () => {
    const dir = readyRepo();
    writeFileSync(join(dir, "src/index.ts"), "export const token = process.env.API_TOKEN ?? null;\n");
    const run = preDeploy(dir);
    expect(run.status).toBe(1);
    expect(row(run.stdout, "working tree clean")).toMatch(/ FAIL +1 uncommitted change: M src\/index.ts/);
    expect(run.stdout).toContain("✖ Not ready to deploy: 1 of 6 checks failed.");
  });

  it("fails off the manifest's main branch, and --branch names another", () => {
    const dir = readyRepo();
    git(dir, "checkout", "-qb", "feature/x");
    const run = preDeploy(dir);
    expect(run.status).toBe(1);
    expect(row(run.stdout, "on branch main")).toMatch(
      / FAIL +on feature\/x, expected main \(branching.main in company.config.yaml\)/,
    );
    const flagged = preDeploy(dir, ["--branch", "feature/x"]);
    expect(row(flagged.stdout, "on branch feature/x")).toMatch(/ PASS /);
    expect(flagged.status).toBe(0);
  });

  it("without branching.main, expects the repository's own default: master when there is no main", () => {
    const dir = readyRepo({ "company.config.yaml": "environments:\n  local: {}\n  production: {}\n" });
    git(dir, "branch", "-qm", "master");
    const run = preDeploy(dir);
    expect(row(run.stdout, "on branch master")).toMatch(/ PASS +on master \(the repository has master and no main/);
    expect(run.status).toBe(0);
    // A main branch beside it is the default again, so deploying from master fails.
    git(dir, "branch", "-q", "main");
    expect(row(preDeploy(dir).stdout, "on branch main")).toMatch(/ FAIL +on master, expected main/);
  });

  it("adds the pipeline, rollout and strategy-docs rows only when the config adopts the strategy preset", () => {
    const plain = preDeploy(readyRepo(), ["--format", "json"]);
    const names = (run: { stdout: string }) =>
      (JSON.parse(run.stdout) as { checks: { name: string }[] }).checks.map((c) => c.name);
    expect(names(plain)).not.toContain("rollout fits the model");
    expect(names(plain)).not.toContain("strategy documented");
    const dir = readyRepo({ "deploylint.config.yaml": `extends: [recommended, strategy]\n${CONFIG}` });
    const run = preDeploy(dir);
    expect(row(run.stdout, "pipeline gates deploys")).toMatch(/ (PASS|FAIL) /);
    // The manifest declares no deployment model: the rollout pack says so, and the gate fails.
    expect(row(run.stdout, "rollout fits the model")).toMatch(/ FAIL +1 error \(rollout\/model-declared ×1\)/);
    // No deployment strategy document yet: the strategy-docs pack says so.
    expect(row(run.stdout, "strategy documented")).toMatch(/ FAIL +1 error \(strategy-docs\/require-strategy ×1\)/);
    expect(run.status).toBe(1);
  });

  it("fails when the secrets pack finds a secret, without printing it", () => {
    const run = preDeploy(readyRepo({ "deploy/key.pem": PRIVATE_KEY }));
    expect(run.status).toBe(1);
    expect(row(run.stdout, "no secrets")).toMatch(/ FAIL +1 error \(secrets\/no-private-key ×1\)/);
    expect(run.stdout).toContain("deploy/key.pem:1:1  secrets/no-private-key");
    expect(run.stdout).not.toContain("MIIEowIBAAKCAQEA0Zp3v3kKx8m1f9yXb2c4nq5r7tV8wY1zA2bC3dE4fG5hI6jK");
  });

  it("fails when the migrations pack finds an error", () => {
    const run = preDeploy(
      readyRepo({
        "db/migrations/000002_drop.up.sql": "ALTER TABLE widgets DROP COLUMN name;\n",
        "db/migrations/000002_drop.down.sql": "ALTER TABLE widgets ADD COLUMN name text;\n",
      }),
    );
    expect(run.status).toBe(1);
    expect(row(run.stdout, "migrations valid")).toMatch(/ FAIL +\d+ errors? \(.*migrations\/no-drop-column ×1/);
    expect(run.stdout).toContain("db/migrations/000002_drop.up.sql:1:1  migrations/no-drop-column");
    expect(row(run.stdout, "no secrets")).toMatch(/ PASS /);
  });

  describe("history is not news", () => {
    // A drop that shipped long ago, in a committed history.
    const OLD_DROP = {
      "db/migrations/000002_drop.up.sql": "ALTER TABLE widgets DROP COLUMN name;\n",
      "db/migrations/000002_drop.down.sql": "ALTER TABLE widgets ADD COLUMN name text;\n",
    };

    function commit(dir: string, files: Record<string, string>, message: string): void {
      for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
      git(dir, "add", "-A");
      git(dir, "commit", "-qm", message);
    }

    it("--changed-since HEAD~1 passes when the last commit adds no problem, and fails when it adds one", () => {
      const dir = readyRepo(OLD_DROP);
      commit(dir, { "src/index.ts": "export const token = process.env.API_TOKEN ?? '';\n" }, "harmless");
      expect(preDeploy(dir).status).toBe(1);
      const pass = preDeploy(dir, ["--changed-since", "HEAD~1"]);
      expect(pass.status).toBe(0);
      expect(row(pass.stdout, "migrations valid")).toMatch(/ PASS /);
      expect(pass.stdout).toMatch(
        /Limited checks:\n {2}no secrets: files changed since HEAD~1\n {2}migrations valid: files changed since HEAD~1/,
      );

      const dropAgain = {
        "db/migrations/000003_drop.up.sql": "ALTER TABLE widgets DROP COLUMN size;\n",
        "db/migrations/000003_drop.down.sql": "ALTER TABLE widgets ADD COLUMN size int;\n",
      };
      commit(dir, dropAgain, "a new problem");
      const fail = preDeploy(dir, ["--changed-since", "HEAD~1"]);
      expect(fail.status).toBe(1);
      expect(row(fail.stdout, "migrations valid")).toMatch(
        / FAIL +1 error \(migrations\/no-drop-column ×1\); deploylint --only "migrations\/\*" --changed-since HEAD~1 shows them/,
      );
      expect(fail.stdout).toContain("db/migrations/000003_drop.up.sql:1:1  migrations/no-drop-column");
      expect(fail.stdout).not.toContain("000002_drop.up.sql");
    });

    it("honours startAfter, yet an edited old migration still fails under --changed-since", () => {
      const config = CONFIG.replace("dialect: postgresql }", "dialect: postgresql, startAfter: '000002' }");
      const dir = readyRepo({ ...OLD_DROP, "deploylint.config.yaml": config });
      const pass = preDeploy(dir);
      expect(pass.status).toBe(0);
      expect(pass.stdout).toContain("migrations valid: migrations at or before 000002 (startAfter) are history");
      commit(dir, { "db/migrations/000001_create.up.sql": "CREATE TABLE widgets (id int PRIMARY KEY);\n" }, "edit");
      const fail = preDeploy(dir, ["--changed-since", "HEAD~1"]);
      expect(fail.status).toBe(1);
      expect(row(fail.stdout, "migrations valid")).toMatch(/ FAIL .*migrations\/no-modified-migration ×1/);
    });

    it("does not count the baseline's known findings, and says so; --no-baseline counts them", () => {
      const dir = readyRepo(OLD_DROP);
      expect(runCli(["--update-baseline"], { cwd: dir }).status).toBe(0);
      commit(dir, {}, "baseline");
      const pass = preDeploy(dir);
      expect(pass.status).toBe(0);
      expect(pass.stdout).toContain("migrations valid: 1 known in deploylint-baseline.json not counted");
      expect(preDeploy(dir, ["--no-baseline"]).status).toBe(1);
    });
  });

  it("fails when a required variable of the environment is not set", () => {
    const run = preDeploy(readyRepo(), ["--environment", "production"], {});
    expect(run.status).toBe(1);
    expect(row(run.stdout, "env vars set (production)")).toMatch(/ FAIL +deploylint env check exited 1/);
    expect(run.stdout).toContain("API_TOKEN");
  });

  it("fails when a configured command exits non-zero, with its exit code and output", () => {
    const dir = readyRepo({
      "deploylint.config.yaml": CONFIG.replace(
        `['node -e "process.exit(0)"']`,
        `['node -e "process.exit(0)"', 'node -e "console.log(''tests failed''); process.exit(3)"']`,
      ),
    });
    const run = preDeploy(dir);
    expect(run.status).toBe(1);
    expect(row(run.stdout, 'node -e "console.log')).toMatch(/ FAIL +exit 3$/);
    expect(run.stdout).toContain("  tests failed");
    expect(row(run.stdout, 'node -e "process.exit(0)"')).toMatch(/ PASS /);
  });

  it("--verify adds migrations verify, which fails when a down does not undo its up", () => {
    const good = preDeploy(readyRepo(), ["--verify"]);
    expect(row(good.stdout, "migrations verify")).toMatch(/ PASS /);
    expect(good.status).toBe(0);
    const bad = preDeploy(
      readyRepo({
        "db/migrations/000002_index.up.sql": "CREATE INDEX CONCURRENTLY widgets_id_idx ON widgets (id);\n",
        "db/migrations/000002_index.down.sql": "SELECT 1;\n",
      }),
      ["--verify"],
    );
    expect(row(bad.stdout, "migrations verify")).toMatch(/ FAIL +deploylint migrations verify exited 1/);
    expect(bad.status).toBe(1);
  });

  it("marks the env check skipped, never passed, when nothing documents the variables", () => {
    const dir = readyRepo();
    git(dir, "rm", "-q", ".env.example");
    git(dir, "commit", "-qm", "no example");
    const run = preDeploy(dir);
    expect(row(run.stdout, "env vars set")).toMatch(/ SKIP +skipped \(no \.env\.example/);
    expect(run.stdout).toContain("✔ Ready to deploy: 5 of 6 checks passed, 1 skipped.");
    expect(run.status).toBe(0);
  });

  it("fails outside a git repository instead of passing", () => {
    // The folder the config names must exist: a config that points at nothing is an error (exit 2).
    const dir = tempRepo({
      "deploylint.config.yaml": CONFIG,
      "db/migrations/000001_create.up.sql": "CREATE TABLE widgets (id bigint PRIMARY KEY);\n",
    });
    const run = preDeploy(dir);
    expect(run.status).toBe(1);
    expect(row(run.stdout, "working tree clean")).toMatch(/ FAIL +not a git working tree/);
  });

  it("exits 2 for an environment the manifest does not declare", () => {
    const run = preDeploy(readyRepo(), ["--environment", "prodution"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/declares no environment "prodution"; did you mean production\?/);
  });

  it("exits 2 when preDeploy in the config is not valid", () => {
    const run = preDeploy(readyRepo({ "deploylint.config.yaml": "preDeploy:\n  commands: npm test\n" }));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/preDeploy\.commands/);
  });

  it("exits 2 on an unknown option", () => {
    const run = preDeploy(readyRepo(), ["--enviroment", "production"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/pre-deploy: .*--enviroment/);
  });

  it("prints the same checks as JSON with --format json", () => {
    const dir = readyRepo();
    git(dir, "checkout", "-qb", "hotfix");
    const run = preDeploy(dir, ["--format", "json"]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { passed: boolean; checks: { name: string; status: string }[] };
    expect(report.passed).toBe(false);
    expect(report.checks.map((c) => `${c.name}: ${c.status}`)).toEqual([
      "working tree clean: pass",
      "on branch main: fail",
      "no secrets: pass",
      "migrations valid: pass",
      "env vars set: pass",
      'node -e "process.exit(0)": pass',
    ]);
  });
});
