// issue 13, fail closed: `migrations verify` that finds no SQL migration to run exits 2 with one line
// saying where it looked (today it prints "No SQL migrations found" and exits 0, so a gate passes).
import { describe, expect, it } from "vitest";
import { runCli, tempRepos } from "../../support/cli.js";

const repo = tempRepos();

function errorLines(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line.trim() !== "");
}

describe("migrations verify with nothing to verify", () => {
  it("exits 2 and names the conventional folders it searched", () => {
    const dir = repo({ "README.md": "# app\n", "src/index.ts": "export {};\n" });
    const run = runCli(["migrations", "verify"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = errorLines(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^deploylint migrations verify: no SQL migrations to verify: looked for \.sql files in folders named migrations, migrate, migration, /,
    );
    expect(lines[0]).toContain("settings.migrations.paths is not set");
  }, 120_000);

  it("exits 2 in every format, with no report on stdout", () => {
    const dir = repo({ "README.md": "# app\n" });
    for (const format of ["json", "sarif", "junit"]) {
      const run = runCli(["migrations", "verify", "--format", format], { cwd: dir });
      expect(run.status, format).toBe(2);
      expect(run.stdout, format).toBe("");
    }
  }, 120_000);

  it("names the configured paths and the non-SQL migrations it found there", () => {
    const dir = repo({
      "deploylint.config.yaml": "settings:\n  migrations:\n    paths: [db/migrate]\n",
      "db/migrate/20260101000000_create_users.rb": "class CreateUsers < ActiveRecord::Migration[7.1]\nend\n",
    });
    const run = runCli(["migrations", "verify"], { cwd: dir });
    expect(run.status).toBe(2);
    const lines = errorLines(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("under settings.migrations.paths (db/migrate)");
    expect(lines[0]).toContain("db/migrate/20260101000000_create_users.rb");
    expect(lines[0]).toContain("verify runs SQL migrations only");
  }, 120_000);

  it("exits 2 when the only SQL files are downs, with nothing to run up", () => {
    const dir = repo({ "db/migrations/000001_users.down.sql": "DROP TABLE users;\n" });
    const run = runCli(["migrations", "verify"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("1 .sql file(s) there hold no up migration it can run");
  }, 120_000);
});
