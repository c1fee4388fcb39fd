// Files over maxFileSize that a pack owns are read and checked (up to the 32 MiB ceiling, then
// reported); files no pack owns keep the maxFileSize skip.
import { truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, runCli, tempRepo } from "../../support/cli.js";

const CONFIG = "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n";

/** About `bytes` of SQL comments, then a DROP COLUMN on the last line. */
function bigMigration(bytes: number): { text: string; dropLine: number } {
  const line = "-- backfill note: keep this migration readable for the reviewers of the change\n";
  const count = Math.ceil(bytes / line.length);
  return { text: `${line.repeat(count)}ALTER TABLE users DROP COLUMN legacy;\n`, dropLine: count + 1 };
}

describe("size limits", () => {
  it("checks a 3 MB migration instead of skipping it, and still skips a 3 MB file no pack owns", () => {
    const { text, dropLine } = bigMigration(3 * 1024 * 1024);
    const dir = tempRepo({
      "deploylint.config.yaml": CONFIG,
      "db/migrations/000001_big.up.sql": text,
      "db/migrations/000001_big.down.sql": "ALTER TABLE users ADD COLUMN legacy text;\n",
      "data/dump.sql": text,
    });
    const run = runCli(["--format", "json", "--debug"], { cwd: dir });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; line: number }[] };
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([
      `migrations/no-drop-column db/migrations/000001_big.up.sql:${dropLine}`,
    ]);
    expect(run.stderr).toMatch(/skipped data\/dump\.sql: too-large/);
    expect(run.stderr).not.toMatch(/skipped db\/migrations/);
  });

  it("reports a migration above the hard ceiling as too large", () => {
    const dir = tempRepo({ "deploylint.config.yaml": CONFIG, "db/migrations/000001_huge.down.sql": "SELECT 1;\n" });
    const path = join(dir, "db/migrations/000001_huge.up.sql");
    writeFileSync(path, "");
    truncateSync(path, 40 * 1024 * 1024);
    const run = runCli(["--format", "json"], { cwd: dir });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; message: string }[] };
    expect(report.findings.map((f) => [f.ruleId, f.file, f.message])).toEqual([
      [
        "core/file-not-checked",
        "db/migrations/000001_huge.up.sql",
        "The migrations pack checks this file, but it could not be read: it is too large (40 MiB, over the limit of 32 MiB).",
      ],
    ]);
  });

  it("--staged: checks a staged 3 MB migration and reports a staged binary env file", () => {
    const { text, dropLine } = bigMigration(3 * 1024 * 1024);
    const dir = tempRepo({ "deploylint.config.yaml": CONFIG, "db/migrations/.keep": "" });
    git(dir, "init", "-q");
    git(dir, "add", ".");
    git(dir, "commit", "-qm", "config");
    writeFileSync(join(dir, "db/migrations/000001_big.up.sql"), text);
    writeFileSync(join(dir, "db/migrations/000001_big.down.sql"), "ALTER TABLE users ADD COLUMN legacy text;\n");
    writeFileSync(
      join(dir, ".env.production"),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    );
    git(dir, "add", "-f", ".");
    const run = runCli(["--staged", "--format", "json"], { cwd: dir });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; line: number }[] };
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([
      "core/file-not-checked .env.production:1",
      `migrations/no-drop-column db/migrations/000001_big.up.sql:${dropLine}`,
    ]);
  });
});
