// The files of a git work tree, as a full run sees them: git's one listing, checked on disk only
// where git cannot vouch for an entry (untracked, changed since the index, a link, a conflict).
import type { Stats } from "node:fs";
import { lstat, stat } from "node:fs/promises";
import path from "node:path";
import { listWorkTree } from "./git.js";
import { realRootOf } from "./inside.js";
import { followLink, type Skipped } from "./walk.js";

export interface ScopeListing {
  /** Relative to cwd, `/` separators; a linked file by its target's path. Not yet filtered by ignores. */
  files: string[];
  skipped: Skipped[];
  /** The index's blob id of each tracked regular file of cwd's own repository (not of nested ones). */
  blobs: Map<string, string>;
}

/** How many entries are looked at on disk at once (an unbounded Promise.all runs out of descriptors). */
const CONCURRENCY = 64;

export async function listGitScope(options: {
  cwd: string;
  realRoot?: string;
  /** Folders (relative to cwd) whose nested repositories are not listed: ignored ones. */
  prune?: (dir: string) => boolean;
  /** git is waited for without the event loop (listWorkTree): the caller has nothing else in flight. */
  blocking?: boolean;
}): Promise<ScopeListing> {
  const result: ScopeListing = { files: [], skipped: [], blobs: new Map() };
  const realRoot = options.realRoot ?? (await realRootOf(options.cwd));
  const prune = options.prune ?? (() => false);
  const blocking = options.blocking ?? false;
  await listRepository({ cwd: options.cwd, realRoot, prune, blocking, folder: "", result });
  return result;
}

async function listRepository(options: {
  cwd: string;
  realRoot: string;
  prune: (dir: string) => boolean;
  blocking: boolean;
  /** The repository's folder relative to cwd ("" for the one cwd is in). */
  folder: string;
  result: ScopeListing;
}): Promise<void> {
  const { cwd, folder, result } = options;
  const prefix = folder === "" ? "" : `${folder}/`;
  const listing = await listWorkTree({ cwd: folder === "" ? cwd : path.join(cwd, folder), blocking: options.blocking });
  if (folder === "") result.blobs = listing.blobs;
  for (const file of listing.regular) result.files.push(prefix + file);
  const unverified = listing.unverified.map((file) => prefix + file);
  let next = 0;
  const worker = async () => {
    while (next < unverified.length) {
      await verify({ ...options, file: unverified[next++] as string });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, unverified.length) }, worker));
  // A submodule or nested clone is linted as the walk always did, with its own ignore rules;
  // one that is not checked out (no .git inside) has nothing to list. One in an ignored folder
  // (a git dependency under node_modules) would cost a git process for files never linted.
  for (const nested of listing.nested) {
    const inner = prefix + nested;
    if (options.prune(inner)) continue;
    const checkedOut = await stat(path.join(cwd, inner, ".git")).catch(() => null);
    if (checkedOut) await listRepository({ ...options, folder: inner });
  }
}

async function verify(options: { cwd: string; realRoot: string; file: string; result: ScopeListing }): Promise<void> {
  const { cwd, file, result } = options;
  let info: Stats;
  try {
    info = await lstat(path.join(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Gone since git listed it: nothing to lint under this name. Any other failure (EACCES) is
    // left to the reader, which reports the file as not checked.
    if (code !== "ENOENT" && code !== "ENOTDIR") result.files.push(file);
    return;
  }
  // A folder where git indexed a file: its own files are listed as untracked ones.
  if (info.isDirectory()) return;
  if (info.isFile()) {
    result.files.push(file);
    return;
  }
  if (info.isSymbolicLink()) {
    const followed = await followLink({ cwd, realRoot: options.realRoot, link: file });
    if (followed.file !== null) result.files.push(followed.file);
    if (followed.skipped) result.skipped.push(followed.skipped);
    return;
  }
  result.skipped.push({ file, reason: "not-a-regular-file" });
}
