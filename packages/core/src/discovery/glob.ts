// Turns CLI patterns (files, folders, globs) into the sorted list of files to lint, applying the
// default ignores, .gitignore and config ignores.
import { stat } from "node:fs/promises";
import path from "node:path";
import picomatch from "picomatch";
import { loadGitignore } from "./gitignore.js";
import { loadFastGlob, type Skipped, walk } from "./walk.js";

/**
 * Folders never walked into, at any depth below a pattern's base: dependencies, VCS data and
 * build/cache output. `build/` and `vendor/` are deliberately absent: `build/` often holds
 * Dockerfiles and deploy scripts (golang-standards layout) and a deploy gate must not miss a
 * secret there; a vendored folder is for the project to ignore in config or .gitignore.
 */
export const DEFAULT_IGNORED_DIRS: readonly string[] = [
  "node_modules",
  ".git",
  ".hg",
  ".svn",
  "dist",
  "out",
  "coverage",
  ".next",
  ".nuxt",
  ".turbo",
  ".cache",
];

export interface DiscoveredFile {
  /** Relative to cwd, `/` separators. */
  path: string;
  absolutePath: string;
}

export interface DiscoverOptions {
  cwd: string;
  /** Paths or globs from the CLI, relative to cwd. Default ["."]. */
  patterns?: string[];
  /** Config ignores: picomatch globs relative to cwd. A pattern naming a folder ignores all of it. */
  ignores?: string[];
  /** Apply .gitignore files and .git/info/exclude. Default true. */
  gitignore?: boolean;
}

export interface DiscoverResult {
  files: DiscoveredFile[];
  /** Files left out for a reason worth showing with --debug (links, config-ignored explicit files). */
  skipped: Skipped[];
  /** Patterns that matched no file to lint (after ignores), in the order given. */
  unmatched: string[];
}

interface PatternPlan {
  pattern: string;
  /** A file named on the command line: linted even if default-ignored or git-ignored. */
  explicit: string | null;
  walkBase: string | null;
  match: ((file: string) => boolean) | null;
}

/**
 * Ignore policy: config ignores always apply. A file named explicitly is linted even when a
 * default ignore or .gitignore covers it (checking a git-ignored `.env.production` on purpose is a
 * real use). Folders and globs get .gitignore in full, and default ignores below their base only,
 * so `deploylint dist` lints dist.
 */
export async function discover(options: DiscoverOptions): Promise<DiscoverResult> {
  const cwd = path.resolve(options.cwd);
  const patterns = options.patterns && options.patterns.length > 0 ? options.patterns : ["."];
  const configIgnored = createConfigIgnore(options.ignores ?? []);
  const skipped: Skipped[] = [];
  const plans = await Promise.all(patterns.map((pattern) => planPattern(cwd, pattern)));

  const candidates = new Map<PatternPlan, string[]>();
  const gitignoreDirs = new Set<string>();
  for (const plan of plans) {
    if (plan.explicit !== null) {
      candidates.set(plan, [plan.explicit]);
      continue;
    }
    if (plan.walkBase === null) {
      candidates.set(plan, []);
      continue;
    }
    const { escapePath } = await loadFastGlob();
    const ignore = pruneGlobs(plan.walkBase, options.ignores ?? [], escapePath);
    const walked = await walk({ cwd, base: plan.walkBase, ignore });
    const { match } = plan;
    skipped.push(...walked.skipped.filter((entry) => !configIgnored(entry.file) && (!match || match(entry.file))));
    for (const file of walked.files)
      if (path.posix.basename(file) === ".gitignore") gitignoreDirs.add(path.posix.dirname(file));
    candidates.set(plan, match ? walked.files.filter(match) : walked.files);
  }
  const gitignored = options.gitignore === false ? null : await loadGitignore({ cwd, dirs: gitignoreDirs });

  const selected = new Set<string>();
  const unmatched: string[] = [];
  for (const plan of plans) {
    let matched = 0;
    for (const file of candidates.get(plan) ?? []) {
      if (configIgnored(file)) {
        if (plan.explicit !== null) skipped.push({ file, reason: "ignored" });
        continue;
      }
      if (plan.explicit === null && gitignored?.ignores(file)) continue;
      selected.add(file);
      matched++;
    }
    const explicitlySkipped = plan.explicit !== null && matched === 0 && configIgnored(plan.explicit);
    if (matched === 0 && !explicitlySkipped && !unmatched.includes(plan.pattern)) unmatched.push(plan.pattern);
  }
  return {
    files: [...selected].sort(compare).map((file) => ({ path: file, absolutePath: path.join(cwd, file) })),
    skipped: dedupeSkipped(skipped),
    unmatched,
  };
}

async function planPattern(cwd: string, pattern: string): Promise<PatternPlan> {
  const normalised = normalisePattern(cwd, pattern);
  const plan: PatternPlan = { pattern, explicit: null, walkBase: null, match: null };
  // A literal path wins over glob syntax: `app/[id]/page.tsx` is a file, not a character class.
  const info = await stat(path.resolve(cwd, normalised)).catch(() => null);
  if (info?.isFile()) return { ...plan, explicit: normalised };
  if (info?.isDirectory()) return { ...plan, walkBase: normalised };
  const scan = picomatch.scan(normalised);
  if (!scan.isGlob) return plan;
  const match = picomatch(normalised, { dot: true });
  return { ...plan, walkBase: scan.base === "" ? "." : scan.base, match: (file) => match(file) };
}

function normalisePattern(cwd: string, pattern: string): string {
  const relative = path.isAbsolute(pattern) ? path.relative(cwd, pattern) : pattern;
  const posix = relative.split(path.sep).join("/");
  const trimmed = posix.replace(/^(\.\/)+/, "").replace(/\/+$/, "");
  return trimmed === "" ? "." : trimmed;
}

// fast-glob prunes folders matching these; the same config ignores are re-checked per file, so
// pruning is only an optimisation.
function pruneGlobs(base: string, ignores: string[], escapePath: (path: string) => string): string[] {
  const prefix = base === "." ? "" : `${escapePath(base)}/`;
  const defaults = DEFAULT_IGNORED_DIRS.map((dir) => `${prefix}**/${dir}/**`);
  const config = ignores.map(normaliseIgnore).flatMap((glob) => [glob, `${glob}/**`]);
  return [...defaults, ...config];
}

/** A config ignore matches a file when it matches the file or one of its folders. */
export function createConfigIgnore(ignores: string[]): (file: string) => boolean {
  if (ignores.length === 0) return () => false;
  const isMatch = picomatch(ignores.map(normaliseIgnore), { dot: true });
  return (file) => {
    if (isMatch(file)) return true;
    for (let slash = file.indexOf("/"); slash !== -1; slash = file.indexOf("/", slash + 1)) {
      if (isMatch(file.slice(0, slash))) return true;
    }
    return false;
  };
}

function normaliseIgnore(glob: string): string {
  return glob.replace(/^(\.\/)+/, "").replace(/\/+$/, "");
}

function dedupeSkipped(entries: Skipped[]): Skipped[] {
  const seen = new Map<string, Skipped>();
  for (const entry of entries) seen.set(`${entry.file}\0${entry.reason}`, entry);
  return [...seen.values()].sort((a, b) => compare(a.file, b.file) || compare(a.reason, b.reason));
}

// Code-unit order, not localeCompare: the same order on every machine and locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
