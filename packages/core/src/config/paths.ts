// Configuration that names a path must name one that exists inside the working directory: a
// missing folder would otherwise make every rule that reads it pass on nothing. Errors suggest the
// nearest existing path, the way a shell's "did you mean" does.
import { type Dirent, readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { ConfigError, editDistance } from "./errors.js";

/** Throws a one-line ConfigError unless `dir` is an existing directory. */
export function requireDirectory(options: { dir: string; label: string; base: string }): void {
  const kind = pathKind(options.dir);
  if (kind === "directory") return;
  const shown = relative(options.base, options.dir) || options.dir;
  if (kind === "file") throw new ConfigError(`${options.label} ${shown}: is a file, not a directory.`);
  // No search for the same name elsewhere: -C names the working directory itself, so the folders
  // around it are not the repository's and a match there would be a guess from someone else's files.
  const hint = nearestExisting(options.base, options.dir, { directoriesOnly: true, searchElsewhere: false });
  throw new ConfigError(`${options.label} ${shown}: no such directory${hint}.`);
}

/**
 * Why a configured path (relative to `cwd`, `/`-separated, possibly a glob) points at nothing,
 * or null when it names something that exists inside `cwd`. A glob is judged by the folder before
 * its first wildcard, so `db/migrations/*.sql` needs db/migrations.
 */
export function missingPathProblem(cwd: string, configured: string): string | null {
  const normalised = configured.trim().replaceAll("\\", "/");
  if (isAbsolute(normalised) || /^[A-Za-z]:\//.test(normalised))
    return `"${configured}" is absolute; give a path relative to the working directory.`;
  const literal = staticPrefix(normalised);
  const target = resolve(cwd, literal);
  const inside = relative(cwd, target);
  if (inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside))
    return `"${configured}" is outside the working directory.`;
  if (pathKind(target) !== "missing") return null;
  return `"${configured}" does not exist${nearestExisting(cwd, target, { directoriesOnly: false, searchElsewhere: true })}.`;
}

// The leading segments without wildcards: "db/**/up.sql" -> "db", "db/migrations" -> itself.
function staticPrefix(path: string): string {
  const segments = path.split("/");
  const firstGlob = segments.findIndex((segment) => /[*?[\]{}]/.test(segment));
  return (firstGlob === -1 ? segments : segments.slice(0, firstGlob)).join("/") || ".";
}

function pathKind(path: string): "directory" | "file" | "missing" {
  try {
    return statSync(path).isDirectory() ? "directory" : "file";
  } catch {
    // ENOENT, ENOTDIR, EACCES: in every case there is nothing usable there.
    return "missing";
  }
}

/**
 * ` (did you mean db/migrations?)` when a sibling of the first missing segment is a likely typo,
 * else ` (the nearest existing path is db)`, or "" when nothing of it exists below `base`.
 */
function nearestExisting(
  base: string,
  target: string,
  options: { directoriesOnly: boolean; searchElsewhere: boolean },
): string {
  const fromBase = relative(base, target);
  const outside = fromBase.startsWith("..") || isAbsolute(fromBase);
  const root = outside ? "" : base;
  const segments = (outside ? target : fromBase).split(/[\\/]+/).filter((s) => s !== "" && s !== ".");
  let existing = outside ? (isAbsolute(target) ? sep : "") : base;
  let depth = 0;
  for (; depth < segments.length; depth++) {
    const next = join(existing, segments[depth] ?? "");
    if (pathKind(next) === "missing") break;
    existing = next;
  }
  const missing = segments[depth] ?? "";
  const sibling = closestEntry(existing, missing, options.directoriesOnly && depth === segments.length - 1);
  const show = (path: string) => (root ? relative(root, path).split(sep).join("/") : path) || ".";
  if (sibling !== null) {
    const guess = join(existing, sibling, ...segments.slice(depth + 1));
    if (pathKind(guess) !== "missing") return ` (did you mean ${show(guess)}?)`;
    return ` (did you mean ${show(join(existing, sibling))}/…?)`;
  }
  // Nothing close beside it: the same name elsewhere (database/migrations -> db/migrations).
  const elsewhere =
    root && options.searchElsewhere ? findByName(root, segments.at(-1) ?? "", options.directoriesOnly) : null;
  if (elsewhere !== null) return ` (did you mean ${show(elsewhere)}?)`;
  return existing === root ? "" : ` (the nearest existing path is ${show(existing)})`;
}

const SEARCH_DEPTH = 4;
const SEARCH_LIMIT = 2000;

/** The shallowest path below `root` named `name` (bounded: a suggestion is not worth a slow start). */
function findByName(root: string, name: string, directoriesOnly: boolean): string | null {
  if (name === "") return null;
  let level = [root];
  let visited = 0;
  for (let depth = 0; depth < SEARCH_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        // An unreadable folder is skipped: this only looks for a suggestion.
        continue;
      }
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.name.toLowerCase() === name.toLowerCase() && (!directoriesOnly || entry.isDirectory())) return path;
        if (entry.isDirectory() && !SKIPPED.has(entry.name)) next.push(path);
      }
      if (++visited >= SEARCH_LIMIT) return null;
    }
    level = next;
  }
  return null;
}

const SKIPPED = new Set(["node_modules", ".git"]);

function closestEntry(dir: string, wanted: string, directoriesOnly: boolean): string | null {
  let entries: string[];
  try {
    entries = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => !directoriesOnly || entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    // An unreadable folder offers no suggestion; the error itself still stands.
    return null;
  }
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const entry of entries) {
    const distance = editDistance(wanted.toLowerCase(), entry.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [entry, distance];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) && bestDistance < wanted.length
    ? best
    : null;
}
