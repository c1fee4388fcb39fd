// issue 13, never leak: an engine error that `migrations verify` quotes shows the literal it
// rejected masked, in the stylish verdicts and in every report format (today the message carries
// the value verbatim, and the finding's fingerprint is a plain hash over it).
import { describe, expect, it } from "vitest";
import { runCli, tempRepos } from "../../support/cli.js";

const SECRET = "hunter2-secret-4f9c1a";

const repo = tempRepos();

/** Everything the run printed: the report and the verdicts. */
function shown(run: { stdout: string; stderr: string }): string {
  return `${run.stdout}\n${run.stderr}`;
}

describe("migrations verify masks what the engine quotes", () => {
  it("PGlite: invalid input syntax quoting a literal, in stylish and json", () => {
    const dir = repo({
      "db/migrations/000001_tokens.up.sql": "CREATE TABLE api_tokens (id bigint PRIMARY KEY, owner integer);\n",
      "db/migrations/000001_tokens.down.sql": "DROP TABLE api_tokens;\n",
      "db/migrations/000002_seed.up.sql": `INSERT INTO api_tokens (id, owner) VALUES (1, '${SECRET}');\n`,
      "db/migrations/000002_seed.down.sql": "DELETE FROM api_tokens;\n",
    });
    const stylish = runCli(["migrations", "verify"], { cwd: dir });
    expect(stylish.status, stylish.stderr).toBe(1);
    expect(stylish.stdout).toContain('invalid input syntax for type integer: "hunt****…"');
    expect(shown(stylish)).not.toContain(SECRET);

    const json = runCli(["migrations", "verify", "--format", "json"], { cwd: dir });
    expect(json.status, json.stderr).toBe(1);
    const report = JSON.parse(json.stdout) as { findings: { ruleId: string; message: string }[] };
    expect(report.findings.map((f) => f.ruleId)).toEqual(["migrations/verify-failed"]);
    expect(report.findings[0]?.message).toContain('"hunt****…"');
    expect(shown(json)).not.toContain(SECRET);
  }, 300_000);

  it.each(["stylish", "json", "sarif", "github", "gitlab", "junit", "markdown"])(
    "sql.js: an error quoting a literal of the statement is masked in %s",
    (format) => {
      const dir = repo({
        "migrations/20260101000000_settings/up.sql": "CREATE TABLE settings (k text PRIMARY KEY, v text);\n",
        "migrations/20260101000000_settings/down.sql": "DROP TABLE settings;\n",
        "migrations/20260102000000_seed/up.sql": `INSERT INTO settings VALUES ('a', json_extract('{}', '${SECRET}'));\n`,
        "migrations/20260102000000_seed/down.sql": "DELETE FROM settings;\n",
      });
      const run = runCli(["migrations", "verify", "--dialect", "sqlite", "--format", format], { cwd: dir });
      expect(run.status, run.stderr).toBe(1);
      expect(shown(run)).toContain("bad JSON path: 'hunt****…'");
      expect(shown(run)).not.toContain(SECRET);
    },
    120_000,
  );
});
