// One lint run: per-file phase (main thread, or a worker pool for big runs; cacheable), project
// phase, suppressions, deterministic order, fingerprints, summary.
import { availableParallelism } from "node:os";
import type { ResolvedConfig } from "../config/types.js";
import { decodeSource, type ReadOptions, type SkimOption } from "../discovery/read.js";
import type { Finding, LintResult, SkippedFile, SuppressedFinding } from "../findings.js";
import { setV8Flags, type V8FlagChange } from "../load/v8-flags.js";
import type { ChangeSet } from "../rule-api/types.js";
import { classifyPath } from "../sources/classify.js";
import { createParserLoader } from "../sources/registry.js";
import { postgresParserLoadMs } from "../sources/sql/pg-parser.js";
import { type FileCache, newSecretKey } from "./cache.js";
import { companionsUnchanged, createCompanionReader } from "./companions.js";
import { UNUSED_SUPPRESSION_ID } from "./core-rules.js";
import { readOptionsFor, unreadOutcome } from "./file-not-checked.js";
import { assignFingerprints, contentKey, hashText } from "./fingerprint.js";
import {
  DIRECTIVE_MARKER,
  emptyResult,
  type FileResult,
  lintPlannedFile,
  type RawFinding,
  readsNothing,
} from "./lint-file.js";
import { type KindPlan, loadExtractors, neededKinds } from "./needed-kinds.js";
import { createPlanner, type PlanConfig } from "./planner.js";
import { runPool } from "./pool.js";
import { runProjectPhase } from "./project-phase.js";
import { buildRegistry } from "./registry.js";
import { idleExtractors } from "./run-scope.js";
import { createStopwatch, type Stopwatch } from "./stopwatch.js";
import { applySuppressions } from "./suppressions.js";

export interface RunFile {
  /** Relative to the working directory, `/` separators. */
  path: string;
  absolutePath: string;
  /** Preloaded content (staged files, virtual files in tests); read from disk otherwise. */
  text?: string;
  /**
   * Preloaded bytes (staged blobs), decoded by the engine with the same limits as a disk read:
   * a staged file in scope that cannot be decoded is a finding, not a file silently left out.
   */
  bytes?: Uint8Array;
  /** Size in bytes of a binary-kind file, which is never read (its `text` is empty). */
  size?: number;
}

/** `skimmed`: text that does not mention the `skimFor` asked, left undecoded (see readSource). */
export type ReadTextResult =
  | { ok: true; text: string; size?: number; skimmed?: true }
  | { ok: false; reason: string; detail?: string };

export interface RunOptions {
  config: ResolvedConfig;
  files: RunFile[];
  /** Files file rules run on; the others only feed facts to project rules. Null: all of them. */
  lintPaths?: ReadonlySet<string> | null;
  changes?: ChangeSet | null;
  only?: string[] | null;
  skipped?: SkippedFile[];
  /** Worker threads: "auto" uses them when the run is big enough; 0 keeps everything on the main thread. */
  workers?: number | "auto";
  cache?: FileCache | null;
  /**
   * Content keys known without reading (git's index blob ids), for files outside `lintPaths`:
   * a cache hit on one of these skips the read entirely.
   */
  knownKeys?: ReadonlyMap<string, string> | null;
  /** Reads a file from disk with the limits the engine chose for it (readSource, for a real run). */
  readText: (file: RunFile, options: Required<ReadOptions> & SkimOption) => Promise<ReadTextResult>;
  /**
   * The working directory companion files are read from (ctx.companion); null or absent: only
   * the files given with `text` can be companions (virtual runs).
   */
  root?: string | null;
  /**
   * The key facts hash secrets under. A shard passes the key every shard of its run shares, so that
   * the merged facts compare; otherwise the cache's key, or a random one.
   */
  secretKey?: string;
  /**
   * The extractors idle for this run (run-scope.ts), decided by the caller over every file of the
   * run (a shard lints only its share) and part of its cache's key; absent: decided from `files`.
   */
  idleExtractors?: string[];
  debug?: (message: string) => void;
}

