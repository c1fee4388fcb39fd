import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DiscoveryError, discover } from "../../src/discovery/index.js";
import { cleanup, initRepo, tempDir, writeFiles } from "./helpers.js";

afterEach(cleanup);

/** The files a run lints: what the patterns select, or every file in scope without patterns. */
async function paths(options: Parameters<typeof discover>[0]): Promise<string[]> {
  const result = await discover(options);
  return result.selected ? [...result.selected].sort() : result.files.map((file) => file.path);
}

describe("discover: defaults", () => {
  it("finds dot files and folders, sorted, with / separators and absolute paths", async () => {
    const cwd = tempDir();
    writeFiles(cwd, {
      "b.sql": "",
      ".env.production": "",
      ".github/workflows/deploy.yml": "",
      "a/z.ts": "",
      "a/B.ts": "",
    });
    const result = await discover({ cwd });
    expect(result.files.map((file) => file.path)).toEqual([
      ".env.production",
      ".github/workflows/deploy.yml",
      "a/B.ts",
      "a/z.ts",
      "b.sql",
    ]);
    expect(result.files[1]?.absolutePath).toBe(path.join(cwd, ".github", "workflows", "deploy.yml"));
    expect(result.unmatched).toEqual([]);
    expect(result.skipped).toEqual([]);
  });

  it("leaves out default-ignored folders at any depth but keeps build/", async () => {
    const cwd = tempDir();
    writeFiles(cwd, {
      "node_modules/pkg/index.js": "",
      "packages/app/node_modules/x/index.js": "",
      ".git/config": "",
      "dist/main.js": "",
      "packages/app/dist/main.js": "",
      "coverage/lcov.info": "",
      ".next/server.js": "",
      "build/Dockerfile": "",
      "src/app.ts": "",
    });
    expect(await paths({ cwd })).toEqual(["build/Dockerfile", "src/app.ts"]);
  });

  it("lints an explicitly named default-ignored folder, still pruning defaults below it", async () => {
    const cwd = tempDir();
    writeFiles(cwd, { "dist/main.js": "", "dist/node_modules/x.js": "", "src/a.ts": "" });
    expect(await paths({ cwd, patterns: ["dist"] })).toEqual(["dist/main.js"]);
  });

  it("lints an explicitly named file even inside a default-ignored folder", async () => {
    const cwd = tempDir();
    writeFiles(cwd, { "node_modules/pkg/.env": "" });
    expect(await paths({ cwd, patterns: ["node_modules/pkg/.env"] })).toEqual(["node_modules/pkg/.env"]);
  });
});

describe("discover: patterns", () => {
  it("expands folders and globs, dedupes, and reports patterns that match nothing", async () => {
    const cwd = tempDir();
    writeFiles(cwd, {
      "db/migrations/001.up.sql": "",
      "db/migrations/001.down.sql": "",
      "db/seed/seed.sql": "",
      "db/README.md": "",
      "src/a.ts": "",
    });
    const result = await discover({
      cwd,
      patterns: ["db/**/*.up.sql", "./db/seed/", "db/seed/seed.sql", "nope", "x/**/*.ts"],
    });
    expect([...(result.selected ?? [])].sort()).toEqual(["db/migrations/001.up.sql", "db/seed/seed.sql"]);
    expect(result.unmatched).toEqual(["nope", "x/**/*.ts"]);
    // Project rules still see every file: the down beside the named up, the rest of the repository.
    expect(result.files.map((file) => file.path)).toEqual([
      "db/README.md",
      "db/migrations/001.down.sql",
      "db/migrations/001.up.sql",
      "db/seed/seed.sql",
      "src/a.ts",
    ]);
  });

  it("treats an existing path with glob characters as a literal file", async () => {
    const cwd = tempDir();
    writeFiles(cwd, { "app/[id]/page.tsx": "", "app/i/page.tsx": "" });
    expect(await paths({ cwd, patterns: ["app/[id]/page.tsx"] })).toEqual(["app/[id]/page.tsx"]);
  });

  it("accepts absolute paths and reports an empty folder as unmatched", async () => {
    const cwd = tempDir();
    writeFiles(cwd, { "src/a.ts": "" });
    mkdirSync(path.join(cwd, "empty"));
    const result = await discover({ cwd, patterns: [path.join(cwd, "src"), "empty"] });
    expect([...(result.selected ?? [])]).toEqual(["src/a.ts"]);
    expect(result.unmatched).toEqual(["empty"]);
  });

  it("matches dot files with globs", async () => {
    const cwd = tempDir();
    writeFiles(cwd, { ".github/workflows/ci.yml": "", "deploy/app.yml": "" });
    expect(await paths({ cwd, patterns: ["**/*.yml"] })).toEqual([".github/workflows/ci.yml", "deploy/app.yml"]);
  });
});

