// The CLI spawned on fixture repositories: the four proof slices, exit codes, reporters, the
// output contract, custom packs by path and by package name, rules/explain/print-config.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, runJson, tempRepo } from "../support/cli.js";

const EXAMPLE = join(ROOT, "test", "fixtures", "example-shop");

describe("deploylint on the example shop", () => {
  it("reports one finding per proof slice and exits 1", () => {
    const { status, report } = runJson([], { cwd: EXAMPLE });
    expect(status).toBe(1);
    const found = report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "migrations/no-drop-column db/migrations/000002_drop_nickname.up.sql:2:1",
        "secrets/no-private-key keys/deploy_key.pem:1:1",
        "env-docs/valid-dotenv .env.example:6:1",
        "env-ladder/valid-manifest company.config.yaml:21:5",
      ]),
    );
    expect(report.summary.errors).toBe(report.findings.filter((f) => f.severity === "error").length);
  });

  it("prints the JSON contract exactly: version, findings, summary", () => {
    const { report, stdout } = runJson([], { cwd: EXAMPLE });
    expect(Object.keys(JSON.parse(stdout))).toEqual(["version", "findings", "summary"]);
    expect(Object.keys(report.summary)).toEqual(["files", "errors", "warnings", "suppressed"]);
    for (const finding of report.findings) {
      expect(Object.keys(finding).filter((k) => k !== "help")).toEqual([
        "ruleId",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "endLine",
        "endColumn",
        "fingerprint",
      ]);
    }
  });

  it("prints stylish output grouped by file with a summary line, without colour when NO_COLOR is set", () => {
    const { stdout, status } = runCli([], { cwd: EXAMPLE });
    expect(status).toBe(1);
    expect(stdout).toContain("db/migrations/000002_drop_nickname.up.sql");
    expect(stdout).toMatch(/2:1\s+error\s+.*migrations\/no-drop-column/);
    expect(stdout).toMatch(/\d+ problems? \(\d+ errors?, \d+ warnings?, \d+ infos?\)/);
    expect(stdout).not.toContain("\u001b[");
  });

  it("--cwd runs as if started in the example, and --output-file writes the report there", () => {
    const out = join(tempRepo(), "report.json");
    const { status, stdout } = runCli(["--cwd", "test/fixtures/example-shop", "--format", "json", "-o", out], {
      cwd: ROOT,
    });
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).findings.length).toBeGreaterThan(0);
  });

  it("--only runs just the named rules; --quiet keeps errors; --max-warnings gates warnings", () => {
    const only = runJson(["--only", "migrations/*"], { cwd: EXAMPLE });
    expect(new Set(only.report.findings.map((f) => f.ruleId))).toEqual(new Set(["migrations/no-drop-column"]));
    const quiet = runJson(["--quiet"], { cwd: EXAMPLE });
    expect(quiet.report.findings.every((f) => f.severity === "error")).toBe(true);
    const dotenvOnly = runJson(["--only", "env-docs/valid-dotenv"], { cwd: EXAMPLE });
    expect(dotenvOnly.report.summary.errors).toBe(0);
    expect(dotenvOnly.status).toBe(0);
    expect(runJson(["--only", "env-docs/valid-dotenv", "--max-warnings", "0"], { cwd: EXAMPLE }).status).toBe(1);
  });

  it("follows the deployment strategy: the pipeline and rollout packs are on and leave only the approval note", () => {
    const { report } = runJson([], { cwd: EXAMPLE });
    const strategy = report.findings.filter((f) => /^(pipeline|rollout)\//.test(f.ruleId));
    // The approval gate is the production environment's required reviewers, which live in GitHub's
    // settings: deploylint says so as information and cannot check it.
    expect(strategy.map((f) => `${f.ruleId} ${f.severity} ${f.file}:${f.line}`)).toEqual([
      "pipeline/production-approval info .github/workflows/deploy.yml:51",
    ]);
    expect(report.findings.map((f) => f.ruleId)).not.toContain("env-ladder/production-deploy-via-ci");
    // The packs really judge the shop: without its health check, the production app is reported.
    const broken = tempRepo({}, "example-shop");
    const fly = join(broken, "fly.toml");
    writeFileSync(fly, readFileSync(fly, "utf8").replace(/\n {2}\[\[http_service\.checks\]\][\s\S]*$/, "\n"));
    writeFileSync(
      join(broken, ".github", "workflows", "deploy.yml"),
      readFileSync(join(EXAMPLE, ".github", "workflows", "deploy.yml"), "utf8").replace(
        /\n {6}- run: tools\/qa\/smoke-test\.sh staging\n.*\n.*\n/,
        "\n",
      ),
    );
    const found = runJson([], { cwd: broken }).report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "rollout/health-checks fly.toml:10",
        expect.stringMatching(/^pipeline\/smoke-after-deploy \.github\/workflows\/deploy\.yml:\d+$/),
      ]),
    );
    rmSync(broken, { recursive: true, force: true });
  });

  it("is deterministic: two runs give the same report", () => {
    expect(runJson([], { cwd: EXAMPLE }).stdout).toBe(runJson([], { cwd: EXAMPLE }).stdout);
  });
});