/**
 * Discovery's skip reasons that mean "could not be read" (walk.ts), as opposed to "left out on
 * purpose". A link out of the working directory is never read (it could point anywhere on the
 * machine), so a migration or env file reached only through one was not judged.
 */
const UNREADABLE_AT_DISCOVERY: ReadonlySet<string> = new Set([
  "symlink-loop",
  "broken-symlink",
  "symlink-outside",
  "not-a-regular-file",
]);

/** Below this many files the pool's start-up costs more than it saves. */
const POOL_THRESHOLD = 400;

/** Files the main thread reads and lints at a time when it works alone (a pool batch is smaller). */
const IN_THREAD_BATCH = 100;

export function planConfigOf(config: ResolvedConfig, only: string[] | null): PlanConfig {
  return { rules: config.rules, overrides: config.overrides, settings: config.settings, only };
}

/** What the per-file phase leaves for the project phase: every file's result, in path order. */
export interface FilePhase {
  results: FileResult[];
  skipped: SkippedFile[];
  /** Texts given with the run (staged or virtual files), for project findings that point at offsets. */
  preloaded: ReadonlyMap<string, string>;
}

export async function runLint(options: RunOptions): Promise<LintResult> {
  const phase = await runFilePhase(options);
  return completeRun({
    config: options.config,
    only: options.only ?? null,
    phase,
    changes: options.changes ?? null,
    lintPaths: options.lintPaths ?? null,
    ...(options.debug ? { debug: options.debug } : {}),
  });
}

/**
 * Starts loading the SQL parser now. The load's own failure is raised where it is awaited; until
 * then a rule crashing on an earlier file must not leave it as an unhandled rejection.
 */
function startGrammar(loader: ReturnType<typeof createParserLoader>): Promise<void> {
  const loading = loader.ensure(["sql"]);
  loading.catch(() => {});
  return loading;
}

/** Whether linting this file may call the SQL parser: a SQL file, or one that can embed SQL. */
function needsSqlParser(path: string, plan: KindPlan): boolean {
  const kind = classifyPath(path);
  return kind === "sql" || plan.embeddingKinds.has(kind);
}

