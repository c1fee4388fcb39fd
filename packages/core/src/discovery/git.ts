// Git-backed file selection: what changed since the merge base with a ref (--changed-since) and
// what is staged in the index (--staged), with paths relative to cwd. Git runs without a shell.
import { execFile, spawn, spawnSync } from "node:child_process";
import { stat } from "node:fs/promises";
import type { ChangeSet } from "../rule-api/types.js";
import { DiscoveryError } from "./errors.js";

/** The tree of an empty repository: the base of a diff when HEAD has no commit yet. */
const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
const MAX_OUTPUT = 512 * 1024 * 1024;
/** Modes of staged entries with lintable content (not symlinks 120000, not submodules 160000). */
const BLOB_MODES = new Set(["100644", "100755"]);
const SUBMODULE_MODE = "160000";

interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export interface StagedFile {
  /** Relative to cwd, `/` separators. */
  path: string;
  /** The content in git's index, not the working tree. */
  text: Buffer;
}

export async function changedSince(options: { cwd: string; ref: string }): Promise<ChangeSet> {
  const prefix = await repoPrefix(options.cwd);
  if (options.ref === "" || options.ref.startsWith("-")) {
    throw new DiscoveryError(
      `"${options.ref}" is not a git ref; --changed-since needs a branch, tag or commit such as origin/main.`,
    );
  }
  const commit = await git(options.cwd, ["rev-parse", "--verify", "--quiet", `${options.ref}^{commit}`]);
  if (commit.code !== 0) {
    // A CI checkout is shallow and holds one branch: the usual reason a real branch is unknown.
    if (await isShallow(options.cwd)) {
      throw new DiscoveryError(
        `This is a shallow clone that does not hold "${options.ref}", so there is nothing to compare the changes against; fetch it (git fetch origin ${fetchable(options.ref)}, or fetch-depth: 0 in actions/checkout) and retry.`,
      );
    }
    throw new DiscoveryError(
      `Unknown git ref "${options.ref}", so there is nothing to compare the changes against; fetch it (in CI: git fetch origin <branch>) or pass a ref that exists.`,
    );
  }
  const base = await mergeBase(options.cwd, lines(commit.stdout)[0] ?? options.ref, options.ref);
  const diff = await gitOrThrow(options.cwd, [
    "diff",
    "--name-status",
    "-z",
    "--no-renames",
    "--no-ext-diff",
    base,
    "--",
    ".",
  ]);
  // The untracked files a full run lints (listWorkTree): the user's global excludes left out.
  const untracked = await gitOrThrow(options.cwd, [
    "-c",
    "core.excludesFile=",
    "ls-files",
    "--others",
    "--exclude-standard",
    "--full-name",
    "-z",
    "--",
    ".",
  ]);
  const changes = parseNameStatus(diff.stdout, prefix);
  changes.added.push(...fields(untracked.stdout).flatMap((file) => underCwd(file, prefix) ?? []));
  return finish({ base, ...changes });
}

export interface StagedSelection {
  changes: ChangeSet;
  files: StagedFile[];
  /** Paths with a merge conflict in progress: the index holds no single version of them to judge. */
  unmerged: string[];
}

