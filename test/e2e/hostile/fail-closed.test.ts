// A file in scope that could not be checked is a finding (core/file-not-checked), so the exit
// code is never 0 for an unjudged migration, env file or config; a file no pack owns that cannot
// be read (a PNG) is still skipped quietly.
import { chmodSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempRepo } from "../../support/cli.js";

const CONFIG = "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n";
// A PNG's first bytes and then compressed-looking data: binary by any measure.
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)),
]);

interface Report {
  findings: { ruleId: string; file: string; line: number; severity: string; message: string }[];
}

function lint(dir: string) {
  const run = runCli(["--format", "json", "--debug"], { cwd: dir });
  return { ...run, report: JSON.parse(run.stdout) as Report };
}

describe("core/file-not-checked", () => {
  it("reports a binary migration, env file and config at error and fails the run; a PNG is skipped quietly", () => {
    const dir = tempRepo({
      "deploylint.config.yaml": CONFIG,
      "db/migrations/000001_init.up.sql": PNG,
      ".env.production": PNG,
      "packages/api/deploylint.config.yaml": PNG,
      "docs/logo.png": PNG,
    });
    const run = lint(dir);
    expect(run.status).toBe(1);
    const unchecked = run.report.findings.filter((f) => f.ruleId === "core/file-not-checked");
    expect(unchecked.map((f) => [f.file, f.line, f.severity])).toEqual([
      [".env.production", 1, "error"],
      ["db/migrations/000001_init.up.sql", 1, "error"],
      ["packages/api/deploylint.config.yaml", 1, "error"],
    ]);
    expect(unchecked[1]?.message).toMatch(
      /^The migrations pack checks this file, but it could not be read: it is binary where text was expected \(\d+ % NUL or control bytes in the first 8 KiB\)\.$/,
    );
    expect(run.report.findings.map((f) => f.file)).not.toContain("docs/logo.png");
    expect(run.stderr).toMatch(/skipped docs\/logo\.png: binary/);
  });

  it("reports a migration that cannot be read (no read permission, or a dangling link when running as root)", () => {
    const dir = tempRepo({ "deploylint.config.yaml": CONFIG, "db/migrations/000001_a.up.sql": "SELECT 1;\n" });
    const path = join(dir, "db/migrations/000001_a.up.sql");
    chmodSync(path, 0o000);
    let readable = true;
    try {
      readFileSync(path);
    } catch {
      readable = false;
    }
    if (readable) symlinkSync("nowhere.sql", join(dir, "db/migrations/000002_b.up.sql"));
    const run = lint(dir);
    expect(run.status).toBe(1);
    const unchecked = run.report.findings.filter((f) => f.ruleId === "core/file-not-checked");
    expect(unchecked).toHaveLength(1);
    expect(unchecked[0]?.message).toMatch(/(it cannot be read \(EACCES\)|it is a link to nothing)\.$/);
  });

  it("does not report a file whose pack runs no rule, and can itself be turned off", () => {
    const files = { "db/migrations/000001_init.up.sql": PNG };
    // --only secrets/*: no migrations rule runs, so no pack of the run owns the migration.
    const onlySecrets = runCli(["--only", "secrets/*", "--debug"], {
      cwd: tempRepo({ ...files, "deploylint.config.yaml": CONFIG }),
    });
    expect(onlySecrets.status).toBe(0);
    expect(onlySecrets.stderr).toMatch(/skipped db\/migrations\/000001_init\.up\.sql: binary/);
    const ruleOff = lint(
      tempRepo({ ...files, "deploylint.config.yaml": `${CONFIG}rules:\n  core/file-not-checked: off\n` }),
    );
    expect(ruleOff.status).toBe(0);
    expect(ruleOff.stderr).toMatch(/skipped db\/migrations\/000001_init\.up\.sql: binary/);
  });
});
