// Decides whether a path is a migration file: the configured paths (globs or folders), else the
// conventional migration folders of every supported framework.

// migrations/ (golang-migrate, goose, dbmate, diesel, Prisma, Atlas, Supabase, …), db/migrate/ (Rails
// style), db/migration/ (Flyway), changelog(s)/ (Liquibase), drizzle/, and sqitch's deploy/ and revert/.
export const DEFAULT_FOLDERS: ReadonlySet<string> = new Set([
  "migrations",
  "migrate",
  "migration",
  "changelog",
  "changelogs",
  "drizzle",
  "deploy",
  "revert",
  "verify",
]);

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}

/** A glob (`**`, `*`, `?`) as a RegExp over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] ?? "";
    if (ch === "*" && glob[i + 1] === "*") {
      const slash = glob[i + 2] === "/";
      source += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (ch === "*") source += "[^/]*";
    else if (ch === "?") source += "[^/]";
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`);
}

function normalise(path: string): string {
  // Asked of every file of a run (by several readers): most paths need none of the rewrites.
  let file = path.includes("\\") ? path.replace(/\\/g, "/") : path;
  if (file.startsWith("./")) file = file.slice(2);
  return file.endsWith("/") ? file.replace(/\/+$/, "") : file;
}

/** One of DEFAULT_FOLDERS as a folder of a lower-cased path: one scan, not a split per path. */
const DEFAULT_FOLDER_IN_PATH = new RegExp(`(?:^|/)(?:${[...DEFAULT_FOLDERS].join("|")})/`);

const GLOBS = new Map<string, RegExp>();

/** A configured glob's RegExp, built once (it is asked of every file of a run). */
function globOf(pattern: string): RegExp {
  let found = GLOBS.get(pattern);
  if (found === undefined) {
    found = globToRegExp(pattern);
    GLOBS.set(pattern, found);
  }
  return found;
}

/** Does `path` match a configured entry: a glob, or a folder holding the file at any depth? */
function matchesEntry(path: string, entry: string): boolean {
  const pattern = normalise(entry);
  // "." (or "./") names the working directory itself: every file is under it.
  if (pattern === "." || pattern === "") return true;
  if (/[*?]/.test(pattern)) return globOf(pattern).test(path);
  return path === pattern || path.startsWith(`${pattern}/`);
}

export function isMigrationPath(path: string, configured: readonly string[] | undefined): boolean {
  const file = normalise(path);
  if (configured !== undefined && configured.length > 0) return configured.some((entry) => matchesEntry(file, entry));
  return DEFAULT_FOLDER_IN_PATH.test(file.toLowerCase());
}
