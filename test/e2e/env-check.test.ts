// `deploylint env check`: envCheck with a fake io against env files and a given environment, and
// once in a spawned process whose real environment is checked. Values must never be printed.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { envCheck } from "../../packages/cli/src/commands/env-check.js";
import { ROOT, tempRepo } from "../support/cli.js";

const EXAMPLE = [
  "# Postgres connection string.",
  "# @required @type=url",
  "DATABASE_URL=postgres://localhost:5432/app",
  "",
  "# HTTP port.",
  "# @optional @type=port @default=3000",
  "PORT=3000",
  "",
  "# Log level.",
  "# @type=enum(debug,info,warn,error)",
  "LOG_LEVEL=info",
  "",
  "# Signs session cookies.",
  "# @required @sensitive @rotation=90d",
  "SESSION_SECRET=replace-me",
  "",
  "# Send e-mail?",
  "# @type=bool",
  "MAIL_ENABLED=false",
  "",
].join("\n");

const SECRET = "s3cr3t-session-value-9f8e7d6c";
const BAD_URL = "not-a-url-at-all";

async function check(argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  let stdout = "";
  let stderr = "";
  const code = await envCheck(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: options.cwd,
    env: options.env ?? {},
  });
  // Whatever happens, no value from the checked environment reaches the output.
  for (const value of [SECRET, BAD_URL]) expect(stdout + stderr).not.toContain(value);
  return { code, stdout, stderr };
}

describe("deploylint env check", () => {
  it("passes a complete environment file", async () => {
    const cwd = tempRepo({
      ".env.example": EXAMPLE,
      "deploy/production.env": `DATABASE_URL=postgres://db.internal:5432/app\nSESSION_SECRET=${SECRET}\nLOG_LEVEL=warn\n`,
    });
    const { code, stdout } = await check(["--environment", "production"], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain("against deploy/production.env");
    expect(stdout).toContain("Passed: 5 documented variables, 2 required.");
  });

  it("fails on a missing required variable, an empty one and values of the wrong type", async () => {
    const cwd = tempRepo({
      ".env.example": EXAMPLE,
      "a.env": `DATABASE_URL=${BAD_URL}\nSESSION_SECRET=\nPORT=99999\nLOG_LEVEL=trace\nMAIL_ENABLED=maybe\n`,
    });
    const { code, stdout } = await check(["--env-file", "a.env"], { cwd });
    expect(code).toBe(1);
    expect(stdout.split("\n").filter((line) => line.startsWith("✗"))).toEqual([
      "✗ DATABASE_URL (a.env:1) is not an absolute URL (scheme://host…) (@type=url, .env.example:3).",
      "✗ PORT (a.env:3) is not a port number from 1 to 65535 (@type=port, .env.example:7).",
      "✗ LOG_LEVEL (a.env:4) is not one of debug, info, warn, error (@type=enum(debug,info,warn,error), .env.example:11).",
      "✗ SESSION_SECRET is @required (.env.example:15) but empty (a.env:2).",
      "✗ MAIL_ENABLED (a.env:5) is not a boolean (true/false, 1/0, yes/no, on/off) (@type=bool, .env.example:19).",
    ]);
    expect(stdout).toContain("5 problems; values are not shown.");
  });

  it("merges env files in order and lets the process environment win", async () => {
    const cwd = tempRepo({
      ".env.example": EXAMPLE,
      "base.env": "DATABASE_URL=postgres://base/app\n",
      "override.env": `DATABASE_URL=${BAD_URL}\n`,
    });
    const failing = await check(["--env-file", "base.env", "--env-file", "override.env"], { cwd });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain("DATABASE_URL (override.env:1) is not an absolute URL");
    expect(failing.stdout).toContain("SESSION_SECRET is @required (.env.example:15) but not set.");

    const env = { DATABASE_URL: "postgres://from-process/app", SESSION_SECRET: SECRET, PATH: "/usr/bin" };
    const passing = await check(["--env-file", "base.env", "--env-file", "override.env", "--from-process"], {
      cwd,
      env,
    });
    expect(passing.code).toBe(0);
    expect(passing.stdout).toContain("against base.env, override.env, the process environment");
  });

  it("suggests the documented name for a typo, failing when the documented one is missing", async () => {
    const cwd = tempRepo({ ".env.example": EXAMPLE });
    const env = {
      DATABSE_URL: "postgres://x/app",
      SESSION_SECRET: SECRET,
      LOG_LEVLE: "info",
      HOME: "/root",
      LOG_LEVEL: "info",
    };
    const { code, stdout } = await check(["--from-process"], { cwd, env });
    expect(code).toBe(1);
    expect(stdout).toContain("✗ DATABASE_URL is @required (.env.example:3) but not set.");
    expect(stdout).toContain(
      "✗ DATABSE_URL (the process environment) looks like a typo of DATABASE_URL, which is not set; rename it to DATABASE_URL.",
    );
    expect(stdout).toContain(
      "! LOG_LEVLE (the process environment) looks like a typo of LOG_LEVEL; nothing reads it, so remove it.",
    );
    expect(stdout).not.toContain("HOME");
    expect(stdout).toContain("2 problems");
  });

  it("uses a given example file and reports unknown @types without failing", async () => {
    const cwd = tempRepo({
      "config/env.example": "# Id.\n# @required @type=uuid\nTENANT_ID=x\n",
      "a.env": "TENANT_ID=abc\n",
    });
    const { code, stdout } = await check(["--example", "config/env.example", "--env-file", "a.env"], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain("! TENANT_ID has @type=uuid, which env check does not know; its value was not checked.");
  });

  it.each([
    [["--nope"], "Unknown option '--nope'"],
    [[], "nothing to check"],
    [["--env-file", "missing.env"], "env file missing.env does not exist."],
    [["--environment", "staging"], "no env file for environment staging"],
    [["--example", "nope.example", "--from-process"], "example file nope.example does not exist."],
    [["stray"], "Unexpected argument 'stray'"],
  ])("exits 2 on a usage error: %j", async (argv, message) => {
    const cwd = tempRepo({ ".env.example": EXAMPLE });
    const { code, stderr } = await check(argv, { cwd });
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it("exits 2 when there is no example file", async () => {
    const cwd = tempRepo({ "a.env": "A=1\n" });
    const { code, stderr } = await check(["--env-file", "a.env"], { cwd });
    expect(code).toBe(2);
    expect(stderr).toContain(
      "no example file (.env.example, .env.sample, .env.template, .example.env, env.example, env.sample, .env.dist, example.env)",
    );
  });

  it("checks the real environment of a spawned process", () => {
    const cwd = tempRepo({ ".env.example": EXAMPLE });
    const module = pathToFileURL(join(ROOT, "packages", "cli", "dist", "commands", "env-check.js")).href;
    const script = `const { envCheck } = await import(${JSON.stringify(module)});
const code = await envCheck(process.argv.slice(1), {
  stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), cwd: process.cwd(), env: process.env,
});
process.exitCode = code;`;
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ["--input-type=module", "-e", script, "--", "--from-process"], {
        cwd,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", ...env },
      });
    const missing = run({ DATABASE_URL: "postgres://db/app" });
    expect(missing.stderr).toBe("");
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain("SESSION_SECRET is @required (.env.example:15) but not set.");
    const complete = run({ DATABASE_URL: "postgres://db/app", SESSION_SECRET: SECRET });
    expect(complete.status).toBe(0);
    expect(complete.stdout).not.toContain(SECRET);
  });
});
