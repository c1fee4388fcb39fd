// Discovery in a git work tree asks git once: ls-files, whose paths come relative to cwd. Only when
// the listing fails does a rev-parse ask whether cwd is in a work tree (walk or error?). Each git
// process costs a run some 10 ms of CPU before a file is read.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { probeWorkTree, workTreeState } from "../../src/discovery/git.js";
import { discover } from "../../src/discovery/glob.js";
import { cleanup, commitAll, initRepo, tempDir, writeFiles } from "./helpers.js";

// Every git process discovery starts, by its arguments, and the order of starts and answers.
const started: string[][] = [];
const events: string[] = [];
/** The git commands waited for without the event loop (spawnSync). */
const blocking: string[] = [];
const verb = (args: string[]) => args.find((arg) => !arg.startsWith("-") && !arg.includes("=")) ?? "";
vi.mock("node:child_process", async (original) => {
  const actual = await original<typeof import("node:child_process")>();
  return {
    ...actual,
    execFile: (...args: unknown[]) => {
      const gitArgs = [...((args[1] as string[] | undefined) ?? [])];
      started.push(gitArgs);
      events.push(`start ${verb(gitArgs)}`);
      const callback = args.at(-1) as (...result: unknown[]) => void;
      const answered = (...result: unknown[]) => {
        events.push(`answer ${verb(gitArgs)}`);
        callback(...result);
      };
      return (actual.execFile as (...a: unknown[]) => unknown)(...args.slice(0, -1), answered);
    },
    // A full run's listing waits for git without the event loop (listWorkTree's `blocking`).
    spawnSync: (...args: unknown[]) => {
      const gitArgs = [...((args[1] as string[] | undefined) ?? [])];
      started.push(gitArgs);
      blocking.push(verb(gitArgs));
      events.push(`start ${verb(gitArgs)}`);
      const result = (actual.spawnSync as (...a: unknown[]) => unknown)(...args);
      events.push(`answer ${verb(gitArgs)}`);
      return result;
    },
  };
});

afterEach(() => {
  cleanup();
  started.length = 0;
  events.length = 0;
  blocking.length = 0;
});

function repoWithFolder(): string {
  const repo = tempDir();
  initRepo(repo);
  writeFiles(repo, { "db/1.sql": "SELECT 1;", "odd\nname/a.txt": "a", "README.md": "r" });
  commitAll(repo, "base");
  return repo;
}

describe("probeWorkTree", () => {
  it("says whether cwd is in a work tree, and where, in one git call", async () => {
    const repo = repoWithFolder();
    expect(await probeWorkTree(repo)).toEqual({ state: "work-tree", prefix: "" });
    expect(await probeWorkTree(path.join(repo, "db"))).toEqual({ state: "work-tree", prefix: "db/" });
    // A folder name may hold a line feed: only git's final newline is cut.
    expect(await probeWorkTree(path.join(repo, "odd\nname"))).toEqual({ state: "work-tree", prefix: "odd\nname/" });
    expect(await probeWorkTree(path.join(repo, ".git"))).toEqual({ state: "not-a-repository", prefix: null });
    const outside = tempDir();
    mkdirSync(path.join(outside, "plain"));
    expect(await probeWorkTree(path.join(outside, "plain"))).toEqual({ state: "not-a-repository", prefix: null });
    expect(await workTreeState(path.join(repo, "db"))).toBe("work-tree");
    expect(started.length).toBe(6);
  });
});

describe("discover in a work tree", () => {
  it("starts one git process, ls-files, and lists a subfolder's files relative to it", async () => {
    const repo = repoWithFolder();
    const found = await discover({ cwd: path.join(repo, "db") });
    expect(found.files.map((f) => f.path)).toEqual(["1.sql"]);
    expect(started.map(verb)).toEqual(["ls-files"]);
    expect(started[0]).not.toContain("--full-name");
    // Nothing else is in flight while a run waits for its listing: no pipe streams for it.
    expect(blocking).toEqual(["ls-files"]);
  });

  it("lists a folder whose name holds a line feed", async () => {
    const repo = repoWithFolder();
    const found = await discover({ cwd: path.join(repo, "odd\nname") });
    expect(found.files.map((f) => f.path)).toEqual(["a.txt"]);
  });

  it("still walks a folder outside any repository, asking rev-parse after the listing failed", async () => {
    const outside = tempDir();
    writeFiles(outside, { "db/1.sql": "SELECT 1;" });
    const found = await discover({ cwd: outside });
    expect(found.files.map((f) => f.path)).toEqual(["db/1.sql"]);
    expect(events).toEqual(["start ls-files", "answer ls-files", "start rev-parse", "answer rev-parse"]);
  });

  it("walks the inside of .git, which is no work tree", async () => {
    const repo = repoWithFolder();
    const found = await discover({ cwd: path.join(repo, ".git") });
    expect(found.files.map((f) => f.path)).toContain("HEAD");
  });

  it("reports a work tree git cannot list (a corrupt index) instead of walking it", async () => {
    const repo = repoWithFolder();
    writeFileSync(path.join(repo, ".git", "index"), "not an index");
    await expect(discover({ cwd: repo })).rejects.toThrow(/index/);
    expect(started.map(verb)).toEqual(["ls-files", "rev-parse"]);
  });
});
