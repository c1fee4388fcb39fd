// The whole pipeline behind `deploylint` and `lint()`: discover the files in scope and the ones
// to judge (all, named paths, changed since a ref, or staged), run the engine, and return the
// result the JSON reporter prints.
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { ResolvedConfig } from "./config/types.js";
import {
  changedSince,
  createConfigIgnore,
  DEFAULT_IGNORED_DIRS,
  discover,
  indexBlobs,
  listGitScope,
  printablePath,
  readSourceSync,
  type StagedSelection,
  stagedFiles,
} from "./discovery/index.js";
import { CacheUnavailableError, type FileCache, openFileCache } from "./engine/cache.js";
import { createPlanner } from "./engine/planner.js";
import { buildRegistry } from "./engine/registry.js";
import { planConfigOf, type RunFile, type RunOptions, runFilePhase, runLint } from "./engine/run.js";
import { idleExtractors } from "./engine/run-scope.js";
import { assignShards, type ShardSpec, shardOfUnread } from "./engine/shard.js";
import { gitIdentity, secretKeyId, shardSecretKey } from "./engine/shard-key.js";
import { buildPartial, fileSetHash, type PartialReport } from "./engine/shard-partial.js";
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
  /**
   * A problem the run works around (a .gitignore line it cannot use, a cache that cannot be
   * written); default: a line on stderr.
   */
  warn?: (message: string) => void;
}

export class UsageError extends Error {
  override name = "UsageError";
}

export async function lintProject(options: LintProjectOptions): Promise<LintResult> {
  const { run, cache } = await prepareRun(options, null);
  const result = await runLint(run);
  cache?.save();
  return result;
}

export interface LintShardOptions extends LintProjectOptions {
  shard: ShardSpec;
  /** DEPLOYLINT_SHARD_KEY: the key all shards hash secrets under (derived from HEAD's tree when absent). */
  shardKey?: string;
}

/**
 * One shard of a run (--shard i/n): discovers every file as a whole run does, lints this shard's
 * share of them (per-file phase only) and returns the partial report `deploylint merge` completes.
 */
export async function lintShard(options: LintShardOptions): Promise<PartialReport> {
  const cwd = resolve(options.cwd);
  const git = await gitIdentity(cwd);
  const secretKey = shardSecretKey({ given: options.shardKey, git });
  const { run, cache } = await prepareRun(options, secretKey);
  const { index, total } = options.shard;
  // Every shard discovers every file, so all of them agree on the file set and on the split.
  const sizes = await Promise.all(run.files.map((file) => fileSize(file)));
  const assigned = assignShards(
    run.files.map((file, i) => ({ path: file.path, size: sizes[i] as number })),
    total,
  );
  const files = run.files.filter((_, i) => assigned[i] === index - 1);
  const skipped = (run.skipped ?? []).filter((entry) => shardOfUnread(entry.file, total) === index - 1);
  const phase = await runFilePhase({ ...run, files, skipped, secretKey });
  cache?.save();
  const allPaths = [...run.files.map((f) => f.path), ...(run.skipped ?? []).map((s) => s.file)];
  return buildPartial({
    version: options.version,
    shard: options.shard,
    commit: git?.commit ?? null,
    fileSet: fileSetHash(allPaths),
    config: partialConfigFingerprint(options.config, options.only ?? null),
    secretKeyId: secretKeyId(secretKey),
    scope: {
      lintPaths: run.lintPaths ? [...run.lintPaths].sort() : null,
      changes: run.changes ?? null,
      only: options.only ?? null,
    },
    files: [...files.map((f) => f.path), ...skipped.map((s) => s.file)],
    results: phase.results,
    skipped: phase.skipped,
  });
}

/** A file's size for the split; one that cannot be stat'ed weighs nothing (its read fails anyway). */
async function fileSize(file: RunFile): Promise<number> {
  if (file.size !== undefined) return file.size;
  return (await stat(file.absolutePath).catch(() => null))?.size ?? 0;
}

