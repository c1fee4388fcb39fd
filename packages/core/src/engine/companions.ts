// Companion files: a file rule may read another file of the repository that decides how its own
// file is judged (diesel's metadata.toml beside up.sql, Prisma's migration_lock.toml, Atlas's
// atlas.sum). The engine records the content key of every companion a result read, so a cached
// result is served only while those files are unchanged: the per-file cache stays correct
// although the result no longer depends on the file's content alone.
import { realpathSync } from "node:fs";
import { join, posix } from "node:path";
import { normaliseInside, readSourceSync, resolveInsideSync } from "../discovery/index.js";
import { contentKey } from "./fingerprint.js";

/** Reads a companion by its repository path (`/`-separated, relative to the working directory). */
export type CompanionReader = (repoPath: string) => string | null;

/** Companion files are small configuration files; anything bigger is not one. */
const COMPANION_MAX_BYTES = 256 * 1024;

/**
 * A memoised reader of companions: preloaded texts first (staged content, virtual test files),
 * then the working tree under `root` (none when root is null). A companion that is a link out of
 * the root is absent: discovery's rule for what is inside holds for companions too.
 */
export function createCompanionReader(options: {
  root: string | null;
  preloaded?: ReadonlyMap<string, string>;
}): CompanionReader {
  const seen = new Map<string, string | null>();
  let realRoot: string | null = null;
  return (repoPath) => {
    if (seen.has(repoPath)) return seen.get(repoPath) ?? null;
    let text = options.preloaded?.get(repoPath) ?? null;
    if (text === null && options.root !== null) {
      // Native, as resolveInsideSync's realpath is: both sides of the comparison resolved alike.
      realRoot ??= realpathSync.native(options.root);
      const target = resolveInsideSync(realRoot, join(options.root, repoPath));
      const read = target.ok
        ? readSourceSync({ absolutePath: target.absolute }, { maxBytes: COMPANION_MAX_BYTES })
        : null;
      text = read?.ok ? read.text : null;
    }
    seen.set(repoPath, text);
    return text;
  };
}

/**
 * The repository path a rule's companion path names: relative to the file's folder, or to the
 * working directory when it starts with `/`. Null when it leaves the working directory.
 */
export function companionPath(filePath: string, requested: string): string | null {
  const cleaned = requested.replace(/\\/g, "/");
  return normaliseInside(cleaned.startsWith("/") ? cleaned.slice(1) : posix.join(posix.dirname(filePath), cleaned));
}

/** What a result read: repository path → content key, or null for a companion that was absent. */
export type CompanionKeys = Record<string, string | null>;

export function keyOf(text: string | null): string | null {
  return text === null ? null : contentKey(text);
}

/** Are the companions a cached result read still as they were? */
export function companionsUnchanged(keys: CompanionKeys | undefined, read: CompanionReader): boolean {
  if (keys === undefined) return true;
  return Object.entries(keys).every(([path, key]) => keyOf(read(path)) === key);
}
