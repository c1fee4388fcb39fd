// The env-docs surfaces through the built CLI: `deploylint env check` against env files and against
// the real environment of the spawned process (exit 0/1/2, values never printed), and the
// monorepo-env fixture, where each read is matched to the nearest example with root fallback.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, runCli, runJson, tempRepo } from "../support/cli.js";

const EXAMPLE = [
  "# PostgreSQL connection string.",
  "# @required @type=url",
  "DATABASE_URL=postgres://localhost:5432/app",
  "",
  "# Signs session cookies.",
  "# @required @sensitive @rotation=90d",
  "SESSION_SECRET=replace-me",
  "",
  "# HTTP port.",
  "# @optional @type=port @default=3000",
  "PORT=3000",
  "",
].join("\n");

// Values that must never reach stdout or stderr, whatever the outcome.
const SECRET = "sk-live-7f3a9c1e5b2d8f4a6c0e";
const BAD_URL = "db-host-without-scheme";
const BAD_PORT = "70123";
const VALUES = [SECRET, BAD_URL, BAD_PORT, "postgres://db.internal:5432/shop"];

const made: string[] = [];

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function repo(files: Record<string, string>, fixture?: string): string {
  const dir = tempRepo(files, fixture);
  made.push(dir);
  return dir;
}

function expectNoValues(run: { stdout: string; stderr: string }): void {
  for (const value of VALUES) expect(run.stdout + run.stderr).not.toContain(value);
}