/** The per-file phase alone: what a shard of a run does (--shard), and the first half of runLint. */
export async function runFilePhase(options: RunOptions): Promise<FilePhase> {
  const { config } = options;
  const only = options.only ?? null;
  const registry = buildRegistry(config.packs.map((p) => p.pack));
  const idle =
    options.idleExtractors ??
    idleExtractors({
      planner: createPlanner({ config: planConfigOf(config, only), registry }),
      files: options.files.map((file) => file.path),
    });
  const planConfig: PlanConfig = { ...planConfigOf(config, only), idleExtractors: idle };
  const planner = createPlanner({ config: planConfig, registry });
  if (idle.length > 0) options.debug?.(`extractors idle this run (runsWhen): ${idle.join(", ")}`);
  const skipped: SkippedFile[] = [];
  const lintPaths = options.lintPaths ?? null;
  const root = options.root ?? null;
  // A file that could not be read: a finding when a pack is responsible for it, else a skip.
  const results: FileResult[] = [];
  const unread = (file: { path: string }, read: { owner: string | null; result: ReadTextResult & { ok: false } }) => {
    const linted = lintPaths === null || lintPaths.has(file.path);
    const outcome = unreadOutcome({ path: file.path, failure: read.result, owner: read.owner, planner, linted });
    if ("result" in outcome) results.push(outcome.result);
    else skipped.push(outcome.skipped);
  };
  // Discovery could not read these either (a dangling link named like a migration is no less
  // unchecked than a migration without read permission); deliberate exclusions stay skips.
  for (const entry of options.skipped ?? []) {
    const owner = UNREADABLE_AT_DISCOVERY.has(entry.reason) ? planner.ownerOf(entry.file) : null;
    if (owner === null) skipped.push(entry);
    else unread({ path: entry.file }, { owner, result: { ok: false, reason: "unreadable", detail: entry.reason } });
  }
  const readOne = async (file: RunFile): Promise<PlannedRead> => {
    const { owner, read } = readOptionsFor({ path: file.path, planner, maxFileSize: config.maxFileSize });
    if (file.bytes !== undefined) return { owner, result: decodeSource(file.bytes, read) };
    return { owner, result: await options.readText(file, read) };
  };
  // Preloaded bytes are decoded first, so staged texts are companions and workers get text.
  const files: RunFile[] = [];
  for (const file of options.files) {
    if (file.bytes === undefined || file.text !== undefined) {
      files.push(file);
      continue;
    }
    const read = await readOne(file);
    const { bytes: _bytes, ...rest } = file;
    if (read.result.ok) files.push({ ...rest, text: read.result.text, ...sizeOf(read.result) });
    else unread(file, { owner: read.owner, result: read.result });
  }
  const preloaded = new Map(files.filter((f) => f.text !== undefined).map((f) => [f.path, f.text as string]));
  const readCompanion = createCompanionReader({ root, preloaded });
  // Facts hash secrets under this key: the cache's own, so cached facts compare with fresh ones.
  // A cache's facts were hashed under its own key: served beside facts hashed under another, a
  // credential shared by two files would no longer compare equal, silently.
  if (options.secretKey !== undefined && options.cache && options.cache.secretKey !== options.secretKey)
    throw new Error("internal error: a run's secret key must be its cache's.");
  const secretKey = options.secretKey ?? options.cache?.secretKey ?? newSecretKey();
  // A cached result that read companions is served only while they are unchanged.
  const usable = (cached: FileResult | undefined) =>
    cached !== undefined && companionsUnchanged(cached.companions, readCompanion) ? cached : undefined;

  // Files no rule or extractor gets (all but the migrations in `--only 'migrations/*' <folder>`)
  // matter only for their directives: read, but neither decoded, hashed nor linted without one.
  const active: RunFile[] = [];
  const inert: RunFile[] = [];
  for (const file of files) {
    const preread = file.text !== undefined || file.bytes !== undefined;
    (!preread && readsNothing({ path: file.path, planner, lintPaths }) ? inert : active).push(file);
  }
  const skims = await readAll(inert, async (file) => {
    const { owner, read } = readOptionsFor({ path: file.path, planner, maxFileSize: config.maxFileSize });
    return { owner, result: await options.readText(file, { ...read, skimFor: DIRECTIVE_MARKER }) };
  });
  inert.forEach((file, index) => {
    const skim = skims[index] as PlannedRead;
    if (!skim.result.ok) unread(file, { owner: skim.owner, result: skim.result });
    else if (skim.result.skimmed) results.push(emptyResult(file.path));
    // It holds a directive: linted like any file (its rules may be the project rules').
    else active.push(file);
  });

  // With --cache, the main thread reads and hashes every file and only misses go on to be linted.
  const cacheKeys = new Map<string, string>();
  let pending: RunFile[] = active;
  if (options.cache) {
    pending = [];
    const toRead: RunFile[] = [];
    for (const file of active) {
      const known = lintPaths !== null && !lintPaths.has(file.path) ? options.knownKeys?.get(file.path) : undefined;
      const cached = known ? usable(options.cache.get(file.path, known, { complete: false })) : undefined;
      if (cached) results.push(cached);
      else toRead.push(file);
    }
    const reads = await readAll(toRead, readOne);
    toRead.forEach((file, index) => {
      const planned = reads[index] as PlannedRead;
      const read = planned.result;
      if (!read.ok) {
        unread(file, { owner: planned.owner, result: read });
        return;
      }
      const linted = lintPaths === null || lintPaths.has(file.path);
      // A binary file's content is its size, as far as any rule can tell.
      const key = contentKey(read.size !== undefined ? `\0binary:${read.size}` : read.text);
      const cached = usable(options.cache?.get(file.path, key, { complete: linted }));
      if (cached) results.push(cached);
      else {
        cacheKeys.set(file.path, key);
        pending.push({ ...file, text: read.text, ...sizeOf(read) });
      }
    });
    options.debug?.(`cache: ${results.length} hits, ${pending.length} misses`);
  }

  const phaseStarted = performance.now();
  applyEngineV8Flags();
  const workerCount = decideWorkers(options, pending.length);
  const fresh: FileResult[] = [];
  // The main thread's share of the per-file phase, a batch at a time: only a batch's texts are held
  // at once (a big run's texts would otherwise all sit in memory before the first file is linted),
  // and a parser is loaded when the first file needing it comes.
  const loader = createParserLoader();
  const stopwatch = options.debug ? createStopwatch() : undefined;
  let grammarNoted = false;
  const lintHere = async (batch: RunFile[]): Promise<FileResult[]> => {
    const needed = neededKinds(
      batch.map((f) => f.path),
      planner,
    );
    // PostgreSQL's grammar (WebAssembly, ~50 ms) compiles on V8's own threads: its load starts
    // first, and the files that need no SQL parser are read and linted while it compiles.
    const grammar = needed.has("sql") && loader.parsers.sql === undefined ? startGrammar(loader) : null;
    const [reads] = await Promise.all([
      readAll(batch, readOne),
      loader.ensure([...needed].filter((kind) => kind !== "sql")),
      loadExtractors(needed, planner.extractors),
    ]);
    const linted: FileResult[] = [];
    const lintOne = (file: RunFile, planned: PlannedRead) => {
      const read = planned.result;
      if (!read.ok) {
        unread(file, { owner: planned.owner, result: read });
        return;
      }
      linted.push(
        lintPlannedFile({
          path: file.path,
          text: read.text,
          ...sizeOf(read),
          planner,
          lintPaths,
          parsers: loader.parsers,
          readCompanion,
          secretKey,
          ...(stopwatch ? { stopwatch } : {}),
        }),
      );
    };
    const afterGrammar: number[] = [];
    for (const [index, file] of batch.entries()) {
      if (grammar && needsSqlParser(file.path, planner)) afterGrammar.push(index);
      else lintOne(file, reads[index] as PlannedRead);
    }
    await grammar;
    const grammarMs = postgresParserLoadMs();
    if (grammarMs !== null && !grammarNoted) {
      grammarNoted = true;
      options.debug?.(`PostgreSQL's grammar (libpg-query) loaded in ${Math.round(grammarMs)} ms`);
    }
    for (const index of afterGrammar) lintOne(batch[index] as RunFile, reads[index] as PlannedRead);
    return linted;
  };
  if (workerCount > 0) {
    options.debug?.(`per-file phase: ${pending.length} files on ${workerCount} worker threads and the main thread`);
    const pooled = await runPool({
      files: pending,
      workers: workerCount,
      specifiers: config.packs.map((p) => p.specifier as string),
      planConfig,
      lintPaths: lintPaths ? [...lintPaths] : null,
      maxFileSize: config.maxFileSize,
      root,
      preloaded: Object.fromEntries(preloaded),
      secretKey,
      lintHere,
    });
    appendAll(fresh, pooled.results);
    appendAll(skipped, pooled.skipped);
  } else {
    for (let i = 0; i < pending.length; i += IN_THREAD_BATCH)
      appendAll(fresh, await lintHere(pending.slice(i, i + IN_THREAD_BATCH)));
  }
  options.debug?.(`per-file phase: ${Math.round(performance.now() - phaseStarted)} ms`);
  if (stopwatch) options.debug?.(describeSlowest(stopwatch, workerCount > 0));
  for (const result of fresh) {
    const key = cacheKeys.get(result.file);
    if (key) options.cache?.set(result.file, key, result, lintPaths === null || lintPaths.has(result.file));
  }
  appendAll(results, fresh);
  for (const entry of skipped) options.debug?.(`skipped ${entry.file}: ${entry.reason}`);
  for (const result of results) for (const note of result.notes ?? []) options.debug?.(`${result.file}: ${note}`);
  // Facts reach project rules in path order, whatever order the files were given or finished in.
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { results, skipped, preloaded };
}

