// The command line a new user meets: --help lists every command and subcommand, a command group
// alone prints its help (and cannot pass a CI step), and stylish wraps only where asked to.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempRepo } from "../support/cli.js";

describe("deploylint --help", () => {
  it("lists every command and subcommand", () => {
    const run = runCli(["--help"], { cwd: tempRepo() });
    expect(run.status).toBe(0);
    for (const command of [
      "rules",
      "explain",
      "init",
      "pre-deploy",
      "migrations verify",
      "env check",
      "smoke",
      "merge",
    ])
      expect(run.stdout).toMatch(new RegExp(`^ +deploylint ${command}\\b`, "m"));
    expect(run.stdout).toContain("--changed-since <ref>");
    expect(run.stdout).toContain("--shard <i>/<n>");
  });
});

describe("a command group without its command", () => {
  for (const [group, command] of [
    ["migrations", "verify"],
    ["env", "check"],
  ] as const) {
    it(`deploylint ${group} prints the group's help and exits 2`, () => {
      const run = runCli([group], { cwd: tempRepo() });
      expect(run.status).toBe(2);
      expect(run.stdout).toMatch(new RegExp(`^Usage: deploylint ${group} <command>`));
      expect(run.stdout).toMatch(new RegExp(`^ +deploylint ${group} ${command}\\b`, "m"));
      expect(run.stderr).toBe(`deploylint: "${group}" needs a command: ${command}.\n`);
    });

    it(`deploylint ${group} --help prints it and exits 0`, () => {
      const run = runCli([group, "--help"], { cwd: tempRepo() });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: deploylint ${group} <command>`));
    });
  }

  it("names the close command for a typo, and how to lint a folder of that name", () => {
    const dir = tempRepo();
    mkdirSync(join(dir, "env"));
    const run = runCli(["env", "chek"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'deploylint: Unknown command "env chek"; did you mean deploylint env check? To lint the folder env, run deploylint ./env.\n',
    );
    const bare = runCli(["migrations"], { cwd: tempRepo({ "migrations/1.sql": "SELECT 1;\n" }) });
    expect(bare.stderr).toContain("To lint the folder migrations, run deploylint ./migrations.");
  });
});

describe("stylish line width", () => {
  const repo = () =>
    tempRepo({
      "deploylint.config.yaml": "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n",
      "db/migrations/000001_a.up.sql": "ALTER TABLE accounts DROP COLUMN legacy_email_address;\n",
      "db/migrations/000001_a.down.sql": "ALTER TABLE accounts ADD COLUMN legacy_email_address text;\n",
    });
  const longest = (text: string) => Math.max(...text.split("\n").map((line) => [...line].length));

  it("wraps to COLUMNS when it is set, keeping each docs URL whole", () => {
    const run = runCli([], { cwd: repo(), env: { COLUMNS: "60" } });
    expect(run.status).toBe(1);
    const url = "https://github.com/deploylint/deploylint/blob/main/docs/rules/migrations/no-drop-column.md";
    // The URL is longer than 60 columns: it stands whole on its own line, the only one past 60.
    expect(run.stdout).toContain(`\n    ${url}\n`);
    expect(run.stdout.split("\n").filter((line) => [...line].length > 60)).toEqual([`    ${url}`]);
  });

  it("does not wrap a pipe without COLUMNS, nor a file written with -o", () => {
    const dir = repo();
    const piped = runCli([], { cwd: dir, env: { COLUMNS: "" } });
    expect(longest(piped.stdout)).toBeGreaterThan(120);
    runCli(["-o", "report.txt"], { cwd: dir, env: { COLUMNS: "60" } });
    expect(readFileSync(join(dir, "report.txt"), "utf8")).toBe(piped.stdout);
  });
});