/** `deploylint env check` in a child whose environment holds only PATH, NO_COLOR and `env`. */
function checkProcess(cwd: string, env: Record<string, string>, args: string[] = []) {
  const run = spawnSync(process.execPath, [BIN, "env", "check", "--from-process", ...args], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * `node -- BIN env check …`: Node scans every argument that starts with `--env-file`, even after the
 * script path, up to a `--` (nodejs/node#54232), so the CLI only sees a missing one behind `--`.
 */
function checkBehindSeparator(cwd: string, args: string[]) {
  const run = spawnSync(process.execPath, ["--", BIN, "env", "check", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("deploylint env check (spawned CLI)", () => {
  it("exits 0 on a complete env file, without printing its values", () => {
    const cwd = repo({
      ".env.example": EXAMPLE,
      "deploy/production.env": `DATABASE_URL=postgres://db.internal:5432/shop\nSESSION_SECRET=${SECRET}\n`,
    });
    const run = runCli(["env", "check", "--env-file", "deploy/production.env"], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("against deploy/production.env");
    expect(run.stdout).toContain("Passed: 3 documented variables, 2 required.");
    expectNoValues(run);
  });

  it("exits 1 on a missing required variable and wrong types, naming keys and lines only", () => {
    const cwd = repo({ ".env.example": EXAMPLE, "bad.env": `DATABASE_URL=${BAD_URL}\nPORT=${BAD_PORT}\n` });
    const run = runCli(["env", "check", "--env-file", "bad.env"], { cwd });
    expect(run.status).toBe(1);
    expect(run.stdout.split("\n").filter((line) => line.startsWith("✗"))).toEqual([
      "✗ DATABASE_URL (bad.env:1) is not an absolute URL (scheme://host…) (@type=url, .env.example:3).",
      "✗ SESSION_SECRET is @required (.env.example:7) but not set.",
      "✗ PORT (bad.env:2) is not a port number from 1 to 65535 (@type=port, .env.example:11).",
    ]);
    expect(run.stdout).toContain("3 problems; values are not shown.");
    expectNoValues(run);
  });

  it("exits 1 on a required variable set but empty", () => {
    const cwd = repo({ ".env.example": EXAMPLE, "a.env": "DATABASE_URL=postgres://db/app\nSESSION_SECRET=\n" });
    const run = runCli(["env", "check", "--env-file", "a.env"], { cwd });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("✗ SESSION_SECRET is @required (.env.example:7) but empty (a.env:2).");
  });

  it.each([
    [["--bogus"], "Unknown option '--bogus'"],
    [["--environment", "staging"], "no env file for environment staging"],
    [[], "nothing to check"],
    [["--env-file", "missing.env"], "env file missing.env does not exist."],
  ])("exits 2 on a usage error: %j", (args, message) => {
    const cwd = repo({ ".env.example": EXAMPLE });
    const run = checkBehindSeparator(cwd, args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
  });

  it("a missing --env-file reaches the CLI when the bin runs as an executable (its shebang ends Node's options)", () => {
    // Node 20 reads any --env-file argument, even after the script (nodejs/node#54232): the bin's
    // `#!/usr/bin/env -S node --` stops that, so the user gets the CLI's usage error, not Node's exit 9.
    const cwd = repo({ ".env.example": EXAMPLE });
    const run = spawnSync(BIN, ["env", "check", "--env-file", "missing.env"], { cwd, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("env file missing.env does not exist");
  });

  it("exits 2 when the repository has no example file", () => {
    const cwd = repo({ "a.env": `SESSION_SECRET=${SECRET}\n` });
    const run = runCli(["env", "check", "--env-file", "a.env"], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no example file");
    expectNoValues(run);
  });

  it("checks the spawned process's own environment with --from-process", () => {
    const cwd = repo({ ".env.example": EXAMPLE });
    const complete = checkProcess(cwd, { DATABASE_URL: "postgres://db.internal:5432/shop", SESSION_SECRET: SECRET });
    expect(complete.stderr).toBe("");
    expect(complete.status).toBe(0);
    expect(complete.stdout).toContain("against the process environment");
    expectNoValues(complete);

    const broken = checkProcess(cwd, { DATABASE_URL: BAD_URL, PORT: BAD_PORT, SESSION_SECRET: "" });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain("✗ DATABASE_URL (the process environment) is not an absolute URL");
    expect(broken.stdout).toContain("✗ SESSION_SECRET is @required (.env.example:7) but empty");
    expect(broken.stdout).toContain("✗ PORT (the process environment) is not a port number");
    expectNoValues(broken);

    const missing = checkProcess(cwd, { SESSION_SECRET: SECRET });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain("✗ DATABASE_URL is @required (.env.example:3) but not set.");
    expectNoValues(missing);
  });

  it("lets the process environment win over env files", () => {
    const cwd = repo({ ".env.example": EXAMPLE, "a.env": `DATABASE_URL=${BAD_URL}\n` });
    const fixed = checkProcess(cwd, { DATABASE_URL: "postgres://db.internal:5432/shop", SESSION_SECRET: SECRET }, [
      "--env-file",
      "a.env",
    ]);
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toContain("against a.env, the process environment");
    expectNoValues(fixed);
  });
});

describe("monorepo-env fixture: nearest example, root fallback", () => {
  it("matches each package's reads to its own example, then the root one", () => {
    const cwd = repo({}, "monorepo-env");
    const { status, report } = runJson(["--only", "env-docs/*"], { cwd });
    const findings = report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`);
    expect(findings.sort()).toEqual(
      [
        // Root entry nothing reads, in any package.
        "env-docs/no-unused-documented-var .env.example:11:1",
        // Package entry read nowhere under packages/api/.
        "env-docs/no-unused-documented-var packages/api/.env.example:11:1",
        // Neither packages/api/.env.example nor the root one documents it.
        "env-docs/no-undocumented-var packages/api/src/server.ts:7:26",
        // API_PORT is documented by the sibling api package only, which does not cover web.
        "env-docs/no-undocumented-var packages/web/src/config.ts:5:24",
        "env-docs/no-undocumented-var packages/web/src/config.ts:6:28",
      ].sort(),
    );
    const byKey = new Map(report.findings.map((f) => [`${f.file}:${f.line}`, f.message]));
    expect(byKey.get("packages/api/src/server.ts:7")).toContain("packages/api/.env.example does not document it");
    expect(byKey.get("packages/web/src/config.ts:5")).toContain("packages/web/.env.example does not document it");
    expect(byKey.get("packages/api/.env.example:11")).toContain("nothing under packages/api/ reads it");
    expect(byKey.get(".env.example:11")).toContain("nothing in the repository reads it");
    expect(status).toBe(1);
  });

  it("without root fallback, shared variables read in packages become undocumented", () => {
    const cwd = repo({ "deploylint.config.yaml": "settings:\n  envDocs: { fallback: none }\n" }, "monorepo-env");
    const { report } = runJson(["--only", "env-docs/no-undocumented-var"], { cwd });
    const names = report.findings.map((f) => `${f.file}:${f.line}`).sort();
    expect(names).toEqual([
      "packages/api/src/server.ts:5", // DATABASE_URL: root only
      "packages/api/src/server.ts:6", // LOG_LEVEL: root only
      "packages/api/src/server.ts:7",
      "packages/web/src/config.ts:4", // LOG_LEVEL: root only
      "packages/web/src/config.ts:5",
      "packages/web/src/config.ts:6",
    ]);
  });

  it("env check validates a package environment against its own example", () => {
    const cwd = repo({}, "monorepo-env");
    const args = ["--example", "packages/api/.env.example"];
    const ok = checkProcess(cwd, { SESSION_SECRET: SECRET, API_PORT: "4000" }, args);
    expect(ok.status).toBe(0);
    expectNoValues(ok);
    const bad = checkProcess(cwd, { API_PORT: BAD_PORT }, args);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("✗ SESSION_SECRET is @required (packages/api/.env.example:7) but not set.");
    expectNoValues(bad);
  });
});