/**
 * The project phase over every file's result, then suppressions, order and fingerprints: the second
 * half of runLint, and what `deploylint merge` runs over the results of all shards.
 */
export function completeRun(options: {
  config: ResolvedConfig;
  only: string[] | null;
  phase: FilePhase;
  changes: ChangeSet | null;
  lintPaths: ReadonlySet<string> | null;
  debug?: (message: string) => void;
}): LintResult {
  const { config, phase, lintPaths } = options;
  const registry = buildRegistry(config.packs.map((p) => p.pack));
  const planner = createPlanner({ config: planConfigOf(config, options.only), registry });
  const { results, skipped, preloaded } = phase;
  const deleted = new Set(options.changes?.deleted ?? []);
  const projectStarted = performance.now();
  const timings: [string, number][] = [];
  const projectFindings = runProjectPhase({
    rules: planner.projectRules,
    results,
    files: results.map((r) => r.file),
    changes: options.changes ?? null,
    settings: config.settings,
    severityFor: planner.severityFor,
    ruleSeverities: planner.configuredSeverities,
    readText: (path) => preloaded.get(path) ?? null,
    lintPaths,
    ...(options.debug ? { timed: (id: string, ms: number) => timings.push([id, ms]) } : {}),
    // A finding about a deleted file (an applied migration removed) belongs to the change too.
  }).filter((finding) => lintPaths === null || lintPaths.has(finding.file) || deleted.has(finding.file));

  const slowest = timings
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([id, ms]) => `${id} ${Math.round(ms)} ms`);
  options.debug?.(
    `project phase: ${Math.round(performance.now() - projectStarted)} ms (slowest: ${slowest.join(", ")})`,
  );
  return finish({ results, projectFindings, planner, skipped, fileCount: results.length });
}