export async function stagedFiles(options: { cwd: string }): Promise<StagedSelection> {
  await assertDirectory(options.cwd);
  // The index against HEAD, asked side by side with HEAD itself; only before the first commit is it
  // asked again, against the empty tree. `--relative` limits the diff to cwd and prints paths from
  // there: no second git process to learn cwd's folder in the repository. The plumbing command,
  // because `git diff` outside a repository turns into `diff --no-index` and fails with its usage.
  const diffIndex = (base: string) =>
    git(options.cwd, ["diff-index", "--cached", "--relative", "-z", "--no-abbrev", base, "--", "."]);
  const [head, againstHead] = await Promise.all([
    git(options.cwd, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]),
    diffIndex("HEAD"),
  ]);
  const base = head.code === 0 ? (lines(head.stdout)[0] ?? EMPTY_TREE) : EMPTY_TREE;
  const diff = orThrow(head.code === 0 ? againstHead : await diffIndex(EMPTY_TREE), "diff-index", options.cwd);
  const changes: ChangeSet = { base, added: [], modified: [], deleted: [] };
  const blobs = new Map<string, string>();
  const unmerged: string[] = [];
  const tokens = fields(diff.stdout);
  for (let index = 0; index + 1 < tokens.length; index += 2) {
    // ":<old mode> <new mode> <old sha> <new sha> <status>", then the path.
    const [, newMode = "", , newSha = "", status = ""] = (tokens[index] ?? "").slice(1).split(" ");
    const file = tokens[index + 1] ?? "";
    if (file === "") continue;
    bucket(changes, status)?.push(file);
    if (status === "U") unmerged.push(file);
    else if (status !== "D" && BLOB_MODES.has(newMode)) blobs.set(file, newSha);
  }
  const contents = await catBlobs(options.cwd, [...new Set(blobs.values())]);
  const files = [...blobs]
    .sort(([a], [b]) => compare(a, b))
    .map(([file, sha]) => ({ path: file, text: contents.get(sha) ?? Buffer.alloc(0) }));
  return { changes: finish(changes), files, unmerged: [...new Set(unmerged)].sort(compare) };
}

/**
 * The blob id of every file in git's index, by cwd-relative path. For a file the change did not
 * touch, that id names its content without reading it: the cache can serve the file's facts.
 */
export async function indexBlobs(options: { cwd: string }): Promise<Map<string, string>> {
  const prefix = await repoPrefix(options.cwd);
  const listing = await gitOrThrow(options.cwd, ["ls-files", "--stage", "--full-name", "-z", "--", "."]);
  const blobs = new Map<string, string>();
  for (const entry of fields(listing.stdout)) {
    // "<mode> <sha> <stage>\t<path>"
    const tab = entry.indexOf("\t");
    const [mode = "", sha = "", stage = ""] = entry.slice(0, tab).split(" ");
    const file = underCwd(entry.slice(tab + 1), prefix);
    if (file !== null && stage === "0" && BLOB_MODES.has(mode)) blobs.set(file, sha);
  }
  return blobs;
}

/** What git knows about the files of a work tree, by cwd-relative path, before any is read. */
export interface WorkTreeListing {
  /** Tracked regular files whose stat still matches git's index: nothing to check on disk. */
  regular: string[];
  /**
   * Paths git cannot vouch for: untracked files, files changed since the index (a regular file may
   * have become a link), links in the index, unmerged entries. Discovery looks at them on disk.
   */
  unverified: string[];
  /** Folders holding another repository (a submodule, a nested clone): listed by their own git. */
  nested: string[];
  /**
   * The index's blob id of each tracked regular file (as indexBlobs gives them): a partial run
   * names the content of a file outside the change by it, without reading the file.
   */
  blobs: Map<string, string>;
}

const LIST_WORK_TREE = [
  "-c",
  "core.excludesFile=",
  "ls-files",
  "-z",
  "-t",
  "--stage",
  "--cached",
  "--others",
  "--modified",
  "--deleted",
  "--exclude-standard",
  "--",
  ".",
];

/**
 * The files of a full run in a git work tree, in one `git ls-files`: every tracked file, whether
 * or not an ignore rule matches it (git keeps tracking a `.env` committed before its ignore rule,
 * and so must a gate), plus the untracked files no ignore rule matches. The user's global excludes
 * file is left out, so that two machines lint the same files. Paths come relative to cwd (no
 * --full-name), so the listing needs no second git process to learn cwd's folder in the repository.
 *
 * `blocking` waits for git without returning to the event loop (gitBlocking): for a caller with
 * nothing else in flight meanwhile, as a full run's discovery is.
 */
