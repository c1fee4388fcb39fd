// Directory traversal for folders outside git (inside a work tree, git's own listing names the
// files). Links are never walked into: a link may loop back to an ancestor or lead out of the root.
import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { resolveInside } from "./inside.js";

export type SkipReason =
  | "symlink-loop"
  | "broken-symlink"
  | "symlink-outside"
  | "not-a-regular-file"
  | "unreadable"
  | "ignored";

export interface Skipped {
  file: string;
  reason: SkipReason;
}

export interface WalkResult {
  /** Regular files under the base (a linked file by its target's path), relative to cwd, `/` separators. */
  files: string[];
  skipped: Skipped[];
}

export interface WalkOptions {
  cwd: string;
  /** The real path of cwd, links resolved: what "inside" is measured against. */
  realRoot: string;
  /** Folder to walk, relative to cwd ("." for cwd itself). */
  base: string;
  /** Folders (relative to cwd) not to enter: default and config ignores. */
  prune: (dir: string) => boolean;
}

/** Folders read at once: enough to hide the latency of each readdir, few enough for descriptors. */
const CONCURRENCY = 32;

/**
 * Every regular file below `base`. Names are taken as the file system gives them: a glob library's
 * matcher would drop a name holding a line break (its `.` stops at one), and such a file can
 * hold a secret as well as any other.
 */
export async function walk(options: WalkOptions): Promise<WalkResult> {
  const result: WalkResult = { files: [], skipped: [] };
  const links: string[] = [];
  const queue = [options.base];
  const visit = async (dir: string) => {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(options.cwd, dir), { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Gone while walking: nothing to lint there. A folder that cannot be read is not checked.
      if (code === "ENOENT" || code === "ENOTDIR") return;
      if (code === "EACCES" || code === "EPERM") return skip(result, dir, "unreadable");
      throw error;
    }
    for (const entry of entries) {
      const file = dir === "." ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!options.prune(file)) queue.push(file);
      } else if (entry.isFile()) result.files.push(file);
      else if (entry.isSymbolicLink()) links.push(file);
      else skip(result, file, "not-a-regular-file");
    }
  };
  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      if (queue.length === 0 && active === 0) return resolve();
      while (queue.length > 0 && active < CONCURRENCY) {
        const dir = queue.pop() as string;
        active++;
        visit(dir).then(() => {
          active--;
          pump();
        }, reject);
      }
    };
    pump();
  });
  for (const link of links) {
    const followed = await followLink({ cwd: options.cwd, realRoot: options.realRoot, link });
    if (followed.file !== null) result.files.push(followed.file);
    if (followed.skipped) result.skipped.push(followed.skipped);
  }
  return result;
}

function skip(result: WalkResult, file: string, reason: SkipReason): void {
  result.skipped.push({ file, reason });
}

/**
 * What a link contributes. A link to a file inside the root is linted once, under its target's
 * path: that is the file a finding is about and a fix edits, and a target that is also listed on
 * its own is not linted twice. A link to a folder adds nothing (its target is discovered under
 * its own name when in scope; walking into it could loop). A link out of the root is never read.
 */
export async function followLink(options: {
  cwd: string;
  realRoot: string;
  link: string;
}): Promise<{ file: string | null; skipped?: Skipped }> {
  const target = await resolveInside(options.realRoot, path.resolve(options.cwd, options.link));
  if (!target.ok) return { file: null, skipped: { file: options.link, reason: target.reason } };
  const info = await stat(target.absolute).catch(() => null);
  if (info === null) return { file: null, skipped: { file: options.link, reason: "broken-symlink" } };
  if (info.isFile()) return { file: target.path };
  if (info.isDirectory()) return { file: null };
  return { file: null, skipped: { file: options.link, reason: "not-a-regular-file" } };
}
