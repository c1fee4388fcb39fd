// What a run sees: the files in scope (git's listing in a work tree, a walk outside git) and the
// ones CLI patterns (files, folders, globs) select from them, after default and config ignores.
import { stat } from "node:fs/promises";
import path from "node:path";
import picomatch from "picomatch";
import { DiscoveryError } from "./errors.js";
import { probeWorkTree } from "./git.js";
import { findRepo, loadGitignore } from "./gitignore.js";
import { normaliseInside, realRootOf, resolveInside } from "./inside.js";
import { listGitScope } from "./scope.js";
import { type Skipped, walk } from "./walk.js";

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

/**
 * Globs match dot files, and `*` matches a line break in a name too (flag `s`): without it a file
 * named with one is silently left out of every glob and every ignore.
 */
const GLOB_OPTIONS = { dot: true, flags: "s" } as const;

export interface DiscoveredFile {
  /** Relative to cwd, `/` separators. */
  path: string;
  absolutePath: string;
}

export interface DiscoverOptions {
  cwd: string;
  /** Paths or globs from the CLI, relative to cwd. None: the whole working directory. */
  patterns?: string[];
  /** Config ignores: picomatch globs relative to cwd. A pattern naming a folder ignores all of it. */
  ignores?: string[];
  /** Apply ignore rules (git's, or the .gitignore files outside git). Default true. */
  gitignore?: boolean;
  /**
   * The files in scope when the caller already knows them (git's index under --staged): neither
   * git's work-tree listing nor the walk runs. Relative to cwd, `/` separators.
   */
  scope?: readonly string[];
  /** Where a .gitignore line that cannot be used is reported; the run goes on without it. */
  warn?: (message: string) => void;
}

export interface DiscoverResult {
  /**
   * Every file in scope after ignores, plus the files the patterns name: project rules see the
   * facts of all of them, so one named migration is still paired with its down file.
   */
  files: DiscoveredFile[];
  /** The files the patterns select, the ones file rules run on; null without patterns (all files). */
  selected: ReadonlySet<string> | null;
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
 * Scope: in a git work tree, git's listing (every tracked file, ignored or not, and the untracked
 * files no ignore rule matches); outside git, a walk with the .gitignore files. Default ignores and
 * config ignores apply to both.
 *
 * Patterns narrow what is linted, not what is known. Config ignores always apply. A file named
 * explicitly is linted even when a default ignore or .gitignore covers it (checking a git-ignored
 * `.env.production` on purpose is a real use). Folders and globs get the ignore rules in full, and
 * default ignores below their base only, so `deploylint dist` lints dist.
 */
export async function discover(options: DiscoverOptions): Promise<DiscoverResult> {
  const cwd = path.resolve(options.cwd);
  const realRoot = await realRootOf(cwd);
  const configIgnored = createConfigIgnore(options.ignores ?? []);
  const source = await openSource({ ...options, cwd, realRoot });
  const keep = (files: Iterable<string>, base: string) =>
    [...files].filter((file) => !configIgnored(file) && !underDefaultIgnored(file, base));

  const all = new Set(keep(await source.under("."), "."));
  const patterns = options.patterns ?? [];
  const selected = patterns.length > 0 ? new Set<string>() : null;
  const skipped: Skipped[] = [];
  const unmatched: string[] = [];
  // What the patterns cover, to keep the skipped entries (links, FIFOs) of the rest out of the report.
  const covers: ((file: string) => boolean)[] = [];
  for (const pattern of patterns) {
    const plan = await planPattern(cwd, realRoot, pattern);
    covers.push(coverage(plan));
    if (plan.explicit !== null) {
      if (configIgnored(plan.explicit)) skipped.push({ file: plan.explicit, reason: "ignored" });
      else {
        selected?.add(plan.explicit);
        all.add(plan.explicit);
      }
      continue;
    }
    let matched = 0;
    if (plan.walkBase !== null) {
      for (const file of keep(await source.under(plan.walkBase), plan.walkBase)) {
        if (plan.match && !plan.match(file)) continue;
        selected?.add(file);
        all.add(file);
        matched++;
      }
    }
    if (matched === 0 && !unmatched.includes(plan.pattern)) unmatched.push(plan.pattern);
  }
  const reported = (file: string) => !configIgnored(file) && (selected === null || covers.some((test) => test(file)));
  skipped.push(...source.skipped().filter((entry) => reported(entry.file)));
  const base = cwd.endsWith(path.sep) ? cwd : `${cwd}${path.sep}`;
  return {
    files: [...all].sort(compare).map((file) => ({ path: file, absolutePath: base + file })),
    selected,
    skipped: dedupeSkipped(skipped),
    unmatched,
  };
}

interface FileSource {
  /** The candidate files at or below `base` (relative to cwd), before default and config ignores. */
  under(base: string): Promise<string[]>;
  skipped(): Skipped[];
}