describe("discover: config ignores", () => {
  it("applies globs, folder names and file globs relative to cwd", async () => {
    const cwd = tempDir();
    writeFiles(cwd, {
      "vendor/lib/a.js": "",
      "legacy/old.sql": "",
      "app.log": "",
      "logs/deep.log": "",
      "src/a.ts": "",
    });
    expect(await paths({ cwd, ignores: ["vendor/**", "legacy/", "*.log"] })).toEqual(["logs/deep.log", "src/a.ts"]);
  });

  it("applies to explicitly named files too, listing them as skipped rather than unmatched", async () => {
    const cwd = tempDir();
    writeFiles(cwd, { "vendor/secret.env": "", "src/a.ts": "" });
    const result = await discover({ cwd, patterns: ["vendor/secret.env", "src"], ignores: ["vendor"] });
    expect(result.files.map((file) => file.path)).toEqual(["src/a.ts"]);
    expect([...(result.selected ?? [])]).toEqual(["src/a.ts"]);
    expect(result.skipped).toEqual([{ file: "vendor/secret.env", reason: "ignored" }]);
    expect(result.unmatched).toEqual([]);
  });

  it("reports a glob whose every match is ignored as unmatched", async () => {
    const cwd = tempDir();
    writeFiles(cwd, { "vendor/a.sql": "" });
    const result = await discover({ cwd, patterns: ["**/*.sql"], ignores: ["vendor/**"] });
    expect(result.files).toEqual([]);
    expect(result.selected?.size).toBe(0);
    expect(result.unmatched).toEqual(["**/*.sql"]);
  });
});

describe("discover: .gitignore", () => {
  it("applies the root file with negation and directory rules", async () => {
    const cwd = tempDir();
    writeFiles(cwd, {
      ".gitignore": "*.log\n!keep.log\ntmp/\n# comment\n/root-only.txt\n",
      "a.log": "",
      "keep.log": "",
      "sub/b.log": "",
      "tmp/x.ts": "",
      "sub/tmp/y.ts": "",
      "root-only.txt": "",
      "sub/root-only.txt": "",
      "src/a.ts": "",
    });
    expect(await paths({ cwd })).toEqual([".gitignore", "keep.log", "src/a.ts", "sub/root-only.txt"]);
  });

  it("applies nested files to their own folder only, deeper rules winning", async () => {
    const cwd = tempDir();
    writeFiles(cwd, {
      ".gitignore": "*.secret\n",
      "local.txt": "",
      "anchored.txt": "",
      "sub/.gitignore": "local.txt\n/anchored.txt\n!keep.secret\n",
      "sub/local.txt": "",
      "sub/anchored.txt": "",
      "sub/deeper/local.txt": "",
      "sub/deeper/anchored.txt": "",
      "sub/keep.secret": "",
      "sub/drop.secret": "",
      "other/keep.secret": "",
    });
    expect(await paths({ cwd })).toEqual([
      ".gitignore",
      "anchored.txt",
      "local.txt",
      "sub/.gitignore",
      "sub/deeper/anchored.txt",
      "sub/keep.secret",
    ]);
  });

  it("cannot re-include a file whose folder is ignored, as in git", async () => {
    const cwd = tempDir();
    writeFiles(cwd, { ".gitignore": "tmp/\n!tmp/x.ts\n", "tmp/x.ts": "", "a.ts": "" });
    expect(await paths({ cwd })).toEqual([".gitignore", "a.ts"]);
  });

  it("reads .git/info/exclude and the .gitignore files above a cwd inside the repository", async () => {
    const repo = tempDir();
    initRepo(repo);
    writeFiles(repo, {
      ".git/info/exclude": "*.local\n",
      ".gitignore": "*.gen.ts\n",
      "pkg/.gitignore": "fixtures/\n",
      "pkg/src/a.ts": "",
      "pkg/src/a.gen.ts": "",
      "pkg/src/dev.local": "",
      "pkg/src/fixtures/f.ts": "",
    });
    const cwd = path.join(repo, "pkg");
    expect(await paths({ cwd })).toEqual([".gitignore", "src/a.ts"]);
  });

  it("lints git-ignored files when asked by name or when gitignore is off", async () => {
    const cwd = tempDir();
    writeFiles(cwd, { ".gitignore": ".env.production\n", ".env.production": "", "a.ts": "" });
    expect(await paths({ cwd, patterns: [".env.production"] })).toEqual([".env.production"]);
    expect(await paths({ cwd, gitignore: false })).toEqual([".env.production", ".gitignore", "a.ts"]);
  });
});

