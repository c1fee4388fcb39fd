// The whole pipeline behind `deploylint` and `lint()`: discover files (all, changed since a ref,
// or staged), run the engine, and return the result the JSON reporter prints.
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import type { ResolvedConfig } from "./config/types.js";
import {
  changedSince,
  discover,
  filterPaths,
  indexBlobs,
  readSource,
  stagedFiles,
  trackedIgnored,
} from "./discovery/index.js";
import { type FileCache, openFileCache } from "./engine/cache.js";
import { type RunFile, runLint } from "./engine/run.js";
import type { LintResult } from "./findings.js";
import type { ChangeSet } from "./rule-api/types.js";

export interface LintProjectOptions {
  config: ResolvedConfig;
  /** Working directory; findings' paths are relative to it. */
  cwd: string;
  /** Files, directories or globs; default: the whole working directory. */
  patterns?: string[];
  /** Lint only what changed since the merge base with this ref. */
  changedSince?: string;
  /** Lint the content staged in git's index. */
  staged?: boolean;
  /** Run only these rules ("<pack>/<id>" or "<pack>/*"). */
  only?: string[];
  /** Cache per-file results here (e.g. node_modules/.cache/deploylint); off when absent. */
  cacheLocation?: string;
  workers?: number | "auto";
  /** Included in the cache key, so an upgrade never serves stale results. */
  version: string;
  debug?: (message: string) => void;
}

export class UsageError extends Error {
  override name = "UsageError";
}

export async function lintProject(options: LintProjectOptions): Promise<LintResult> {
  const cwd = resolve(options.cwd);
  const { config } = options;
  // --staged lints what git will commit: the file list is git's index (no directory walk) unless
  // paths narrow it; every other run walks the working tree.
  const fromIndex = Boolean(options.staged && !options.patterns);
  const phaseStarted = performance.now();
  // The git calls of a partial run are independent: they run side by side.
  const [blobs, gitignored, stagedSelection] = await Promise.all([
    options.staged || options.changedSince ? indexBlobs({ cwd }) : null,
    fromIndex ? trackedIgnored({ cwd }) : null,
    options.staged ? stagedFiles({ cwd }) : null,
  ]);
  const discovered = fromIndex
    ? {
        files: await filterPaths({
          cwd,
          paths: [...(blobs?.keys() ?? [])],
          ignores: config.ignores,
          ...(gitignored ? { gitignored } : {}),
        }),
        skipped: [],
        unmatched: [],
      }
    : await discover({ cwd, patterns: options.patterns ?? ["."], ignores: config.ignores });
  // A path the user named that matches nothing is a mistake; an empty repository is not.
  if (options.patterns && discovered.unmatched.length > 0) {
    throw new UsageError(`No files match ${discovered.unmatched.map((p) => `"${p}"`).join(", ")}.`);
  }
  let files: RunFile[] = discovered.files;
  let changes: ChangeSet | null = null;
  let lintPaths: Set<string> | null = null;

  if (stagedSelection) {
    const staged = stagedSelection;
    changes = staged.changes;
    const known = new Set(files.map((f) => f.path));
    // The engine decodes staged bytes as it reads files: a staged file in scope that cannot be
    // decoded or is too large is a finding, not a file left out of the change.
    const stagedBytes = new Map(staged.files.filter((f) => known.has(f.path)).map((f) => [f.path, f.text]));
    lintPaths = new Set(stagedBytes.keys());
    files = files.map((f) => (stagedBytes.has(f.path) ? { ...f, bytes: stagedBytes.get(f.path) as Buffer } : f));
  } else if (options.changedSince) {
    changes = await changedSince({ cwd, ref: options.changedSince });
    lintPaths = new Set([...changes.added, ...changes.modified]);
  }

  options.debug?.(`discovery: ${discovered.files.length} files in ${Math.round(performance.now() - phaseStarted)} ms`);
  const cacheStarted = performance.now();
  const cache = options.cacheLocation ? openCache(options, config) : null;
  if (cache) options.debug?.(`cache: opened in ${Math.round(performance.now() - cacheStarted)} ms`);
  // In a partial run the files outside the change are named by git's index: no need to read them.
  const knownKeys = cache && lintPaths ? blobs : null;
  const result = await runLint({
    config,
    files,
    lintPaths,
    changes,
    only: options.only ?? null,
    skipped: discovered.skipped,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    cache,
    knownKeys,
    readText: (file, limits) => readSource(file, limits),
    root: cwd,
    ...(options.debug ? { debug: options.debug } : {}),
  });
  cache?.save();
  return result;
}

function openCache(options: LintProjectOptions, config: ResolvedConfig): FileCache {
  const configHash = createHash("sha256")
    .update(
      JSON.stringify({
        rules: config.rules,
        overrides: config.overrides,
        settings: config.settings,
        packs: config.packs.map((p) => [p.pack.name, p.specifier, p.pack.rules.map((r) => r.id)]),
        only: options.only ?? null,
      }),
    )
    .digest("hex");
  return openFileCache({
    location: resolve(options.cwd, options.cacheLocation ?? join("node_modules", ".cache", "deploylint")),
    configHash,
    version: options.version,
  });
}