describe("custom packs", () => {
  it("loads one by relative path and one by package name, both reporting findings", () => {
    const { status, report } = runJson([], { cwd: join(ROOT, "test", "fixtures", "custom-packs") });
    expect(status).toBe(1);
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(
      expect.arrayContaining(["house/pinned-base-image Dockerfile:1", "team/no-select-star db/report.sql:2"]),
    );
  });
});

describe("subcommands and flags", () => {
  it("--version prints the version", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "packages", "cli", "package.json"), "utf8"));
    expect(runCli(["--version"], { cwd: ROOT }).stdout.trim()).toBe(pkg.version);
  });

  it("rules lists every rule with its preset severities", () => {
    const { stdout, status } = runCli(["rules"], { cwd: EXAMPLE });
    expect(status).toBe(0);
    expect(stdout).toMatch(/^rule\s+recommended\s+strict\s+configured\s+description/);
    expect(stdout).toMatch(/migrations\/no-drop-column\s+error\s+error\s+error/);
  });

  it("explain describes a rule, and suggests the nearest id for a typo", () => {
    expect(runCli(["explain", "secrets/no-private-key"], { cwd: EXAMPLE }).stdout).toContain("recommended: error");
    const typo = runCli(["explain", "migrations/no-drop-colum"], { cwd: EXAMPLE });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("did you mean migrations/no-drop-column?");
  });

  it("--print-config shows the effective rules and settings for a file", () => {
    const { stdout, status } = runCli(["--print-config", "db/migrations/000002_drop_nickname.up.sql"], {
      cwd: EXAMPLE,
    });
    expect(status).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed.rules["migrations/no-drop-column"]).toBe("error");
    expect(printed.settings.migrations).toEqual({ paths: ["db/migrations"], dialect: "postgresql" });
  });

  it("exits 2 on an unknown option, an unknown format and an unknown --only rule", () => {
    expect(runCli(["--frobnicate"], { cwd: EXAMPLE }).status).toBe(2);
    const format = runCli(["--format", "nope"], { cwd: EXAMPLE });
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/^deploylint: Unknown format "nope"/);
    const only = runCli(["--only", "migrations/no-drop-colum"], { cwd: EXAMPLE });
    expect(only.status).toBe(2);
    expect(only.stderr).toContain("did you mean migrations/no-drop-column?");
  });

  it("resolves a reporter module given by path", () => {
    const dir = tempRepo({
      "reporter.mjs":
        'export default (result) => "files=" + result.summary.files + " errors=" + result.summary.errors + "\\n";',
      "a.txt": "hello",
    });
    const run = runCli(["--format", "./reporter.mjs"], { cwd: dir });
    expect(run.stdout).toBe("files=2 errors=0\n");
    expect(run.status).toBe(0);
  });
});
