// `deploylint pre-deploy` as a gate that cannot be fooled: an environment nobody declared is not
// deployable, a named manifest that is missing is not "no manifest", a command that hangs fails
// the gate instead of holding it open, and the table never prints a command's credentials.
import { describe, expect, it } from "vitest";
import { git, runCli, tempRepo } from "../../support/cli.js";

const MANIFEST = "branching:\n  main: main\nenvironments:\n  staging: {}\n  production: {}\n";

/** A committed repository on main where every built-in check passes. */
function readyRepo(files: Record<string, string>): string {
  const dir = tempRepo({
    "db/migrations/000001_create.up.sql": "CREATE TABLE widgets (id bigint PRIMARY KEY);\n",
    "db/migrations/000001_create.down.sql": "DROP TABLE widgets;\n",
    ...files,
  });
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "ready");
  return dir;
}

function preDeploy(dir: string, args: string[]) {
  return runCli(["pre-deploy", ...args], { cwd: dir });
}

describe("pre-deploy environments", { timeout: 90_000 }, () => {
  it("exits 2 when the config names a manifest that does not exist, instead of deploying anywhere", () => {
    const dir = readyRepo({ "deploylint.config.yaml": "settings:\n  ladder: { manifest: company.config.yaml }\n" });
    const run = preDeploy(dir, ["--environment", "production"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain('settings.ladder.manifest: "company.config.yaml" does not exist');
  });

  it("exits 2 when the manifest declares no environments at all", () => {
    const dir = readyRepo({ "company.config.yaml": "branching:\n  main: main\n" });
    const run = preDeploy(dir, ["--environment", "production"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^deploylint: pre-deploy: company\.config\.yaml declares no environments/);
  });

  it("exits 2 for an undeclared environment and names the declared ones", () => {
    const dir = readyRepo({ "company.config.yaml": MANIFEST });
    const run = preDeploy(dir, ["--environment", "qa"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('declares no environment "qa"');
    expect(run.stderr).toContain("(declared: staging, production)");
    expect(preDeploy(dir, ["--environment", "staging"]).status).toBe(0);
  });
});

describe("pre-deploy commands", { timeout: 90_000 }, () => {
  it("stops a command that outlives its timeout and fails the gate", () => {
    const config = [
      "preDeploy:",
      "  commands:",
      `    - { run: 'node -e "setTimeout(() => {}, 60000)"', name: smoke test, timeout: 1 }`,
      "",
    ].join("\n");
    const dir = readyRepo({ "deploylint.config.yaml": config });
    const started = Date.now();
    const run = preDeploy(dir, ["--format", "json"]);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.passed).toBe(false);
    expect(report.checks.at(-1)).toMatchObject({ name: "smoke test", status: "fail", detail: "timed out after 1 s" });
  });

  it("streams a command's output to stderr, keeping the JSON report on stdout parseable", () => {
    const config = ["preDeploy:", "  commands:", `    - 'node -e "console.log(42)"'`, ""].join("\n");
    const dir = readyRepo({ "deploylint.config.yaml": config });
    const run = preDeploy(dir, ["--format", "json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).passed).toBe(true);
    expect(run.stderr).toContain("42\n");
  });

  it("never shows a command's credentials: the name given, or the command with them masked", () => {
    const password = "hunter2-Xq9";
    const token = "tok_9fK2mQ7vR4xL8pZ3nB6wT1yH";
    const config = [
      "preDeploy:",
      "  commands:",
      `    - "PGPASSWORD=${password} node -e 1 postgres://deploy:${password}@db.internal/app"`,
      `    - "node -e 1 --password=${password} --api-token ${token}"`,
      `    - { run: "node -e 1 -p${password}", name: "mysql smoke" }`,
      `    - 'node -e "console.log(process.argv[1]); process.exit(3)" ${token}'`,
      "",
    ].join("\n");
    const dir = readyRepo({ "deploylint.config.yaml": config });
    const json = preDeploy(dir, ["--format", "json"]);
    const table = preDeploy(dir, []);
    for (const run of [json, table]) {
      expect(run.status).toBe(1);
      for (const text of [run.stdout, run.stderr]) {
        expect(text).not.toContain(password);
        expect(text).not.toContain(token);
      }
    }
    const names = JSON.parse(json.stdout).checks.map((check: { name: string }) => check.name);
    expect(names).toContain("PGPASSWORD=**** node -e 1 postgres://deploy:****@db.internal/app");
    expect(names).toContain("node -e 1 --password=**** --api-token ****");
    expect(names).toContain("mysql smoke");
  });
});