/**
 * The per-file phase's costliest rules, extractors and parsers, each by its own time (a parse is
 * the parser's, not the rule's that asked for it): where a slow run goes, as ESLint's TIMING=1.
 */
function describeSlowest(stopwatch: Stopwatch, pooled: boolean): string {
  const slowest = stopwatch.slowest(8).map(({ id, ms }) => `${id} ${ms} ms`);
  const where = pooled ? " on the main thread" : "";
  return `per-file phase, slowest${where}: ${slowest.length > 0 ? slowest.join(", ") : "nothing ran"}`;
}

/** A read with the pack responsible for the file (null: none), which decides what a failure means. */
interface PlannedRead {
  owner: string | null;
  result: ReadTextResult;
}

/** Reads files with bounded concurrency (an unbounded Promise.all runs out of file descriptors). */
async function readAll(files: RunFile[], readOne: (file: RunFile) => Promise<PlannedRead>) {
  const reads: PlannedRead[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index] as RunFile;
      reads[index] =
        file.text !== undefined
          ? { owner: null, result: { ok: true, text: file.text, ...sizeOf(file) } }
          : await readOne(file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(64, files.length) }, worker));
  return reads;
}

/** The size of a binary file's read, to pass on beside its (empty) text. */
export function sizeOf(read: { size?: number }): { size?: number } {
  return read.size !== undefined ? { size: read.size } : {};
}

/**
 * How many worker threads lint beside the main thread. "auto": none below POOL_THRESHOLD files or
 * on a machine with two cores or fewer (a worker compiles its own parsers, and on two cores the
 * pool cost more CPU and memory than it saved), else one per core but the main thread's.
 */
function decideWorkers(options: RunOptions, fileCount: number): number {
  const requested = options.workers ?? "auto";
  const poolable = options.config.packs.every((p) => p.specifier !== null);
  if (!poolable || requested === 0) return 0;
  if (requested === "auto") return autoWorkers(fileCount, availableCores());
  // More threads than cores only add start-up time and memory (each holds the parsers): a
  // --workers 1000 must not start a thousand isolates.
  const cores = availableParallelism();
  if (requested > cores) {
    options.debug?.(`--workers ${requested} capped at ${cores} (the available parallelism of this machine)`);
    return cores;
  }
  return requested;
}

/** The automatic worker count for a run of `fileCount` files on `cores` cores (exported for its test). */
export function autoWorkers(fileCount: number, cores: number): number {
  if (fileCount < POOL_THRESHOLD || cores <= 2) return 0;
  return Math.max(0, Math.min(cores - 1, Math.ceil(fileCount / 200)));
}

