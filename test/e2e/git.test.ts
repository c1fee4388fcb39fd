// --changed-since and --staged: only what the change introduced, and the content git will commit.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, runCli, runJson, tempRepo } from "../support/cli.js";

const CONFIG = "settings:\n  migrations: { paths: [db/migrations], dialect: postgresql }\n";

function repoWithHistory(): string {
  const dir = tempRepo({
    "deploylint.config.yaml": CONFIG,
    "db/migrations/000001_old.up.sql": "ALTER TABLE a DROP COLUMN old;\n",
    "db/migrations/000001_old.down.sql": "ALTER TABLE a ADD COLUMN old text;\n",
  });
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "base");
  return dir;
}

describe("--changed-since", () => {
  it("lints only files added or modified since the merge base", () => {
    const dir = repoWithHistory();
    git(dir, "checkout", "-qb", "feature");
    writeFileSync(join(dir, "db/migrations/000002_new.up.sql"), "ALTER TABLE b DROP COLUMN fresh;\n");
    writeFileSync(join(dir, "db/migrations/000002_new.down.sql"), "ALTER TABLE b ADD COLUMN fresh text;\n");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "feature");
    const all = runJson([], { cwd: dir });
    expect(all.report.findings.filter((f) => f.ruleId === "migrations/no-drop-column")).toHaveLength(2);
    const changed = runJson(["--changed-since", "main"], { cwd: dir });
    expect(changed.report.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual([
      "migrations/no-drop-column db/migrations/000002_new.up.sql",
    ]);
  });

  it("exits 2 with a clear line for an unknown ref", () => {
    const run = runCli(["--changed-since", "no-such-branch"], { cwd: repoWithHistory() });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no-such-branch/);
  });
});

describe("--staged", () => {
  it("lints the staged content, not the working tree", () => {
    const dir = repoWithHistory();
    const file = join(dir, "db/migrations/000003_staged.up.sql");
    writeFileSync(file, "ALTER TABLE c DROP COLUMN staged_col;\n");
    writeFileSync(join(dir, "db/migrations/000003_staged.down.sql"), "SELECT 1;\n");
    git(dir, "add", "-A");
    // The working tree now differs from the index: a clean statement.
    writeFileSync(file, "ALTER TABLE c ADD COLUMN fine text;\n");
    const drops = (args: string[]) =>
      runJson(args, { cwd: dir })
        .report.findings.filter((f) => f.ruleId === "migrations/no-drop-column")
        .map((f) => f.file);
    expect(drops(["--staged"])).toEqual(["db/migrations/000003_staged.up.sql"]);
    git(dir, "add", "-A");
    expect(drops(["--staged"])).toEqual([]);
  });
});

describe("--staged and ignore rules", () => {
  // git keeps tracking a file an ignore rule matches (added before the rule, or with add -f), and
  // commits its changes: the index is the truth, for a full run and for --staged alike.
  it("lints tracked files that .gitignore or info/exclude match, as a full run does", () => {
    const dir = repoWithHistory();
    writeFileSync(join(dir, ".gitignore"), "generated/\n");
    const drop = "ALTER TABLE d DROP COLUMN gone;\n";
    const files: Record<string, string> = {
      "db/migrations/generated/000009_gen.up.sql": drop,
      "db/migrations/nested/.gitignore": "*.tmp.sql\n",
      "db/migrations/nested/000010_scratch.tmp.sql": drop,
      "db/migrations/000011_excluded.up.sql": drop,
      "db/migrations/000012_kept.up.sql": drop,
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    writeFileSync(join(dir, ".git/info/exclude"), "db/migrations/000011_excluded.up.sql\n");
    // Force-added: tracked although the ignore rules match them.
    git(dir, "add", "-f", "-A");
    // Untracked and ignored: never committed, so never linted.
    writeFileSync(join(dir, "db/migrations/generated/000013_local.up.sql"), drop);
    const drops = (args: string[]) =>
      runJson(args, { cwd: dir })
        .report.findings.filter((f) => f.ruleId === "migrations/no-drop-column")
        .map((f) => f.file)
        .sort();
    const staged = [
      "db/migrations/000011_excluded.up.sql",
      "db/migrations/000012_kept.up.sql",
      "db/migrations/generated/000009_gen.up.sql",
      "db/migrations/nested/000010_scratch.tmp.sql",
    ];
    expect(drops(["--staged"])).toEqual(staged);
    expect(drops([])).toEqual(["db/migrations/000001_old.up.sql", ...staged].sort());
  });
});

describe("--staged with the cache", () => {
  it("serves the facts of unchanged files from the cache and reports what --no-cache reports", () => {
    const dir = tempRepo({
      ".env.example": "# Where the database is.\nDATABASE_URL=postgres://localhost:5432/app\n",
      "src/db.ts": "export const url = process.env.DATABASE_URL;\n",
    });
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "base");
    runJson([], { cwd: dir });
    writeFileSync(join(dir, "src/new.ts"), "export const key = process.env.API_KEY;\n");
    git(dir, "add", "-A");
    const cold = runJson(["--staged", "--debug"], { cwd: dir });
    const warm = runCli(["--staged", "--format", "json", "--debug"], { cwd: dir });
    const uncached = runJson(["--staged", "--no-cache"], { cwd: dir });
    expect(warm.stderr).toMatch(/cache: 3 hits, 0 misses/);
    expect(warm.stdout).toBe(cold.stdout);
    expect(uncached.stdout).toBe(cold.stdout);
    expect(cold.report.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual([
      "env-docs/no-undocumented-var src/new.ts",
    ]);
  });
});
