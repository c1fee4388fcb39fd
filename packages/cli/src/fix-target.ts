// Where --fix may write. A fix's file comes from a rule (a plugin's, or a path built from
// repository content and settings), so it is untrusted: only a regular file inside the working
// directory, named without `..`, reached without a symlink, qualifies.
import { constants, lstatSync, type Stats } from "node:fs";
import { isAbsolute, join } from "node:path";

export type FixTarget =
  | { ok: true; path: string; exists: boolean; missingDirs: string[] }
  | { ok: false; reason: string };

/**
 * Checks a fix's file (relative to `cwd`, `/` separators) before anything is read or written.
 * Symlinks are refused wherever they appear below `cwd`, even ones that point inside it: writing
 * through a link edits a file the finding did not name, the link can be repointed between this
 * check and the write, and git commits the link itself, so the fix would not be what the user reviews.
 */
export function checkFixTarget(cwd: string, file: string): FixTarget {
  const malformed = malformedPath(file);
  if (malformed) return { ok: false, reason: malformed };
  const segments = file.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.length === 0) return { ok: false, reason: "the path names the working directory itself" };

  let path = cwd;
  for (const [index, segment] of segments.entries()) {
    path = join(path, segment);
    const last = index === segments.length - 1;
    const shown = printablePath(segments.slice(0, index + 1).join("/"));
    const info = lstatOrCode(path);
    if (typeof info === "string") return { ok: false, reason: `${shown} cannot be inspected (${info})` };
    if (info === null) {
      // Everything from here on is created: the parents that do not exist yet, outermost first.
      const missingDirs: string[] = [];
      for (let k = index; k < segments.length - 1; k++) missingDirs.push(join(cwd, ...segments.slice(0, k + 1)));
      return { ok: true, path: join(cwd, ...segments), exists: false, missingDirs };
    }
    if (info.isSymbolicLink())
      return { ok: false, reason: `${shown} is a symbolic link; --fix writes no file through a link` };
    if (!last && !info.isDirectory()) return { ok: false, reason: `${shown} is not a directory` };
    if (last) {
      if (!info.isFile()) return { ok: false, reason: `it is ${describeKind(info)}, not a regular file` };
      // A hard link shares its content with another name, which may lie outside the working directory.
      if (info.nlink > 1) return { ok: false, reason: "it is a hard link shared with another path" };
    }
  }
  return { ok: true, path, exists: true, missingDirs: [] };
}

/** Flags for opening a checked target: a link swapped in after the check makes the open fail, not follow. */
export const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** A path as it may be printed: quoted and escaped when it holds a line break or another control character. */
export function printablePath(path: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for.
  if (!/[\u0000-\u001f\u007f\u2028\u2029]/.test(path)) return path;
  // JSON escapes the C0 controls; the Unicode line and paragraph separators it leaves raw.
  return JSON.stringify(path)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function malformedPath(file: unknown): string | null {
  if (typeof file !== "string" || file === "") return "the rule gave no file";
  if (file.includes("\0")) return "the path holds a NUL byte";
  if (isAbsolute(file) || /^[A-Za-z]:/.test(file) || file.startsWith("\\"))
    return "the path is absolute; a fix names a file relative to the working directory";
  if (file.includes("\\")) return "the path holds a backslash; a fix names a file with / separators";
  if (file.split("/").includes("..")) return "the path has a `..` segment";
  // Inside the working directory but not the working tree: a fix there could plant a hook or rewrite config.
  if (file.split("/").some((segment) => segment.toLowerCase() === ".git"))
    return "the path is inside .git; --fix edits the working tree only";
  return null;
}

/** The entry's own stats, null when it does not exist, or the error code that stopped lstat (EACCES, ELOOP, …). */
function lstatOrCode(path: string): Stats | null | string {
  try {
    return lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (typeof code === "string") return code;
    throw error;
  }
}

function describeKind(info: Stats): string {
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a named pipe";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  return "not a regular file";
}
