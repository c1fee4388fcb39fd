// The ignore policy of a full run applied to a given list of paths (the changed or staged files),
// so that `--changed-since` and `--staged` never lint a file a full run would leave out.
import path from "node:path";
import { loadGitignore } from "./gitignore.js";
import { createConfigIgnore, DEFAULT_IGNORED_DIRS, type DiscoveredFile } from "./glob.js";

export interface FilterPathsOptions {
  cwd: string;
  /** Relative to cwd, `/` separators (as ChangeSet lists them). */
  paths: string[];
  ignores?: string[];
  gitignore?: boolean;
  /**
   * The paths the .gitignore rules match, when already known (git's own answer for the files of
   * its index): no .gitignore file is read then.
   */
  gitignored?: ReadonlySet<string>;
}

/** Keeps the paths a full run would lint; does not touch the files (staged ones may be gone from disk). */
export async function filterPaths(options: FilterPathsOptions): Promise<DiscoveredFile[]> {
  const cwd = path.resolve(options.cwd);
  const configIgnored = createConfigIgnore(options.ignores ?? []);
  const defaults = new Set(DEFAULT_IGNORED_DIRS);
  const kept = [...new Set(options.paths)].filter(
    (file) =>
      !configIgnored(file) &&
      !file
        .split("/")
        .slice(0, -1)
        .some((dir) => defaults.has(dir)),
  );
  if (options.gitignore !== false && options.gitignored) {
    const known = options.gitignored;
    return toFiles(
      cwd,
      kept.filter((file) => !known.has(file)),
    );
  }
  if (options.gitignore !== false) {
    const dirs = new Set(kept.map((file) => path.posix.dirname(file)));
    const gitignored = await loadGitignore({ cwd, dirs: withAncestors(dirs) });
    return toFiles(
      cwd,
      kept.filter((file) => !gitignored.ignores(file)),
    );
  }
  return toFiles(cwd, kept);
}

function withAncestors(dirs: Set<string>): Set<string> {
  const all = new Set<string>();
  for (const dir of dirs) {
    const parts = dir === "." ? [] : dir.split("/");
    for (let index = 0; index <= parts.length; index++) all.add(parts.slice(0, index).join("/") || ".");
  }
  return all;
}

function toFiles(cwd: string, files: string[]): DiscoveredFile[] {
  // The paths are already normalised and relative: a concatenation, not path.join (which
  // re-normalises every one of tens of thousands of paths).
  const base = cwd.endsWith(path.sep) ? cwd : `${cwd}${path.sep}`;
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((file) => ({ path: file, absolutePath: base + file }));
}
