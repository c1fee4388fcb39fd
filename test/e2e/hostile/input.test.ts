// Bad input gets a finding or a one-line error, never a crash and never silence.
import { chmodSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runJson, tempRepo } from "../../support/cli.js";

const MIGRATIONS = "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n";

describe("hostile input", () => {
  it("skips binary, huge, unreadable and looping files no pack owns, lists them with --debug, and lints the rest", () => {
    const dir = tempRepo({
      "deploylint.config.yaml": MIGRATIONS,
      "bin/blob.dat": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0xff]),
      "latin1.txt": Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      "locked.txt": "secret\n",
      "db/migrations/000001_drop.up.sql": "ALTER TABLE t DROP COLUMN c;\n",
      "db/migrations/000001_drop.down.sql": "ALTER TABLE t ADD COLUMN c text;\n",
    });
    writeFileSync(join(dir, "huge.sql"), "");
    truncateSync(join(dir, "huge.sql"), 50 * 1024 * 1024);
    chmodSync(join(dir, "locked.txt"), 0o000);
    mkdirSync(join(dir, "loop"));
    symlinkSync("..", join(dir, "loop", "up"));
    symlinkSync(join(dir, "missing-target"), join(dir, "dangling.txt"));

    const run = runCli(["--format", "json", "--debug"], { cwd: dir });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain("migrations/no-drop-column");
    expect(run.stderr).toMatch(/skipped bin\/blob\.dat: binary/);
    expect(run.stderr).toMatch(/skipped huge\.sql: too-large/);
    // Stray Latin-1 bytes no longer make a file unreadable: it is decoded lossily and linted.
    expect(run.stderr).not.toMatch(/skipped latin1\.txt/);
    // None of these files belongs to a pack: skipped quietly, not reported.
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain("core/file-not-checked");
    // A dangling symlink cannot be read by anyone; chmod 000 stops every user but root.
    expect(run.stderr).toMatch(/skipped dangling\.txt: broken-symlink/);
    if (process.getuid?.() === 0) expect(run.stderr).not.toMatch(/skipped locked\.txt/);
    else expect(run.stderr).toMatch(/skipped locked\.txt: unreadable/);
    expect(run.stderr).not.toMatch(/loop\/up\/loop/);
  });

  it("reports an unparseable SQL statement and still lints the good ones around it", () => {
    const dir = tempRepo({
      "deploylint.config.yaml": MIGRATIONS,
      "db/migrations/000002_mixed.up.sql": [
        "ALTER TABLE users DROP COLUMN a;",
        "ALTER TABLE users FROBNICATE THE WIDGETS;",
        "ALTER TABLE orders DROP COLUMN b;",
        "",
      ].join("\n"),
      "db/migrations/000002_mixed.down.sql": "SELECT 1;\n",
    });
    const { report } = runJson([], { cwd: dir });
    const found = report.findings.map((f) => `${f.ruleId}:${f.line}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "migrations/no-drop-column:1",
        "migrations/parse-error:2",
        "migrations/no-drop-column:3",
      ]),
    );
  });

  it("survives a YAML alias bomb with a parse-error finding", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
      "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]",
      "environments: *g",
      "",
    ].join("\n");
    const { report, status } = runJson([], { cwd: tempRepo({ "company.config.yaml": bomb }) });
    expect(status).toBe(1);
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}`)).toContain("deploylint/parse-error company.config.yaml");
  });

  it("exits 2 with one clear line on a broken config", () => {
    const run = runCli([], { cwd: tempRepo({ "deploylint.config.yaml": "rules: [unclosed\n" }) });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^deploylint: .*deploylint\.config\.yaml:\d+: not valid YAML: /);
  });

  it("exits 2 on an unknown rule id, suggesting the nearest one", () => {
    const run = runCli([], {
      cwd: tempRepo({ "deploylint.config.yaml": "rules:\n  migrations/no-drop-colum: error\n" }),
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain('unknown rule "migrations/no-drop-colum"; did you mean "migrations/no-drop-column"?');
  });

  it("passes an empty repository (a pre-commit hook in a new repository must not fail)", () => {
    const run = runJson([], { cwd: tempRepo() });
    expect(run.status).toBe(0);
    expect(run.report.summary.files).toBe(0);
  });

  it("exits 2 when a path matches nothing", () => {
    const run = runCli(["does-not-exist"], { cwd: tempRepo({ "a.txt": "x" }) });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/does-not-exist/);
  });
});

describe("unsafe options", () => {
  it("exits 2 at config load on an allow pattern that can backtrack catastrophically", () => {
    const run = runCli([], {
      cwd: tempRepo({
        "deploylint.config.yaml": "rules:\n  secrets/no-hardcoded-secret: [error, { allow: ['^(a+)+$'] }]\n",
      }),
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /deploylint\.config\.yaml:2: rules\.secrets\/no-hardcoded-secret\[1\]: "\^\(a\+\)\+\$" repeats a group/,
    );
  });
});