/**
 * Everything that decides a run's findings besides the files: the cache's key plus what decides
 * which files are read and how (ignores, the size limit). `deploylint merge` recomputes it from its
 * own config to refuse partials linted under another.
 */
export function partialConfigFingerprint(config: ResolvedConfig, only: string[] | null): string {
  return createHash("sha256")
    .update(
      JSON.stringify({
        cache: configFingerprint(config, only),
        ignores: config.ignores,
        maxFileSize: config.maxFileSize,
      }),
    )
    .digest("hex")
    .slice(0, 32);
}

/** Discovery and the engine's options for a run (a whole one, or one shard's). */
async function prepareRun(
  options: LintProjectOptions,
  shardKey: string | null,
): Promise<{ run: RunOptions; cache: FileCache | null }> {
  const cwd = resolve(options.cwd);
  const { config } = options;
  const warn = options.warn ?? ((message: string) => process.stderr.write(`deploylint: warning: ${message}\n`));
  const phaseStarted = performance.now();
  // The git calls of a partial run are independent: they run side by side.
  // --staged takes the index's blob ids from the work tree's listing; --changed-since asks for them.
  const [changedBlobs, stagedSelection, workTree] = await Promise.all([
    options.changedSince ? indexBlobs({ cwd }) : null,
    options.staged ? stagedFiles({ cwd }) : null,
    options.staged
      ? listGitScope({ cwd, prune: (dir) => dir.split("/").some((name) => DEFAULT_IGNORED_DIRS.includes(name)) })
      : null,
  ]);
  const blobs = workTree?.blobs ?? changedBlobs;
  if (stagedSelection) refuseUnmerged(stagedSelection.unmerged, config.ignores);
  const discovered = await discover({
    cwd,
    ignores: config.ignores,
    warn,
    ...(options.patterns ? { patterns: options.patterns } : {}),
    // --staged lints what git will commit: git's index is the scope. A file it does not stage is
    // read from the work tree, and only while that is still a regular file there (not a link).
    ...(stagedSelection && blobs && workTree ? { scope: stagedScope(blobs, stagedSelection, workTree.files) } : {}),
  });
  // A path the user named that matches nothing is a mistake; an empty repository is not.
  if (options.patterns && discovered.unmatched.length > 0) {
    throw new UsageError(`No files match ${discovered.unmatched.map((p) => `"${p}"`).join(", ")}.`);
  }
  let files: RunFile[] = discovered.files;
  let changes: ChangeSet | null = null;
  // Named paths narrow what file rules judge; project rules still see the facts of every file.
  let lintPaths: Set<string> | null = discovered.selected ? new Set(discovered.selected) : null;

  if (stagedSelection) {
    const staged = stagedSelection;
    changes = staged.changes;
    const known = new Set(files.map((f) => f.path));
    // The engine decodes staged bytes as it reads files: a staged file in scope that cannot be
    // decoded or is too large is a finding, not a file left out of the change.
    const stagedBytes = new Map(staged.files.filter((f) => known.has(f.path)).map((f) => [f.path, f.text]));
    lintPaths = narrow(new Set(stagedBytes.keys()), lintPaths);
    files = files.map((f) => (stagedBytes.has(f.path) ? { ...f, bytes: stagedBytes.get(f.path) as Buffer } : f));
  } else if (options.changedSince) {
    changes = await changedSince({ cwd, ref: options.changedSince });
    lintPaths = narrow(new Set([...changes.added, ...changes.modified]), lintPaths);
  }

  options.debug?.(`discovery: ${discovered.files.length} files in ${Math.round(performance.now() - phaseStarted)} ms`);
  const cacheStarted = performance.now();
  // Decided over every discovered file (a shard lints only its share) and part of the cache's key:
  // a result cached while an extractor was idle holds none of its facts.
  const idle = idleExtractors({
    planner: createPlanner({
      config: planConfigOf(config, options.only ?? null),
      registry: buildRegistry(config.packs.map((p) => p.pack)),
    }),
    files: files.map((file) => file.path),
  });
  const cache = options.cacheLocation ? openCache({ options, config, idle, warn, shardKey }) : null;
  if (cache) options.debug?.(`cache: opened in ${Math.round(performance.now() - cacheStarted)} ms`);
  // In a partial run the files outside the change are named by git's index: no need to read them.
  const knownKeys = cache && lintPaths ? blobs : null;
  const run: RunOptions = {
    config,
    files,
    lintPaths,
    changes,
    only: options.only ?? null,
    skipped: discovered.skipped,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    cache,
    idleExtractors: idle,
    knownKeys,
    // Read synchronously: the callback reads cost each file five thread-pool round trips (stat,
    // open, fstat, read, close), twice the CPU, and on a busy 2-core machine a batch of 100 files
    // waited 200-500 ms for the pool's threads to be scheduled. Nothing else waits on the main
    // thread while it reads: parsers load off it, and linting waits for the batch anyway.
    readText: async (file, limits) => readSourceSync(file, limits),
    root: cwd,
    ...(options.debug ? { debug: options.debug } : {}),
  };
  return { run, cache };
}

