// The benchmark's real corpora: found under <root>/real and <root>/migrations, copied into the bench
// folder as committed git repositories without writing to the corpora, copied again only when a
// corpus changes, and raced on the same files by each tool (squawk on exactly the history's .sql).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  ensureRealRepository,
  git,
  listRealCorpora,
  postgresFiles,
  realComparisons,
  realContestants,
} from "../../tools/bench/real.mjs";
import { countFindings } from "../../tools/bench/report.mjs";

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "deploylint-bench-real-"));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** A corpora root with one application and vaultwarden's dialect folders. */
function corpora(): string {
  const root = tempDir();
  write(root, {
    "real/README.md": "# not a corpus\n",
    "real/umami/package.json": "{}\n",
    "real/umami/prisma/migrations/01_init/migration.sql": "CREATE TABLE a (id int);\n",
    "real/umami/prisma/migrations/migration_lock.toml": 'provider = "postgresql"\n',
    "migrations/vaultwarden/postgresql/2019_create/up.sql": "CREATE TABLE b (id int);\n",
    "migrations/vaultwarden/postgresql/2019_create/down.sql": "DROP TABLE b;\n",
    "migrations/vaultwarden/mysql/2019_create/up.sql": "CREATE TABLE b (id int);\n",
  });
  return root;
}

const snapshot = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((path) => `${path}:${statSync(join(dir, path)).mtimeMs}`);

describe("the real corpora of the benchmark", () => {
  it("lists applications and histories, with vaultwarden laid out under migrations/", () => {
    expect(listRealCorpora(corpora())).toEqual([
      { name: "umami", kind: "app", source: "real/umami", target: "." },
      { name: "vaultwarden", kind: "history", source: "migrations/vaultwarden", target: "migrations" },
    ]);
  });

  it("copies a corpus into a committed repository, never writes the corpus, and copies again only when it changes", () => {
    const root = corpora();
    const bench = tempDir();
    const before = snapshot(root);
    const logged: string[] = [];
    const [, vaultwarden] = listRealCorpora(root);
    const repo = ensureRealRepository({
      root: bench,
      corpus: vaultwarden,
      corporaRoot: root,
      log: (m: string) => logged.push(m),
    });
    expect(repo.dir).toBe(join(bench, "real", "vaultwarden"));
    expect(repo.files).toBe(3);
    const tracked = execFileSync("git", ["ls-files"], { cwd: repo.dir, encoding: "utf8" }).trim().split("\n");
    expect(tracked).toContain("migrations/postgresql/2019_create/up.sql");
    expect(snapshot(root)).toEqual(before);

    ensureRealRepository({ root: bench, corpus: vaultwarden, corporaRoot: root, log: (m: string) => logged.push(m) });
    expect(logged).toHaveLength(1);
    write(root, { "migrations/vaultwarden/postgresql/2020_more/up.sql": "ALTER TABLE b ADD c int;\n" });
    const again = ensureRealRepository({
      root: bench,
      corpus: vaultwarden,
      corporaRoot: root,
      log: (m: string) => logged.push(m),
    });
    expect(logged).toHaveLength(2);
    expect(again.files).toBe(4);
  });

  it("runs git with its background gc off, so no repack runs beside the timed runs", () => {
    const dir = tempDir();
    expect(git(dir, "config", "--get", "gc.auto").trim()).toBe("0");
    expect(git(dir, "config", "--get", "maintenance.auto").trim()).toBe("false");
  });

  it("races squawk on exactly the PostgreSQL history's .sql files, and deploylint on the same folder", () => {
    const root = corpora();
    const bench = tempDir();
    const [umami, vaultwarden] = listRealCorpora(root);
    const vw = ensureRealRepository({ root: bench, corpus: vaultwarden, corporaRoot: root, log: () => {} });
    const pg = postgresFiles(vw.dir, "vaultwarden");
    expect(pg).toEqual({
      folders: ["migrations/postgresql"],
      files: ["migrations/postgresql/2019_create/down.sql", "migrations/postgresql/2019_create/up.sql"],
    });
    const history = realContestants({ repo: vw, pg, cacheDir: "/c", secretlintrc: "/s", quick: false });
    expect(history.map((c) => c.id)).toEqual(["dl-pg-cold", "dl-pg-warm", "squawk"]);
    expect(history[2]?.command.args.slice(2)).toEqual(pg.files);
    expect(history[0]?.command.args.slice(-1)).toEqual(["migrations/postgresql"]);

    const app = ensureRealRepository({ root: bench, corpus: umami, corporaRoot: root, log: () => {} });
    const appPg = postgresFiles(app.dir, "umami");
    const full = realContestants({ repo: app, pg: appPg, cacheDir: "/c", secretlintrc: "/s", quick: false });
    expect(full.map((c) => c.id)).toEqual([
      "dl-all",
      "dl-secrets",
      "dl-migrations",
      "dl-env-docs",
      "dl-env-ladder",
      "secretlint",
      "dl-pg-cold",
      "dl-pg-warm",
      "squawk",
    ]);
    const quick = realContestants({ repo: app, pg: appPg, cacheDir: "/c", secretlintrc: "/s", quick: true });
    expect(quick.map((c) => c.id)).toEqual([
      "dl-all",
      "dl-secrets",
      "secretlint",
      "dl-pg-cold",
      "dl-pg-warm",
      "squawk",
    ]);
  });

  it("puts the migrations targets on the largest PostgreSQL history only", () => {
    const stats = { "dl-pg-cold": {}, "dl-pg-warm": {}, squawk: {}, "dl-all": {}, secretlint: {} };
    const targets = (largestPg: boolean) =>
      Object.fromEntries(realComparisons({ stats, largestPg }).map((c) => [c.id, c.target?.maxRatio ?? null]));
    expect(targets(true)).toEqual({
      "all-vs-secretlint": 1,
      "pg-cold-vs-squawk": 2,
      "pg-warm-vs-squawk": 0.5,
    });
    expect(targets(false)["pg-cold-vs-squawk"]).toBeNull();
  });

  it("counts a clean secretlint run (no output at all) as zero findings", () => {
    expect(countFindings("secretlint", "")).toBe(0);
    expect(countFindings("deploylint", "")).toBeNull();
  });
});