describe("discover: links and special files", () => {
  it("reads a linked file under its target's path, never walks a linked folder, and skips loops and dangling links", async () => {
    const cwd = tempDir();
    writeFiles(cwd, { "real/sub/f.txt": "", "a/g.txt": "" });
    symlinkSync("../real", path.join(cwd, "a", "linked")); // a folder elsewhere in the tree: found there
    symlinkSync("g.txt", path.join(cwd, "a", "alias.txt")); // a file: read once, as a/g.txt
    symlinkSync("..", path.join(cwd, "real", "sub", "up")); // back to an ancestor: never entered
    symlinkSync("../..", path.join(cwd, "real", "sub", "top"));
    symlinkSync("missing.txt", path.join(cwd, "a", "dangling.txt"));
    symlinkSync("self", path.join(cwd, "self")); // resolves through itself: ELOOP
    const result = await discover({ cwd });
    expect(result.files.map((file) => file.path)).toEqual(["a/g.txt", "real/sub/f.txt"]);
    expect(result.skipped).toEqual([
      { file: "a/dangling.txt", reason: "broken-symlink" },
      { file: "self", reason: "symlink-loop" },
    ]);
  });

  it("stops at two sibling folders that link to each other", async () => {
    const cwd = tempDir();
    writeFiles(cwd, { "x/a.txt": "", "y/b.txt": "" });
    symlinkSync("../y", path.join(cwd, "x", "to-y"));
    symlinkSync("../x", path.join(cwd, "y", "to-x"));
    const result = await discover({ cwd });
    expect(result.files.map((file) => file.path)).toEqual(["x/a.txt", "y/b.txt"]);
    expect(result.skipped).toEqual([]);
  });

  it("skips links out of the working directory, and names a path that leads out an error", async () => {
    const away = tempDir();
    writeFiles(away, { "secret.env": "", "folder/more.env": "" });
    const cwd = tempDir();
    writeFiles(cwd, { "a.ts": "" });
    symlinkSync(path.join(away, "secret.env"), path.join(cwd, "leak.env"));
    symlinkSync(path.join(away, "folder"), path.join(cwd, "linked"));
    const result = await discover({ cwd });
    expect(result.files.map((file) => file.path)).toEqual(["a.ts"]);
    expect(result.skipped).toEqual([
      { file: "leak.env", reason: "symlink-outside" },
      { file: "linked", reason: "symlink-outside" },
    ]);
    await expect(discover({ cwd, patterns: ["leak.env"] })).rejects.toThrow(/outside the working directory/);
    await expect(discover({ cwd, patterns: ["linked"] })).rejects.toThrow(/outside the working directory/);
    await expect(discover({ cwd, patterns: [path.join(away, "secret.env")] })).rejects.toThrow(DiscoveryError);
  });

  it("uses git's listing in a work tree: tracked files an ignore rule matches stay in scope", async () => {
    const cwd = tempDir();
    initRepo(cwd);
    writeFiles(cwd, { ".env": "", "a.ts": "", "sub\nline/b.ts": "" });
    execFileSync("git", ["add", "-A"], { cwd });
    writeFiles(cwd, { ".gitignore": ".env\n*.log\n", "debug.log": "", "new.ts": "" });
    expect(await paths({ cwd })).toEqual([".env", ".gitignore", "a.ts", "new.ts", "sub\nline/b.ts"]);
  });

  it("lists a FIFO as skipped instead of returning it to be read", async () => {
    const cwd = tempDir();
    writeFiles(cwd, { "a.ts": "" });
    execFileSync("mkfifo", [path.join(cwd, "pipe")]);
    const result = await discover({ cwd });
    expect(result.files.map((file) => file.path)).toEqual(["a.ts"]);
    expect(result.skipped).toEqual([{ file: "pipe", reason: "not-a-regular-file" }]);
  });
});
