// issue 13, fail closed: `env check` that finds nothing to check exits 2 with one line saying what it
// looked for (today an example that documents no variable, or env files that set none, pass with 0).
import { describe, expect, it } from "vitest";
import { runCli, tempRepos } from "../../support/cli.js";

const repo = tempRepos();

function oneErrorLine(stderr: string): string {
  const lines = stderr.split("\n").filter((line) => line.trim() !== "");
  expect(lines).toHaveLength(1);
  return lines[0] ?? "";
}

describe("env check with nothing to check", () => {
  it("exits 2 when the example file documents no variable", () => {
    const dir = repo({
      ".env.example": "# Copy to .env and fill in.\n# (nothing yet)\n",
      "deploy/production.env": "DATABASE_URL=postgres://db/app\n",
    });
    const run = runCli(["env", "check", "--environment", "production"], { cwd: dir });
    expect(run.status).toBe(2);
    const line = oneErrorLine(run.stderr);
    expect(line).toContain(".env.example documents no variable");
    expect(line).toContain("deploy/production.env");
  }, 120_000);

  it("exits 2 when the env files given set no variable", () => {
    const dir = repo({
      ".env.example": "# Optional tuning.\nWORKERS=4\n",
      "empty.env": "# filled in by the deploy job\n",
    });
    const run = runCli(["env", "check", "--env-file", "empty.env"], { cwd: dir });
    expect(run.status).toBe(2);
    const line = oneErrorLine(run.stderr);
    expect(line).toContain("empty.env sets no variable");
    expect(line).toContain(".env.example");
  }, 120_000);

  it("exits 2 naming the example files it looked for and the sources it was given", () => {
    const none = repo({ "a.env": "A=1\n" });
    const noExample = runCli(["env", "check", "--env-file", "a.env"], { cwd: none });
    expect(noExample.status).toBe(2);
    expect(oneErrorLine(noExample.stderr)).toContain(
      "no example file (.env.example, .env.sample, .env.template, .example.env, env.example, env.sample, .env.dist, example.env)",
    );

    const noSource = runCli(["env", "check"], { cwd: repo({ ".env.example": "A=1\n" }) });
    expect(noSource.status).toBe(2);
    const line = oneErrorLine(noSource.stderr);
    expect(line).toContain("nothing to check .env.example against");
    expect(line).toContain("--env-file FILE, --environment NAME or --from-process");
  }, 120_000);
});
