// Discovery in a git work tree asks git twice, side by side: one rev-parse (inside a work tree?
// where in it?) and one ls-files. Each git process costs a run some 10 ms before a file is read.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { probeWorkTree, workTreeState } from "../../src/discovery/git.js";
import { discover } from "../../src/discovery/glob.js";
import { cleanup, commitAll, initRepo, tempDir, writeFiles } from "./helpers.js";

// Every git process discovery starts, by its arguments, and the order of starts and answers. With
// `holdRevParse`, rev-parse's answer is held until ls-files starts (or a second passes): a listing
// that waits for the answer starts only after it, whatever the machine's speed.
const started: string[][] = [];
const events: string[] = [];
let holdRevParse = false;
let releaseRevParse: (() => void) | null = null;
const verb = (args: string[]) => args.find((arg) => !arg.startsWith("-") && !arg.includes("=")) ?? "";
vi.mock("node:child_process", async (original) => {
  const actual = await original<typeof import("node:child_process")>();
  return {
    ...actual,
    execFile: (...args: unknown[]) => {
      const gitArgs = [...((args[1] as string[] | undefined) ?? [])];
      started.push(gitArgs);
      events.push(`start ${verb(gitArgs)}`);
      if (verb(gitArgs) === "ls-files") releaseRevParse?.();
      const callback = args.at(-1) as (...result: unknown[]) => void;
      const answered = (...result: unknown[]) => {
        const deliver = () => {
          events.push(`answer ${verb(gitArgs)}`);
          callback(...result);
        };
        if (!(holdRevParse && verb(gitArgs) === "rev-parse")) return deliver();
        const timer = setTimeout(() => releaseRevParse?.(), 1000);
        releaseRevParse = () => {
          releaseRevParse = null;
          clearTimeout(timer);
          deliver();
        };
        if (started.some((a) => verb(a) === "ls-files")) releaseRevParse();
      };
      return (actual.execFile as (...a: unknown[]) => unknown)(...args.slice(0, -1), answered);
    },
  };
});

afterEach(() => {
  cleanup();
  started.length = 0;
  events.length = 0;
  holdRevParse = false;
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
  it("starts two git processes: rev-parse and ls-files", async () => {
    const repo = repoWithFolder();
    const found = await discover({ cwd: path.join(repo, "db") });
    expect(found.files.map((f) => f.path)).toEqual(["1.sql"]);
    expect(started.map(verb)).toEqual(["rev-parse", "ls-files"]);
  });

  it("starts the listing without waiting for rev-parse's answer", async () => {
    const repo = repoWithFolder();
    holdRevParse = true;
    const found = await discover({ cwd: path.join(repo, "db") });
    expect(found.files.map((f) => f.path)).toEqual(["1.sql"]);
    expect(events.slice(0, 3)).toEqual(["start rev-parse", "start ls-files", "answer rev-parse"]);
  });

  it("still walks a folder outside any repository, the listing's failure unread", async () => {
    const outside = tempDir();
    writeFiles(outside, { "db/1.sql": "SELECT 1;" });
    const found = await discover({ cwd: outside });
    expect(found.files.map((f) => f.path)).toEqual(["db/1.sql"]);
  });
});