export async function listWorkTree(options: { cwd: string; blocking?: boolean }): Promise<WorkTreeListing> {
  const { cwd } = options;
  const run = options.blocking ? gitBlocking(cwd, LIST_WORK_TREE) : await git(cwd, LIST_WORK_TREE);
  // Named by its first argument, as gitOrThrow names every command.
  const listing = orThrow(run, LIST_WORK_TREE[0] ?? "", cwd);

  const tracked = new Map<string, "regular" | "unverified">();
  const unverified = new Set<string>();
  const deleted = new Set<string>();
  const nested: string[] = [];
  const blobs = new Map<string, string>();
  for (const entry of fields(listing.stdout)) {
    // "<tag> <mode> <sha> <stage>\t<path>" for index entries, "? <path>" for untracked ones.
    const tag = entry.charAt(0);
    if (tag === "?") {
      const file = entry.slice(2);
      if (file === "") continue;
      // git lists a folder holding another repository as "folder/", without entering it.
      if (file.endsWith("/")) nested.push(file.slice(0, -1));
      else unverified.add(file);
      continue;
    }
    const tab = entry.indexOf("\t");
    const [mode = "", sha = "", stage = ""] = entry.slice(2, tab).split(" ");
    const file = entry.slice(tab + 1);
    if (file === "") continue;
    if (stage === "0" && BLOB_MODES.has(mode)) blobs.set(file, sha);
    if (tag === "R") deleted.add(file);
    else if (tag === "C") unverified.add(file);
    else if (mode === SUBMODULE_MODE) nested.push(file);
    // A link (120000) is resolved on disk; an unmerged entry holds conflict markers in the work tree.
    else if (tracked.get(file) !== "unverified")
      tracked.set(file, BLOB_MODES.has(mode) && stage === "0" ? "regular" : "unverified");
  }
  const regular: string[] = [];
  for (const [file, state] of tracked) {
    if (deleted.has(file)) unverified.delete(file);
    else if (state === "unverified") unverified.add(file);
    else if (!unverified.has(file)) regular.push(file);
  }
  return { regular, unverified: [...unverified], nested: [...new Set(nested)], blobs };
}

// Questions in flight, so that the git calls a run starts side by side ask for the prefix once.
const prefixes = new Map<string, Promise<string>>();

/** The folder of cwd inside its repository ("" at the root, else ending in "/"). */
function repoPrefix(cwd: string): Promise<string> {
  let prefix = prefixes.get(cwd);
  if (prefix === undefined) {
    prefix = askRepoPrefix(cwd);
    prefixes.set(cwd, prefix);
    const settled = () => prefixes.delete(cwd);
    prefix.then(settled, settled);
  }
  return prefix;
}

async function askRepoPrefix(cwd: string): Promise<string> {
  await assertDirectory(cwd);
  const result = await git(cwd, ["rev-parse", "--show-prefix"]);
  if (result.code !== 0 && isNotARepository(result.stderr)) throw notARepository(cwd);
  // Other failures (a `safe.directory` refusal, a corrupt repository) are reported in git's words.
  if (result.code !== 0) throw new DiscoveryError(`git rev-parse failed in ${cwd}: ${firstLine(result.stderr)}.`);
  // Only the final newline is git's: a folder name may hold one too.
  return result.stdout.toString("utf8").replace(/\n$/, "");
}

/**
 * Is cwd inside a git work tree ("no-git" when git is not installed)? Asked once per run to choose
 * git's listing over the walk. A bare repository, or a folder inside `.git`, is not a work tree.
 */
export async function workTreeState(cwd: string): Promise<"work-tree" | "not-a-repository" | "no-git"> {
  return (await probeWorkTree(cwd)).state;
}

export interface WorkTreeProbe {
  state: "work-tree" | "not-a-repository" | "no-git";
  /** cwd's folder inside the work tree ("" at its root, else ending in "/"); null outside one. */
  prefix: string | null;
}

/**
 * workTreeState and, in a work tree, cwd's prefix, from one `git rev-parse`. A full run's discovery
 * asks it only when git's listing failed, to tell a folder outside git from a repository git cannot read.
 */