/**
 * V8 flags for the per-file phase, set before any parser runs (V8's flags are per process: they also
 * cover the workers started later). Set here, once the engine and the packs are loaded, not at
 * start-up: Node compiles each of its built-in modules loaded after a flag changes without the code
 * cache it ships for them (child_process, crypto, fs/promises and a few others took 15 ms with it and
 * 35-100 ms without).
 *
 * `--max-optimized-bytecode-size=60000` keeps the optimizing compiler off functions of more than
 * 60,000 bytes of bytecode. The SQL parser (generated by peggy) has one just above that. Optimizing it
 * took about 250 MB in a background thread, in every thread that parses, and did not pay for itself.
 * Linting the benchmark's 2,000 migration files on the main thread took 2.45 s instead of 3.5 s with
 * the limit, at 190 MB instead of 435 MB peak. A whole medium run used 14.5 s of CPU instead of 18,
 * and a large run stayed under 1 GiB. Only functions of 60,000 to 61,440 bytes (the default limit)
 * are affected, so code of a host process calling lint() is all but untouched.
 *
 * `--liftoff-only` runs WebAssembly on V8's baseline compiler only. PostgreSQL's grammar
 * (libpg-query) is one 1.7 MB module whose parser loop is a single huge function: it turns hot after
 * a few statements, and TurboFan then spent about 0.4 s of CPU and 45 MB in background threads
 * recompiling it, which the process also waited for at exit. The example shop (four small
 * migrations) took 1.29 s of CPU instead of 0.90, and the longest histories measured gained too
 * (hatchet's 224 PostgreSQL migrations: 2.23 s instead of 2.95; vaultwarden, documenso): the
 * recompiled parser never ran long enough to repay its compile. A host process calling lint() has
 * its own WebAssembly kept on Liftoff too, from then on.
 */
const ENGINE_V8_FLAGS: readonly V8FlagChange[] = [
  { set: "--max-optimized-bytecode-size=60000", undo: ["--max-optimized-bytecode-size=61440"] },
  { set: "--liftoff-only", undo: ["--no-liftoff-only", "--liftoff", "--wasm-tier-up", "--wasm-dynamic-tiering"] },
];

/**
 * `--no-turbo-inlining`, only in a process deploylint owns (the CLI), never in a host that calls
 * lint(): a host's own hot code may need inlining, and the saving is in compile work. A CLI run is
 * over in seconds, and on 2 cores TurboFan's background compiles compete with the run itself: with
 * inlining, each optimised function is a bigger graph, and the secrets scanner's hot functions were
 * recompiled several times with their callees. Without it, the real applications took 3-8 % less
 * CPU (logto 4.51 -> 4.01 s, linkwarden 1.68 -> 1.54 s) and the 10,000-file bench repository 5.52
 * -> 4.94 s, wall time following.
 *
 * `--wasm-lazy-validation`, in the CLI too: V8 validates a WebAssembly function when it first
 * compiles it (lazily, on its first call) instead of validating every function of the module when
 * it loads. A run calls a small part of PostgreSQL's 1.7 MB grammar module; validating all of it
 * was 33 M of loading's 120 M instructions (cachegrind, --single-threaded), and linkwarden's
 * migrations pack took ~25 M instructions less with it. Only when an invalid module is reported
 * changes (at the call instead of the load), which is why a host calling lint() keeps V8's default.
 *
 * `--interrupt-budget=270336` (4 times V8's 67,584), in the CLI too: a function must run four
 * times as long before V8 considers optimising it. A run is over in about a second, and most of
 * what TurboFan compiled then (the file loop, path classifiers, splitter and tokenizer loops) never
 * ran long enough to repay the compile: with --single-threaded, TurboFan was 200 M of the 1.74 G
 * instructions of linkwarden's migrations pack. Whole runs (cachegrind, --single-threaded):
 * linkwarden 4.18 -> 3.78 G instructions, hatchet 7.36 -> 6.94 G, logto 13.06 -> 12.18 G;
 * linkwarden's CPU time (user + sys, medians of 7 alternated runs) 0.99 -> 0.89 s. A host calling
 * lint() may run long enough to want V8's default, so it keeps it.
 */
const CLI_V8_FLAGS: readonly V8FlagChange[] = [
  { set: "--no-turbo-inlining", undo: ["--turbo-inlining"] },
  { set: "--wasm-lazy-validation", undo: ["--no-wasm-lazy-validation"] },
  { set: "--interrupt-budget=270336", undo: ["--interrupt-budget=67584"] },
];

