import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { changedSince, DiscoveryError, listWorkTree, stagedFiles } from "../../src/discovery/index.js";
import { cleanup, commitAll, git, initRepo, tempDir, writeFiles } from "./helpers.js";

afterEach(cleanup);

/** main: a, b, d, sub/s; feature (checked out): a modified, b deleted, c added; main moves on. */
function branchedRepo(): string {
  const repo = tempDir();
  initRepo(repo);
  writeFiles(repo, {
    ".gitignore": "*.ignored\n",
    "a.sql": "a1",
    "b.sql": "b1",
    "d.sql": "d1",
    "sub/s.sql": "s1",
    "sub/t.sql": "t1",
  });
  commitAll(repo, "base");
  git(repo, "checkout", "--quiet", "-b", "feature");
  writeFiles(repo, { "a.sql": "a2", "c.sql": "c1", "sub/s.sql": "s2" });
  rmSync(path.join(repo, "b.sql"));
  commitAll(repo, "feature work");
  git(repo, "checkout", "--quiet", "main");
  writeFiles(repo, { "main-only.sql": "m" });
  commitAll(repo, "main moves on");
  git(repo, "checkout", "--quiet", "feature");
  return repo;
}

describe("changedSince", () => {
  it("lists changes since the merge base, including uncommitted and untracked files", async () => {
    const repo = branchedRepo();
    const base = git(repo, "merge-base", "main", "HEAD").trim();
    writeFiles(repo, { "d.sql": "d2 uncommitted", "new.sql": "untracked", "x.ignored": "ignored" });
    rmSync(path.join(repo, "sub", "t.sql"));
    expect(await changedSince({ cwd: repo, ref: "main" })).toEqual({
      base,
      added: ["c.sql", "new.sql"],
      modified: ["a.sql", "d.sql", "sub/s.sql"],
      deleted: ["b.sql", "sub/t.sql"],
    });
  });

  it("gives paths relative to a cwd inside the repository and leaves out the rest", async () => {
    const repo = branchedRepo();
    writeFiles(repo, { "sub/new.sql": "untracked" });
    const changes = await changedSince({ cwd: path.join(repo, "sub"), ref: "main" });
    expect(changes).toMatchObject({ added: ["new.sql"], modified: ["s.sql"], deleted: [] });
  });

  it("throws a one-line DiscoveryError for an unknown ref", async () => {
    const repo = branchedRepo();
    const error = await changedSince({ cwd: repo, ref: "origin/nope" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscoveryError);
    expect((error as Error).message).toMatch(/^Unknown git ref "origin\/nope".*\.$/);
    expect((error as Error).message).not.toContain("\n");
  });

  it("refuses a ref that git would read as an option", async () => {
    const repo = branchedRepo();
    await expect(changedSince({ cwd: repo, ref: "--output=/tmp/x" })).rejects.toThrow(DiscoveryError);
  });

  it("throws a one-line DiscoveryError outside a git repository", async () => {
    const dir = tempDir();
    const error = await changedSince({ cwd: dir, ref: "main" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscoveryError);
    expect((error as Error).message).toMatch(/is not inside a git repository/);
    await expect(stagedFiles({ cwd: dir })).rejects.toThrow(/is not inside a git repository/);
  });
});

describe("stagedFiles", () => {
  it("returns the staged content, not the working tree, and the staged change set", async () => {
    const repo = tempDir();
    initRepo(repo);
    writeFiles(repo, { "a.sql": "a1", "b.sql": "b1", "keep.sql": "k1", "sub/c.sql": "c1" });
    commitAll(repo, "base");
    const head = git(repo, "rev-parse", "HEAD").trim();
    writeFiles(repo, { "a.sql": "staged a", "new.bin": Buffer.from([0, 1, 2, 255]), "sub/c.sql": "staged c" });
    git(repo, "add", "a.sql", "new.bin", "sub/c.sql");
    git(repo, "rm", "--quiet", "b.sql");
    // Edits after staging must not be what gets linted.
    writeFiles(repo, { "a.sql": "working tree a", "keep.sql": "unstaged edit" });
    rmSync(path.join(repo, "sub", "c.sql"));

    const staged = await stagedFiles({ cwd: repo });
    expect(staged.changes).toEqual({
      base: head,
      added: ["new.bin"],
      modified: ["a.sql", "sub/c.sql"],
      deleted: ["b.sql"],
    });
    expect(staged.files.map((file) => [file.path, file.text.toString("latin1")])).toEqual([
      ["a.sql", "staged a"],
      ["new.bin", Buffer.from([0, 1, 2, 255]).toString("latin1")],
      ["sub/c.sql", "staged c"],
    ]);

    const inSub = await stagedFiles({ cwd: path.join(repo, "sub") });
    expect(inSub.changes).toMatchObject({ added: [], modified: ["c.sql"], deleted: [] });
    expect(inSub.files.map((file) => [file.path, file.text.toString("utf8")])).toEqual([["c.sql", "staged c"]]);
  });

  it("works before the first commit", async () => {
    const repo = tempDir();
    initRepo(repo);
    writeFiles(repo, { "first.sql": "CREATE TABLE t (id int);" });
    git(repo, "add", "first.sql");
    const staged = await stagedFiles({ cwd: repo });
    expect(staged.changes.added).toEqual(["first.sql"]);
    expect(staged.files.map((file) => file.text.toString("utf8"))).toEqual(["CREATE TABLE t (id int);"]);
  });

  it("returns nothing when nothing is staged", async () => {
    const repo = tempDir();
    initRepo(repo);
    writeFiles(repo, { "a.sql": "a" });
    commitAll(repo, "base");
    writeFileSync(path.join(repo, "a.sql"), "unstaged");
    const staged = await stagedFiles({ cwd: repo });
    expect(staged.files).toEqual([]);
    expect(staged.changes).toMatchObject({ added: [], modified: [], deleted: [] });
  });
});

describe("listWorkTree", () => {
  it("vouches for unchanged tracked files and leaves the rest to be looked at on disk", async () => {
    const repo = tempDir();
    initRepo(repo);
    writeFiles(repo, { ".env": "A=1", "same.sql": "s", "edited.sql": "e", "gone.sql": "g", "inner/repo.txt": "r" });
    symlinkSync("same.sql", path.join(repo, "alias.sql"));
    commitAll(repo, "base");
    // Ignored after it was committed: still tracked, still listed.
    writeFiles(repo, { ".gitignore": ".env\n*.log\n", "edited.sql": "changed", "new.sql": "n", "debug.log": "d" });
    rmSync(path.join(repo, "gone.sql"));
    const nested = path.join(repo, "clone");
    mkdirSync(nested);
    initRepo(nested);
    writeFiles(nested, { "x.sql": "x" });
    for (const blocking of [false, true]) {
      const listing = await listWorkTree({ cwd: repo, blocking });
      expect(listing.regular.sort()).toEqual([".env", "inner/repo.txt", "same.sql"]);
      expect(listing.unverified.sort()).toEqual([".gitignore", "alias.sql", "edited.sql", "new.sql"]);
      expect(listing.nested).toEqual(["clone"]);
      expect([...listing.blobs.keys()].sort()).toEqual([
        ".env",
        "edited.sql",
        "gone.sql",
        "inner/repo.txt",
        "same.sql",
      ]);
    }
  });

  it("gives the same listing and the same failure whether it waits for git blocking or not", async () => {
    const repo = tempDir();
    initRepo(repo);
    writeFiles(repo, { "a b.sql": "a", "sub/\u00e9t\u00e9.env": "X=1", "staged.sql": "s" });
    commitAll(repo, "base");
    writeFiles(repo, { "staged.sql": "s2", "untracked.txt": "u" });
    git(repo, "add", "staged.sql");
    const [evented, blocking] = [await listWorkTree({ cwd: repo }), await listWorkTree({ cwd: repo, blocking: true })];
    expect(blocking).toEqual(evented);
    expect(evented.regular.sort()).toEqual(["a b.sql", "staged.sql", "sub/\u00e9t\u00e9.env"]);
    expect(evented.unverified).toEqual(["untracked.txt"]);
    const outside = tempDir();
    const failures = await Promise.all(
      [false, true].map((blocking) =>
        listWorkTree({ cwd: outside, blocking }).then(
          () => null,
          (error: Error) => error,
        ),
      ),
    );
    expect(failures[0]).toBeInstanceOf(DiscoveryError);
    expect(failures[1]).toBeInstanceOf(DiscoveryError);
    expect(failures[1]?.message).toBe(failures[0]?.message);
  });
});