async function openSource(options: DiscoverOptions & { cwd: string; realRoot: string }): Promise<FileSource> {
  if (options.scope) return listedSource([...options.scope], []);
  if (options.gitignore !== false) {
    // git's listing alone answers a work tree (the usual case): one git process before the first
    // file is read. Only when it fails is git asked what cwd is (probeWorkTree), so that a folder
    // outside git is walked while a repository git cannot read stays an error, as it always was.
    const configIgnored = createConfigIgnore(options.ignores ?? []);
    const listed = await listGitScope({
      cwd: options.cwd,
      realRoot: options.realRoot,
      prune: (dir) => configIgnored(dir) || underDefaultIgnored(`${dir}/x`, "."),
      // Discovery is all a run does until it has the files (prepareRun starts nothing beside it).
      blocking: true,
    }).then(
      (listing) => ({ listing }),
      (error: unknown) => ({ error }),
    );
    if ("listing" in listed) return listedSource([...new Set(listed.listing.files)], listed.listing.skipped);
    const { state } = await probeWorkTree(options.cwd);
    if (state === "work-tree") throw listed.error;
    if (state === "no-git" && (await findRepo(options.cwd)).gitDir !== null) {
      options.warn?.(
        "git was not found on PATH, so .gitignore decides what is linted and a tracked file it matches is left out; install git.",
      );
    }
  }
  return walkedSource(options);
}

/** A source that already holds every file: a folder or glob selects from it, nothing is walked. */
function listedSource(files: string[], skipped: Skipped[]): FileSource {
  return {
    under: async (base) => (base === "." ? files : files.filter((file) => file.startsWith(`${base}/`))),
    skipped: () => skipped,
  };
}

/** Outside git: one walk of cwd, and another of a pattern's folder only where that walk pruned it. */
function walkedSource(options: DiscoverOptions & { cwd: string; realRoot: string }): FileSource {
  const configIgnored = createConfigIgnore(options.ignores ?? []);
  const skipped: Skipped[] = [];
  const gitignoreDirs = new Set<string>();
  const walks = new Map<string, Promise<string[]>>();
  const walkFrom = (base: string) => {
    let walked = walks.get(base);
    if (walked === undefined) {
      walked = (async () => {
        const prune = (dir: string) => configIgnored(dir) || underDefaultIgnored(`${dir}/x`, base);
        const result = await walk({ cwd: options.cwd, realRoot: options.realRoot, base, prune });
        skipped.push(...result.skipped);
        for (const file of result.files)
          if (path.posix.basename(file) === ".gitignore") gitignoreDirs.add(path.posix.dirname(file));
        return result.files;
      })();
      walks.set(base, walked);
    }
    return walked;
  };
  return {
    async under(base) {
      const prunedByDefault = base !== "." && base.split("/").some((dir) => DEFAULT_IGNORED_DIRS.includes(dir));
      const files = prunedByDefault
        ? await walkFrom(base)
        : (await walkFrom(".")).filter((file) => base === "." || file.startsWith(`${base}/`));
      if (options.gitignore === false) return files;
      const gitignored = await loadGitignore({
        cwd: options.cwd,
        dirs: gitignoreDirs,
        ...(options.warn ? { warn: options.warn } : {}),
      });
      return files.filter((file) => !gitignored.ignores(file));
    },
    skipped: () => skipped,
  };
}

/** Default ignores apply below a pattern's base only: `deploylint dist` lints dist. */
function underDefaultIgnored(file: string, base: string): boolean {
  const below = base === "." ? file : file.slice(base.length + 1);
  const folders = below.split("/").slice(0, -1);
  return folders.some((dir) => DEFAULT_IGNORED_DIRS.includes(dir));
}

function coverage(plan: PatternPlan): (file: string) => boolean {
  const { explicit, walkBase, match } = plan;
  if (explicit !== null) return (file) => file === explicit;
  if (walkBase === null) return () => false;
  if (match !== null) return match;
  return (file) => walkBase === "." || file.startsWith(`${walkBase}/`);
}

async function planPattern(cwd: string, realRoot: string, pattern: string): Promise<PatternPlan> {
  const normalised = normalisePattern(cwd, pattern);
  const plan: PatternPlan = { pattern, explicit: null, walkBase: null, match: null };
  // A literal path wins over glob syntax: `app/[id]/page.tsx` is a file, not a character class.
  const info = await stat(path.resolve(cwd, normalised)).catch(() => null);
  if (info?.isFile() || info?.isDirectory()) {
    // Named through a link, a path is linted under its target's name, and only inside cwd.
    const target = await resolveInside(realRoot, path.resolve(cwd, normalised));
    const inside = normalised === "." ? "." : target.ok ? target.path : null;
    if (inside === null)
      throw new DiscoveryError(
        `${JSON.stringify(pattern)} is outside the working directory ${cwd}; deploylint reads nothing outside it.`,
      );
    return info.isFile() ? { ...plan, explicit: inside } : { ...plan, walkBase: inside };
  }
  const scan = picomatch.scan(normalised);
  if (!scan.isGlob) return plan;
  const base = scan.base === "" ? "." : scan.base;
  if (base !== "." && normaliseInside(base) === null)
    throw new DiscoveryError(
      `${JSON.stringify(pattern)} reaches outside the working directory ${cwd}; deploylint reads nothing outside it.`,
    );
  const match = picomatch(normalised, GLOB_OPTIONS);
  return { ...plan, walkBase: base, match: (file) => match(file) };
}

function normalisePattern(cwd: string, pattern: string): string {
  const relative = path.isAbsolute(pattern) ? path.relative(cwd, pattern) : pattern;
  const posix = relative.split(path.sep).join("/");
  const trimmed = posix.replace(/^(\.\/)+/, "").replace(/\/+$/, "");
  return trimmed === "" ? "." : trimmed;
}

/** A config ignore matches a file when it matches the file or one of its folders. */
export function createConfigIgnore(ignores: string[]): (file: string) => boolean {
  if (ignores.length === 0) return () => false;
  const isMatch = picomatch(ignores.map(normaliseIgnore), GLOB_OPTIONS);
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
