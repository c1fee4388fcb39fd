// Directory traversal with fast-glob. fast-glob itself never follows links here: with
// followSymbolicLinks it recurses through a link loop until the OS gives up (exponentially with
// two loops), so linked folders are walked one by one with a realpath check for cycles.
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import type FastGlob from "fast-glob";

export type SkipReason = "symlink-loop" | "broken-symlink" | "not-a-regular-file" | "ignored";

export interface Skipped {
  file: string;
  reason: SkipReason;
}

export interface WalkResult {
  /** Regular files (or links to them) under the base, relative to cwd, `/` separators. */
  files: string[];
  skipped: Skipped[];
}

export interface WalkOptions {
  cwd: string;
  /** Folder to walk, relative to cwd ("." for cwd itself). */
  base: string;
  /** fast-glob ignore globs relative to cwd; they prune whole folders. */
  ignore: string[];
}

export async function walk(options: WalkOptions): Promise<WalkResult> {
  const result: WalkResult = { files: [], skipped: [] };
  await walkFrom({ ...options, chain: [], result });
  return result;
}

interface WalkState extends WalkOptions {
  /** Real paths of the folders holding each link followed to get here: re-entering one is a loop. */
  chain: string[];
  result: WalkResult;
}

/**
 * fast-glob, loaded on the first walk: a run over git's index (--staged) never walks, and the
 * library is a tenth of the CLI's start-up code.
 */
export async function loadFastGlob(): Promise<typeof FastGlob> {
  return (await import("fast-glob")).default;
}

async function walkFrom(state: WalkState): Promise<void> {
  const fg = await loadFastGlob();
  const pattern = state.base === "." ? "**" : `${fg.escapePath(state.base)}/**`;
  const entries = await fg.glob(pattern, {
    cwd: state.cwd,
    dot: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    objectMode: true,
    ignore: state.ignore,
    // An unreadable folder is left out rather than failing the whole run.
    suppressErrors: true,
  });
  const links: string[] = [];
  for (const entry of entries) {
    if (entry.dirent.isFile()) state.result.files.push(entry.path);
    else if (entry.dirent.isSymbolicLink()) links.push(entry.path);
    else if (!entry.dirent.isDirectory()) state.result.skipped.push({ file: entry.path, reason: "not-a-regular-file" });
  }
  for (const link of links) await followLink(state, link);
}

async function followLink(state: WalkState, link: string): Promise<void> {
  const absolute = path.resolve(state.cwd, link);
  let target: string;
  try {
    target = await realpath(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ELOOP: a link that resolves through itself (a -> b -> a) never reaches a target.
    if (code === "ELOOP") return skip(state, link, "symlink-loop");
    if (code === "ENOENT" || code === "ENOTDIR") return skip(state, link, "broken-symlink");
    throw error;
  }
  const info = await stat(target).catch(() => null);
  if (info === null) return skip(state, link, "broken-symlink");
  if (info.isFile()) {
    state.result.files.push(link);
    return;
  }
  if (!info.isDirectory()) return skip(state, link, "not-a-regular-file");
  const holder = await realpath(path.dirname(absolute));
  const chain = [...state.chain, holder];
  if (chain.some((folder) => isInside(folder, target))) return skip(state, link, "symlink-loop");
  await walkFrom({ ...state, base: link, chain });
}

function skip(state: WalkState, file: string, reason: SkipReason): void {
  state.result.skipped.push({ file, reason });
}

/** True when `folder` is `ancestor` or lies below it. */
function isInside(folder: string, ancestor: string): boolean {
  if (folder === ancestor) return true;
  const prefix = ancestor.endsWith(path.sep) ? ancestor : ancestor + path.sep;
  return folder.startsWith(prefix);
}
