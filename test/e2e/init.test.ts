// `deploylint init` on generated repositories: what it detects, the config it writes (valid, and
// used by the next run), refusing to overwrite, --with-ci and --with-baseline.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli, runJson, tempRepo } from "../support/cli.js";

function shop(): string {
  return tempRepo({
    "package.json": JSON.stringify({
      name: "shop",
      scripts: { test: "vitest", lint: "biome check" },
      dependencies: { pg: "^8" },
    }),
    "db/migrations/000001_users.up.sql": "CREATE TABLE users (id BIGSERIAL PRIMARY KEY, meta JSONB);\n",
    "db/migrations/000001_users.down.sql": "DROP TABLE users;\n",
    "db/migrations/000002_drop.up.sql": "ALTER TABLE users DROP COLUMN meta;\n",
    "db/migrations/000002_drop.down.sql": "ALTER TABLE users ADD COLUMN meta jsonb;\n",
    ".env.example": "# Where the database is.\nDATABASE_URL=postgres://localhost/shop\n",
    "deploy/staging.env": "LOG_LEVEL=info\n",
    "company.config.yaml": "branching:\n  main: trunk\nenvironments:\n  production: {}\n",
    ".github/workflows/test.yml": "name: test\non: push\njobs: {}\n",
  });
}

describe("deploylint init", { timeout: 90_000 }, () => {
  it("detects migrations, dialect, env files, manifest and CI, and writes a config the next run uses", () => {
    const dir = shop();
    const run = runCli(["init"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("migrations: db/migrations (golang-migrate, postgresql, 4 files)");
    expect(run.stdout).toContain("env example: .env.example");
    expect(run.stdout).toContain("env files: deploy/staging.env");
    expect(run.stdout).toContain("manifest: company.config.yaml");
    expect(run.stdout).toContain("CI: github-actions");
    const text = readFileSync(join(dir, "deploylint.config.yaml"), "utf8");
    expect(text).toMatch(/^# deploylint configuration/);
    expect(parse(text)).toEqual({
      extends: ["recommended"],
      settings: {
        migrations: {
          paths: ["db/migrations"],
          framework: "golang-migrate",
          dialect: "postgresql",
          startAfter: "000002",
        },
        ladder: { manifest: "company.config.yaml" },
      },
    });
    expect(text).toContain("#   commands: [npm test, npm run lint]");
    // The default already uses every example, nearest first: init names none (naming one would
    // make it document the whole repository).
    expect(text).toContain("# Example env files found: .env.example.");
    // The manifest makes init mention the opt-in strategy preset, without enabling it.
    expect(text).toContain("# extends: [recommended, strategy]");
    expect(run.stdout).toContain("migrations.startAfter: 000002 (the newest existing migration");
    // The drop in 000002 shipped before init: history. The same drop in a new migration is news.
    const before = runJson([], { cwd: dir });
    expect(before.report.findings.map((f) => f.ruleId)).not.toContain("migrations/no-drop-column");
    writeFileSync(join(dir, "db/migrations/000003_drop.up.sql"), "ALTER TABLE users DROP COLUMN name;\n");
    writeFileSync(join(dir, "db/migrations/000003_drop.down.sql"), "ALTER TABLE users ADD COLUMN name text;\n");
    const lint = runJson([], { cwd: dir });
    expect(lint.status).toBe(1);
    expect(lint.report.findings.filter((f) => f.ruleId === "migrations/no-drop-column").map((f) => f.file)).toEqual([
      "db/migrations/000003_drop.up.sql",
    ]);
  });

  it("drops a detected dialect that would turn readable migrations into parse errors, and says so", () => {
    // Two MySQL keywords (a column named auto_increment) outvote one PostgreSQL one, but MySQL
    // cannot read CREATE INDEX CONCURRENTLY: the lint run with the dialect shows it, so init leaves it out.
    const dir = tempRepo({
      "db/migrations/001_a.sql":
        "ALTER TABLE t ADD COLUMN auto_increment int;\nALTER TABLE t DROP COLUMN auto_increment;\n",
      "db/migrations/002_b.sql": "CREATE INDEX CONCURRENTLY t_x ON t (x);\n",
    });
    const run = runCli(["init"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("migrations: db/migrations (plain, mysql, 2 files)");
    expect(run.stdout).toMatch(/dropped dialect mysql: it turns 0 parse errors into [1-9]/);
    const text = readFileSync(join(dir, "deploylint.config.yaml"), "utf8");
    expect(text).toMatch(/# Not set: dialect mysql, detected, because it turns 0 parse errors into [1-9]/);
    expect(parse(text).settings.migrations.dialect).toBeUndefined();
    const lint = runJson([], { cwd: dir });
    expect(lint.report.findings.filter((f) => f.ruleId.endsWith("parse-error"))).toEqual([]);
  });

  it("refuses to overwrite an existing config without --force", () => {
    const dir = shop();
    writeFileSync(join(dir, "deploylint.config.yaml"), "extends: [strict]\n");
    const run = runCli(["init"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/deploylint\.config\.yaml already exists; pass --force/);
    expect(readFileSync(join(dir, "deploylint.config.yaml"), "utf8")).toBe("extends: [strict]\n");
    expect(runCli(["init", "--force"], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, "deploylint.config.yaml"), "utf8")).toContain("extends: [recommended]");
  });

  it("refuses when another config file already configures deploylint", () => {
    const dir = shop();
    writeFileSync(join(dir, "deploylint.config.json"), "{}\n");
    const run = runCli(["init", "--force"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/deploylint\.config\.json already configures deploylint here/);
    expect(existsSync(join(dir, "deploylint.config.yaml"))).toBe(false);
  });

  it("--with-ci writes a workflow for the manifest's main branch that uploads SARIF", () => {
    const dir = shop();
    expect(runCli(["init", "--with-ci"], { cwd: dir }).status).toBe(0);
    const workflow = parse(readFileSync(join(dir, ".github/workflows/deploylint.yml"), "utf8"));
    expect(workflow.on.push.branches).toEqual(["trunk"]);
    const steps = workflow.jobs.deploylint.steps as { uses?: string; run?: string }[];
    expect(steps.map((s) => s.run ?? s.uses)).toContain("npx --yes deploylint --format github");
    expect(steps.some((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"))).toBe(true);
    expect(workflow.permissions["security-events"]).toBe("write");
    const again = runCli(["init", "--with-ci", "--force"], { cwd: dir });
    expect(again.status).toBe(0);
  });

  it("--with-baseline records today's findings, so the next run is clean", () => {
    const dir = shop();
    const run = runCli(["init", "--with-baseline"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Wrote deploylint-baseline\.json with \d+ existing findings\./);
    const next = runJson([], { cwd: dir });
    expect(next.report.findings).toEqual([]);
    expect(next.status).toBe(0);
  });

  it("detects Flyway and MySQL, and comments out what it cannot find", () => {
    const dir = tempRepo({
      "src/main/resources/db/migration/V1__init.sql":
        "CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;\n",
      "src/main/resources/db/migration/V2__more.sql": "ALTER TABLE `t` ADD COLUMN `name` VARCHAR(10);\n",
    });
    const run = runCli(["init"], { cwd: dir });
    expect(run.status).toBe(0);
    const text = readFileSync(join(dir, "deploylint.config.yaml"), "utf8");
    expect(parse(text).settings).toEqual({
      migrations: {
        paths: ["src/main/resources/db/migration"],
        framework: "flyway",
        dialect: "mysql",
        startAfter: "2",
      },
    });
    expect(text).toContain("# No .env.example was found.");
    expect(text).toContain("# No environment ladder manifest (company.config.yaml) was found;");
    expect(runCli([], { cwd: dir }).status).not.toBe(2);
  });

  it("writes a valid config for an empty repository", () => {
    const dir = tempRepo({ "README.md": "# nothing here\n" });
    expect(runCli(["init"], { cwd: dir }).status).toBe(0);
    const text = readFileSync(join(dir, "deploylint.config.yaml"), "utf8");
    expect(parse(text)).toEqual({ extends: ["recommended"] });
    expect(runCli([], { cwd: dir }).status).toBe(0);
  });
});
