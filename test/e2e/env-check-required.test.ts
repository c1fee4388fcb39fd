// Issue 16: `env check` requires what the code cannot run without. A documented variable is
// required when it is @required, or when the example lists it (not commented out, not @optional
// or described as optional, no @default) and some read of it has no fallback. An empty
// environment then fails naming the missing variables, and the output says how many it checked.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: compose `${X}` syntax under test.
import { describe, expect, it } from "vitest";
import { runCli, tempRepo } from "../support/cli.js";

const EXAMPLE = [
  "# Postgres connection string.",
  "DATABASE_URL=postgres://localhost:5432/app",
  "",
  "# Django's signing key.",
  "SECRET_KEY=replace-me",
  "",
  "# Web port of the proxy.",
  "PROXY_PORT=8080",
  "",
  "# Error reporting; leave unset to disable.",
  "# SENTRY_DSN=https://key@sentry.example/1",
  "",
  "# Additional optional settings",
  "CACHE_URL=",
  "",
  "# Log level.",
  "# @optional",
  "LOG_LEVEL=info",
  "",
  "# Worker count.",
  "# @default=4",
  "WORKERS=4",
  "",
  "# Never read anywhere.",
  "UNUSED_SETTING=1",
  "",
].join("\n");

const CODE = {
  "prisma/schema.prisma": 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n',
  "app/settings.py": [
    'SECRET_KEY = os.environ["SECRET_KEY"]',
    'SENTRY_DSN = os.environ["SENTRY_DSN"]',
    'CACHE_URL = os.environ["CACHE_URL"]',
    'LOG_LEVEL = os.environ["LOG_LEVEL"]',
    'WORKERS = os.environ["WORKERS"]',
    "",
  ].join("\n"),
  "docker-compose.yml": "services:\n  proxy:\n    ports:\n      - ${PROXY_PORT:-8080}:80\n",
};

describe("env check: what is required", () => {
  it("fails an empty environment, naming each variable read without a fallback, and says how many it checked", () => {
    const dir = tempRepo({ ".env.example": EXAMPLE, ...CODE, "empty.env": "# nothing set yet\n" });
    const run = runCli(["env", "check", "--env-file", "empty.env"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(run.stdout.split("\n").filter((line) => line.startsWith("✗"))).toEqual([
      "✗ DATABASE_URL is required (.env.example:2; read without a fallback at prisma/schema.prisma:3) but not set.",
      "✗ SECRET_KEY is required (.env.example:5; read without a fallback at app/settings.py:1) but not set.",
    ]);
    expect(run.stdout).toContain("Checked 8 documented variables, 2 required.");
    expect(run.stdout).toContain("2 problems; values are not shown.");
  }, 120_000);

  it("passes once the required variables are set, whatever the optional ones", () => {
    const dir = tempRepo({
      ".env.example": EXAMPLE,
      ...CODE,
      "prod.env": "DATABASE_URL=postgres://db/app\nSECRET_KEY=s3cret-value\n",
    });
    const run = runCli(["env", "check", "--env-file", "prod.env"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Passed: 8 documented variables, 2 required.");
    expect(run.stdout).not.toContain("s3cret-value");
  }, 120_000);

  it("an empty environment with nothing required is still nothing to check (exit 2)", () => {
    const dir = tempRepo({ ".env.example": "# Tuning.\nWORKERS=4\n", "empty.env": "\n" });
    const run = runCli(["env", "check", "--env-file", "empty.env"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("empty.env sets no variable, and .env.example requires none");
  }, 120_000);

  it("a package's example is checked against the reads of that package only", () => {
    const dir = tempRepo({
      "packages/api/.env.example": "# Queue.\nQUEUE_URL=amqp://localhost\n",
      "packages/api/app.py": 'QUEUE_URL = os.environ["QUEUE_URL"]\n',
      "packages/web/.env.example": "# Queue (unused here).\nQUEUE_URL=amqp://localhost\n",
      "empty.env": "\n",
    });
    const api = runCli(["env", "check", "--example", "packages/api/.env.example", "--env-file", "empty.env"], {
      cwd: dir,
    });
    expect(api.status).toBe(1);
    expect(api.stdout).toContain("✗ QUEUE_URL is required (packages/api/.env.example:2;");
    const web = runCli(["env", "check", "--example", "packages/web/.env.example", "--env-file", "empty.env"], {
      cwd: dir,
    });
    expect(web.status).toBe(2);
  }, 120_000);

  it("with no example in the working directory, exits 2 naming the examples found in subfolders", () => {
    // umami keeps its only example in podman/.
    const dir = tempRepo({ "podman/env.sample": "# Database.\nDATABASE_URL=\n", "a.env": "A=1\n" });
    const run = runCli(["env", "check", "--env-file", "a.env"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "in the working directory; found podman/env.sample in subfolders; pass the one this environment follows with --example podman/env.sample.",
    );
  }, 120_000);
});
