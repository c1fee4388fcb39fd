// Directory traversal with fast-glob, for folders outside git (inside a work tree, git's own
// listing names the files). Links are never walked into: fast-glob with followSymbolicLinks
// recurses through a link loop until the OS gives up, and a link may lead out of the root.
import { stat } from "node:fs/promises";
import path from "node:path";
import type FastGlob from "fast-glob";
import { resolveInside } from "./inside.js";

export type SkipReason = "symlink-loop" | "broken-symlink" | "symlink-outside" | "not-a-regular-file" | "ignored";

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
  /** fast-glob ignore globs relative to cwd; they prune whole folders. */
  ignore: string[];
}

/**
 * fast-glob, loaded on the first walk: a run over git's index (--staged) never walks, and the
 * library is a tenth of the CLI's start-up code.
 */
export async function loadFastGlob(): Promise<typeof FastGlob> {
  return (await import("fast-glob")).default;
}

export async function walk(options: WalkOptions): Promise<WalkResult> {
  const fg = await loadFastGlob();
  const pattern = options.base === "." ? "**" : `${fg.escapePath(options.base)}/**`;
  const entries = await fg.glob(pattern, {
    cwd: options.cwd,
    dot: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    objectMode: true,
    ignore: options.ignore,
    // An unreadable folder is left out rather than failing the whole run.
    suppressErrors: true,
  });
  const result: WalkResult = { files: [], skipped: [] };
  const links: string[] = [];
  for (const entry of entries) {
    if (entry.dirent.isFile()) result.files.push(entry.path);
    else if (entry.dirent.isSymbolicLink()) links.push(entry.path);
    else if (!entry.dirent.isDirectory()) result.skipped.push({ file: entry.path, reason: "not-a-regular-file" });
  }
  for (const link of links) {
    const followed = await followLink({ cwd: options.cwd, realRoot: options.realRoot, link });
    if (followed.file !== null) result.files.push(followed.file);
    if (followed.skipped) result.skipped.push(followed.skipped);
  }
  return result;
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