export async function probeWorkTree(cwd: string): Promise<WorkTreeProbe> {
  let result: GitResult;
  try {
    result = await git(cwd, ["rev-parse", "--is-inside-work-tree", "--show-prefix"]);
  } catch (error) {
    if (error instanceof DiscoveryError) return { state: "no-git", prefix: null };
    throw error;
  }
  if (result.code === 0) {
    // "true\n<prefix>\n" (the prefix line is empty at the root); only the final newline is git's,
    // since a folder name may hold one too.
    const output = result.stdout.toString("utf8");
    const firstBreak = output.indexOf("\n");
    if (output.slice(0, firstBreak) !== "true") return { state: "not-a-repository", prefix: null };
    return { state: "work-tree", prefix: output.slice(firstBreak + 1).replace(/\n$/, "") };
  }
  if (/not a git repository/i.test(result.stderr)) return { state: "not-a-repository", prefix: null };
  // A repository git refuses to read (`safe.directory`, corruption): the tracked files are
  // unknown, and guessing them from .gitignore could leave a committed secret out.
  throw new DiscoveryError(`git rev-parse failed in ${cwd}: ${firstLine(result.stderr)}.`);
}

async function mergeBase(cwd: string, commit: string, ref: string): Promise<string> {
  const head = await git(cwd, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
  if (head.code !== 0) {
    throw new DiscoveryError(
      `The repository has no commit yet, so there is no merge base with "${ref}"; commit first or lint without --changed-since.`,
    );
  }
  const result = await git(cwd, ["merge-base", commit, "HEAD"]);
  const base = lines(result.stdout)[0];
  if (result.code === 0 && base) return base;
  if (await isShallow(cwd)) {
    throw new DiscoveryError(
      `This shallow clone holds too little history to find where HEAD left "${ref}", so the change cannot be isolated; fetch more (fetch-depth: 0 in actions/checkout, or git fetch --unshallow) and retry.`,
    );
  }
  throw new DiscoveryError(
    `"${ref}" and HEAD have no common ancestor, so the change cannot be isolated; pass the branch this one was made from.`,
  );
}

async function isShallow(cwd: string): Promise<boolean> {
  const result = await git(cwd, ["rev-parse", "--is-shallow-repository"]);
  return result.code === 0 && result.stdout.toString("utf8").trim() === "true";
}

/** "origin/main" is fetched as "main" from origin; anything else as given. */
function fetchable(ref: string): string {
  return ref.startsWith("origin/") ? ref.slice("origin/".length) : ref;
}

function parseNameStatus(stdout: Buffer, prefix: string): Omit<ChangeSet, "base"> {
  const changes = { added: [] as string[], modified: [] as string[], deleted: [] as string[] };
  const tokens = fields(stdout);
  for (let index = 0; index + 1 < tokens.length; index += 2) {
    const file = underCwd(tokens[index + 1] ?? "", prefix);
    if (file !== null) bucket(changes, tokens[index] ?? "")?.push(file);
  }
  return changes;
}

// T (type change), U (unmerged) and X count as modified: the path exists before and after.
function bucket(changes: Omit<ChangeSet, "base">, status: string): string[] | null {
  const letter = status.charAt(0);
  if (letter === "A") return changes.added;
  if (letter === "D") return changes.deleted;
  if (letter === "M" || letter === "T" || letter === "U" || letter === "X") return changes.modified;
  return null;
}

/** Git prints repository-root paths; the engine speaks cwd-relative ones. */
function underCwd(fromRoot: string, prefix: string): string | null {
  if (fromRoot === "" || !fromRoot.startsWith(prefix)) return null;
  return fromRoot.slice(prefix.length);
}

function finish(changes: ChangeSet): ChangeSet {
  const sorted = (list: string[]) => [...new Set(list)].sort(compare);
  return {
    base: changes.base,
    added: sorted(changes.added),
    modified: sorted(changes.modified),
    deleted: sorted(changes.deleted),
  };
}

// One `git cat-file --batch` for all blobs: a process per file would cost most of a
// pre-commit hook's budget on a large commit.
function catBlobs(cwd: string, shas: string[]): Promise<Map<string, Buffer>> {
  if (shas.length === 0) return Promise.resolve(new Map());
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", (error) => reject(gitMissing(error)));
    child.on("close", (code) => {
      if (code !== 0) return reject(new DiscoveryError(`git cat-file failed: ${firstLine(stderr)}.`));
      resolve(parseBatch(Buffer.concat(chunks)));
    });
    child.stdin.end(`${shas.join("\n")}\n`);
  });
}

