// --debug and --print-config show what was detected and why, by the detection init uses; the
// print-config block says the values were detected, not configured.
import { describe, expect, it } from "vitest";
import { runCli, tempRepo } from "../support/cli.js";

function prismaRepo(config?: string): string {
  return tempRepo({
    ...(config ? { "deploylint.config.yaml": config } : {}),
    "prisma/schema.prisma": 'datasource db {\n  provider = "mysql"\n}\n',
    "prisma/migrations/migration_lock.toml": 'provider = "mysql"\n',
    "prisma/migrations/20240101000000_init/migration.sql": "CREATE TABLE `User` (`id` INT NOT NULL);\n",
    "prisma/migrations/20240201000000_more/migration.sql": "ALTER TABLE `User` ADD COLUMN `name` TEXT;\n",
  });
}

describe("what was detected", { timeout: 90_000 }, () => {
  it("--debug prints each detection with its reason", () => {
    const run = runCli(["--debug"], { cwd: prismaRepo() });
    expect(run.stderr).toContain("[debug] detected: migrations: prisma/migrations (prisma, mysql, 2 files)");
    expect(run.stderr).toContain("[debug] detected:   dialect: prisma/migrations/migration_lock.toml names mysql");
    expect(run.stderr).toContain("[debug] detected:   newest version: 20240201000000");
  });

  it("--debug names CI providers and platforms as the packs that lint them tell them apart", () => {
    const cwd = tempRepo({
      "bitbucket-pipelines.yml": "pipelines:\n  default:\n    - step:\n        script: [npm test]\n",
      "deploy/fly.production.toml": 'app = "shop"\n',
      Dockerfile: "FROM node:20\n",
    });
    const run = runCli(["--debug"], { cwd });
    // The pipeline pack's reader (@deploylint/ci-model) and the rollout pack's platform files.
    expect(run.stderr).toContain("[debug] detected: CI: bitbucket-pipelines (bitbucket-pipelines.yml)");
    expect(run.stderr).toMatch(
      /\[debug\] detected: platforms: fly \(deploy\/fly\.production\.toml\), docker \(Dockerfile\)/,
    );
  });

  it("--print-config shows the detected framework and dialect of a file, marked as detected", () => {
    const run = runCli(["--print-config", "prisma/migrations/20240101000000_init/migration.sql"], {
      cwd: prismaRepo(),
    });
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.detected.note).toMatch(/^detected, not configured/);
    expect(printed.detected.migration).toEqual({
      framework: { value: "prisma", reason: "detected from the file's name, folder and markers" },
      dialect: { value: "mysql", reason: "prisma/migrations/migration_lock.toml names mysql" },
      version: "20240101000000",
      history: false,
    });
  });

  it("--print-config says when startAfter makes a file history, and when the config names the dialect", () => {
    const config = "settings:\n  migrations:\n    dialect: mariadb\n    startAfter: 20240101000000\n";
    const cwd = prismaRepo(config);
    const old = JSON.parse(
      runCli(["--print-config", "prisma/migrations/20240101000000_init/migration.sql"], { cwd }).stdout,
    );
    expect(old.detected.migration.history).toBe(true);
    expect(old.detected.migration.dialect).toEqual({
      value: "mariadb",
      reason: "configured (settings.migrations.dialect)",
    });
    const recent = JSON.parse(
      runCli(["--print-config", "prisma/migrations/20240201000000_more/migration.sql"], { cwd }).stdout,
    );
    expect(recent.detected.migration.history).toBe(false);
    const other = JSON.parse(runCli(["--print-config", "prisma/schema.prisma"], { cwd }).stdout);
    expect(other.detected.migration).toBeNull();
  });
});