/** The files both sets hold; a null set is "every file". */
function narrow(paths: Set<string>, within: ReadonlySet<string> | null): Set<string> {
  return within === null ? paths : new Set([...paths].filter((file) => within.has(file)));
}

/** The index's files that can be read as git holds them: staged, or unchanged regular files on disk. */
function stagedScope(blobs: ReadonlyMap<string, string>, staged: StagedSelection, onDisk: string[]): string[] {
  const readable = new Set([...staged.files.map((file) => file.path), ...onDisk]);
  return [...blobs.keys()].filter((file) => readable.has(file));
}

/**
 * A path with a merge conflict has no staged content: the index holds up to three versions and git
 * refuses to commit until one is chosen. Judging any of them could pass content that is never
 * committed, so the run stops and names the paths rather than leaving them out.
 */
function refuseUnmerged(unmerged: string[], ignores: string[]): void {
  const ignored = createConfigIgnore(ignores);
  const inScope = unmerged.filter(
    (file) =>
      !ignored(file) &&
      !file
        .split("/")
        .slice(0, -1)
        .some((dir) => DEFAULT_IGNORED_DIRS.includes(dir)),
  );
  if (inScope.length === 0) return;
  const shown = inScope.slice(0, 10).map(printablePath).join(", ");
  const more = inScope.length > 10 ? ` and ${inScope.length - 10} more` : "";
  throw new UsageError(
    `Cannot judge the staged content: ${inScope.length} path(s) have an unresolved merge conflict (${shown}${more}); resolve them and git add them, then run again.`,
  );
}

/** The config as far as per-file results depend on it: the cache's key. */
function configFingerprint(config: ResolvedConfig, only: string[] | null): string {
  return createHash("sha256")
    .update(
      JSON.stringify({
        rules: config.rules,
        overrides: config.overrides,
        settings: config.settings,
        packs: config.packs.map((p) => [p.pack.name, p.specifier, p.pack.rules.map((r) => r.id)]),
        only,
      }),
    )
    .digest("hex");
}

function openCache(input: {
  options: LintProjectOptions;
  config: ResolvedConfig;
  /** The run's idle extractors: a result cached without an extractor's facts must not serve a run that needs them. */
  idle: string[];
  warn: (message: string) => void;
  shardKey: string | null;
}): FileCache | null {
  const { options, config, idle, warn, shardKey } = input;
  const configHash = createHash("sha256")
    .update(JSON.stringify({ config: configFingerprint(config, options.only ?? null), idleExtractors: idle }))
    .digest("hex");
  try {
    return openFileCache({
      location: resolve(options.cwd, options.cacheLocation ?? join("node_modules", ".cache", "deploylint")),
      configHash,
      version: options.version,
      warn,
      ...(shardKey !== null ? { shardKey } : {}),
    });
  } catch (error) {
    // The cache only ever accelerates: a run without it gives the same findings.
    if (!(error instanceof CacheUnavailableError)) throw error;
    warn(error.message);
    return null;
  }
}