function parseBatch(output: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(10, offset);
    if (newline === -1) break;
    const [sha = "", type = "", size = ""] = output.subarray(offset, newline).toString("utf8").split(" ");
    offset = newline + 1;
    if (type === "missing" || size === "") continue;
    const length = Number(size);
    blobs.set(sha, output.subarray(offset, offset + length));
    offset += length + 1;
  }
  return blobs;
}

function git(cwd: string, args: string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile("git", args, { cwd, encoding: "buffer", maxBuffer: MAX_OUTPUT }, (error, stdout, stderr) => {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === "ENOENT" || code === "EACCES") return reject(gitMissing(error));
      if (error && typeof code !== "number") return reject(error);
      resolve({ code: typeof code === "number" ? code : 0, stdout, stderr: stderr.toString("utf8") });
    });
  });
}

/**
 * git() without the event loop: Node collects the output itself instead of through three pipe
 * streams, their events and a callback. A full run's one listing took ~6 ms less CPU
 * (linkwarden's 66 KB listing: ~9 -> ~3 ms in the calling process), and as much less wall, for a
 * caller that had nothing to do meanwhile anyway. Failures are git()'s.
 */
function gitBlocking(cwd: string, args: string[]): GitResult {
  const result = spawnSync("git", args, { cwd, maxBuffer: MAX_OUTPUT });
  const code = (result.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT" || code === "EACCES") throw gitMissing(result.error);
  if (result.error) throw result.error;
  if (result.status === null)
    throw new Error(`Command failed: git ${args.join(" ")} (${result.signal ?? "no exit code"})`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

async function gitOrThrow(cwd: string, args: string[]): Promise<GitResult> {
  return orThrow(await git(cwd, args), args[0] ?? "", cwd);
}

function orThrow(result: GitResult, command: string, cwd?: string): GitResult {
  if (result.code !== 0 && cwd !== undefined && isNotARepository(result.stderr)) throw notARepository(cwd);
  if (result.code !== 0) throw new DiscoveryError(`git ${command} failed: ${firstLine(result.stderr)}.`);
  return result;
}

/** Git would run in a folder that does not exist as ENOENT, which reads as "git is not installed". */
async function assertDirectory(cwd: string): Promise<void> {
  const info = await stat(cwd).catch(() => null);
  if (!info?.isDirectory())
    throw new DiscoveryError(`The directory ${cwd} does not exist, so git cannot be asked about it.`);
}

function isNotARepository(stderr: string): boolean {
  return /not a git repository/i.test(stderr);
}

function notARepository(cwd: string): DiscoveryError {
  return new DiscoveryError(
    `${cwd} is not inside a git repository, and --changed-since and --staged read git history; run deploylint in a git checkout or drop the option.`,
  );
}

function gitMissing(error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT")
    return new DiscoveryError(
      "Git was not found on PATH, and --changed-since and --staged need it; install git or drop the option.",
    );
  return error instanceof Error ? error : new Error(String(error));
}

function fields(stdout: Buffer): string[] {
  return stdout
    .toString("utf8")
    .split("\0")
    .filter((field) => field !== "");
}

function lines(stdout: Buffer): string[] {
  return stdout
    .toString("utf8")
    .split("\n")
    .filter((line) => line !== "");
}

function firstLine(text: string): string {
  return (text.trim().split("\n")[0] ?? "unknown error").replace(/\.$/, "");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
