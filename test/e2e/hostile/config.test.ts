// Configuration that points at nothing is an error (exit 2, one line, with the nearest existing
// path or a did-you-mean), never a run that passes because it looked at nothing.
import { describe, expect, it } from "vitest";
import { runCli, tempRepo } from "../../support/cli.js";

const MIGRATION = {
  "db/migrations/000001_drop.up.sql": "ALTER TABLE users DROP COLUMN email;\n",
  "db/migrations/000001_drop.down.sql": "ALTER TABLE users ADD COLUMN email text;\n",
};

/** Exit 2 with exactly one line on stderr, and no report on stdout. */
function expectOneLineError(run: { status: number | null; stdout: string; stderr: string }): string {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  return lines[0] ?? "";
}

describe("configuration that points at nothing", () => {
  it("-C to a missing directory exits 2 and suggests the nearest existing one", () => {
    const dir = tempRepo(MIGRATION);
    const line = expectOneLineError(runCli(["-C", "db/migration"], { cwd: dir }));
    expect(line).toMatch(
      /^deploylint: -C\/--cwd db\/migration: no such directory \(did you mean db\/migrations\?\)\.$/,
    );
    // Deeper, with nothing close: the nearest ancestor, never a folder of that name found elsewhere.
    const deeper = expectOneLineError(runCli(["-C", "db/migrations/nothing/db"], { cwd: dir }));
    expect(deeper).toMatch(/no such directory \(the nearest existing path is db\/migrations\)\.$/);
  });

  it("settings.migrations.paths naming a missing folder exits 2 with the file, the line and the nearest path", () => {
    const dir = tempRepo({
      "deploylint.config.yaml": "settings:\n  migrations:\n    paths: [db/migration]\n",
      ...MIGRATION,
    });
    const line = expectOneLineError(runCli(["--format", "json"], { cwd: dir }));
    expect(line).toContain("deploylint.config.yaml:3: settings.migrations.paths[0]:");
    expect(line).toContain('"db/migration" does not exist (did you mean db/migrations?)');
  });

  it("suggests a folder of the same name elsewhere when nothing close sits beside the missing one", () => {
    const dir = tempRepo({
      "deploylint.config.yaml": "settings:\n  migrations: { paths: [database/migrations] }\n",
      ...MIGRATION,
    });
    expect(expectOneLineError(runCli([], { cwd: dir }))).toContain(
      '"database/migrations" does not exist (did you mean db/migrations?)',
    );
  });

  it("a glob in settings.migrations.paths is judged by the folder before its wildcard", () => {
    const ok = tempRepo({
      "deploylint.config.yaml": 'settings:\n  migrations: { paths: ["db/*/*.sql"] }\n',
      ...MIGRATION,
    });
    expect(runCli(["--format", "json"], { cwd: ok }).status).toBe(1);
    const missing = tempRepo({
      "deploylint.config.yaml": 'settings:\n  migrations: { paths: ["sql/**/*.sql"] }\n',
      ...MIGRATION,
    });
    expect(expectOneLineError(runCli([], { cwd: missing }))).toContain('"sql/**/*.sql" does not exist');
  });

  it("a path outside the working directory is refused, not read", () => {
    const dir = tempRepo({ "deploylint.config.yaml": "settings:\n  ladder: { manifest: ../company.config.yaml }\n" });
    expect(expectOneLineError(runCli([], { cwd: dir }))).toContain(
      'settings.ladder.manifest: "../company.config.yaml" is outside the working directory.',
    );
  });

  it("settings.ladder.manifest naming a missing file exits 2 with the nearest existing path", () => {
    const dir = tempRepo({
      "deploylint.config.yaml": "settings:\n  ladder:\n    manifest: ops/ladder.yml\n",
      "ops/ladder.yaml": "environments:\n  production: {}\n",
    });
    const line = expectOneLineError(runCli([], { cwd: dir }));
    expect(line).toContain("deploylint.config.yaml:3: settings.ladder.manifest:");
    expect(line).toContain('"ops/ladder.yml" does not exist (did you mean ops/ladder.yaml?)');
  });

  it("an unknown dialect exits 2 with the nearest known one, instead of crashing a rule", () => {
    const dir = tempRepo({
      "deploylint.config.yaml": "settings:\n  migrations:\n    dialect: postgress\n",
      ...MIGRATION,
    });
    const line = expectOneLineError(runCli([], { cwd: dir }));
    expect(line).toMatch(
      /deploylint\.config\.yaml:3: settings\.migrations\.dialect: must be one of .*\(did you mean "postgres"\?\)/,
    );
    expect(line).not.toMatch(/internal error|crashed/);
  });

  it("an unknown key in a pack's settings is an error with a did-you-mean, in overrides too", () => {
    const top = tempRepo({
      "deploylint.config.yaml": "settings:\n  migrations:\n    pathz: [db/migrations]\n",
      ...MIGRATION,
    });
    expect(expectOneLineError(runCli([], { cwd: top }))).toMatch(
      /deploylint\.config\.yaml:3: settings\.migrations: unknown key "pathz" \(did you mean "paths"\?\); allowed: paths, dialect, framework, startAfter\./,
    );
    const override = tempRepo({
      "deploylint.config.yaml": 'overrides:\n  - files: ["apps/**"]\n    settings:\n      envDocs: { fallbak: none }\n',
    });
    expect(expectOneLineError(runCli([], { cwd: override }))).toMatch(
      /deploylint\.config\.yaml:4: overrides\[0\]\.settings\.envDocs: unknown key "fallbak" \(did you mean "fallback"\?\)/,
    );
  });

  it("a wrongly typed setting names what it must be (package.json#deploylint has no lines, still one line)", () => {
    const dir = tempRepo({
      "package.json": JSON.stringify({ name: "x", deploylint: { settings: { ladder: { flagFunctions: "isOn" } } } }),
    });
    expect(expectOneLineError(runCli([], { cwd: dir }))).toMatch(
      /package\.json(:\d+)?: settings\.ladder\.flagFunctions: must be array\. \(settings of the env-ladder pack\)/,
    );
  });

  it("leaves settings sections of packs that are not loaded alone", () => {
    const dir = tempRepo({
      "deploylint.config.yaml":
        "settings:\n  ourPack: { anything: [1, 2] }\n  migrations: { paths: [db/migrations], dialect: pg }\n",
      ...MIGRATION,
    });
    const run = runCli(["--format", "json"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain(
      "migrations/no-drop-column",
    );
  });
});