/** Sets ENGINE_V8_FLAGS and CLI_V8_FLAGS: for the CLI's own process only. */
export function applyCliV8Flags(): void {
  setV8Flags([...ENGINE_V8_FLAGS, ...CLI_V8_FLAGS]);
}

/**
 * Sets ENGINE_V8_FLAGS; also for `deploylint migrations verify`, whose PostgreSQL (PGlite) is
 * WebAssembly too. Recorded (load/v8-flags.ts), so the code cache can write the data of code
 * compiled before them under the flags it was compiled with.
 */
export function applyEngineV8Flags(): void {
  setV8Flags(ENGINE_V8_FLAGS);
}

function availableCores(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

function finish(options: {
  results: FileResult[];
  projectFindings: RawFinding[];
  planner: ReturnType<typeof createPlanner>;
  skipped: SkippedFile[];
  fileCount: number;
}): LintResult {
  const { results, projectFindings, planner, skipped } = options;
  const byFile = new Map<string, RawFinding[]>();
  for (const result of results) byFile.set(result.file, [...result.findings]);
  for (const finding of projectFindings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const projectRuleIds = planner.projectRules.map((r) => r.id);
  const kept: RawFinding[] = [];
  const suppressed: { finding: RawFinding; line: number; reason: string | null }[] = [];
  const resultByFile = new Map(results.map((r) => [r.file, r]));
  for (const [file, findings] of byFile) {
    const result = resultByFile.get(file);
    if (!result || result.directives.length === 0) {
      appendAll(kept, findings);
      continue;
    }
    const outcome = applySuppressions({
      findings,
      directives: result.directives,
      activeRules: new Set([...result.ranRules, ...projectRuleIds]),
    });
    appendAll(kept, outcome.kept);
    for (const s of outcome.suppressed)
      suppressed.push({ finding: s.finding, line: s.directive.line, reason: s.directive.reason });
    const severity = planner.severityFor(UNUSED_SUPPRESSION_ID, file);
    if (severity === "off") continue;
    for (const { directive, rule } of outcome.unused) {
      kept.push({
        ruleId: UNUSED_SUPPRESSION_ID,
        severity,
        message: `This directive suppresses no ${rule === "*" ? "" : `${rule} `}finding.`,
        help: "Remove the directive, or point it at the line that has the finding.",
        file,
        line: directive.line,
        column: directive.column,
        endLine: directive.line,
        endColumn: directive.column,
        spanHash: hashText(`${directive.kind} ${rule}`),
      });
    }
  }
  kept.sort(compareFindings);
  suppressed.sort((a, b) => compareFindings(a.finding, b.finding));
  const findings: Finding[] = assignFingerprints(kept).map(toFinding);
  const suppressedFindings: SuppressedFinding[] = assignFingerprints(suppressed.map((s) => s.finding)).map((f, i) => ({
    ...toFinding(f),
    suppressedBy: { line: suppressed[i]?.line ?? 0, reason: suppressed[i]?.reason ?? null },
  }));
  return {
    version: 1,
    findings,
    summary: {
      files: options.fileCount,
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warn").length,
      suppressed: suppressedFindings.length,
    },
    suppressed: suppressedFindings,
    skipped: [...skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
  };
}

function toFinding(raw: RawFinding & { fingerprint: string }): Finding {
  return {
    ruleId: raw.ruleId,
    severity: raw.severity,
    message: raw.message,
    ...(raw.help ? { help: raw.help } : {}),
    file: raw.file,
    line: raw.line,
    column: raw.column,
    endLine: raw.endLine,
    endColumn: raw.endColumn,
    fingerprint: raw.fingerprint,
    ...(raw.fix ? { fix: raw.fix } : {}),
  };
}

export function compareFindings(a: RawFinding, b: RawFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/**
 * `target.push(...items)` passes every item as an argument: past about 100,000 of them (one
 * migration of 200,000 statements has that many findings) V8 throws "Maximum call stack size
 * exceeded". A loop has no such limit.
 */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
