// The partial report of one shard (--shard i/n, --format partial) and the merge of all of them.
// A partial holds each of its files' result as the per-file phase left it: findings before any
// suppression (a directive may silence a project finding only the merge can produce, and an unused
// directive is known only then), facts with secrets as keyed hashes only (the cache's own
// serialisation), and the files it skipped. The merge runs what a single run runs after its per-file
// phase, over the same results in the same order, so its report is the single run's, byte for byte.
import { createHash } from "node:crypto";
import type { ResolvedConfig } from "../config/types.js";
import type { LintResult, SkippedFile } from "../findings.js";
import type { ChangeSet } from "../rule-api/types.js";
import { restoreResult, type StoredResult, storeResult } from "./cache.js";
import type { FileResult } from "./lint-file.js";
import { completeRun } from "./run.js";
import type { ShardSpec } from "./shard.js";

export const PARTIAL_FORMAT = "deploylint-partial";
export const PARTIAL_FORMAT_VERSION = 1;

/** What the run judged besides the files: every shard must have been given the same. */
export interface PartialScope {
  /** Files file rules judged (named paths, --changed-since); null: all. */
  lintPaths: string[] | null;
  changes: ChangeSet | null;
  only: string[] | null;
}

export interface PartialReport {
  format: typeof PARTIAL_FORMAT;
  formatVersion: typeof PARTIAL_FORMAT_VERSION;
  /** The deploylint version that wrote it. */
  deploylint: string;
  shard: ShardSpec;
  /** git HEAD, or null outside a git checkout (then `fileSet` alone identifies the input). */
  commit: string | null;
  /** A hash of every path the run covered, in every shard: the same checkout gives the same. */
  fileSet: string;
  /** A hash of the resolved config (rules, overrides, settings, packs, ignores, size limit). */
  config: string;
  /** Names the key secrets were hashed under (never the key): shards must share it. */
  secretKeyId: string;
  scope: PartialScope;
  /** The paths this shard was given (read or skipped): every path is in exactly one shard. */
  files: string[];
  results: [path: string, result?: StoredResult][];
  skipped: SkippedFile[];
}

/** Partials that cannot be merged into one run's report (the merge exits 2 with this line). */
export class PartialMismatchError extends Error {
  override name = "PartialMismatchError";
}

/** A hash of a set of paths, whatever order they come in. */
export function fileSetHash(paths: Iterable<string>): string {
  const hash = createHash("sha256");
  for (const path of [...new Set(paths)].sort()) hash.update(path).update("\0");
  return hash.digest("hex").slice(0, 32);
}

export function buildPartial(options: {
  version: string;
  shard: ShardSpec;
  commit: string | null;
  fileSet: string;
  config: string;
  secretKeyId: string;
  scope: PartialScope;
  files: string[];
  results: FileResult[];
  skipped: SkippedFile[];
}): PartialReport {
  return {
    format: PARTIAL_FORMAT,
    formatVersion: PARTIAL_FORMAT_VERSION,
    deploylint: options.version,
    shard: options.shard,
    commit: options.commit,
    fileSet: options.fileSet,
    config: options.config,
    secretKeyId: options.secretKeyId,
    scope: options.scope,
    files: [...options.files].sort(),
    // Companion keys and --debug notes serve the cache and the shard's own log, not the merge.
    results: options.results.map((result) => {
      const { companions: _companions, notes: _notes, ...kept } = result;
      const stored = storeResult(kept);
      return stored ? [result.file, stored] : [result.file];
    }),
    skipped: options.skipped,
  };
}

/**
 * Reads one partial from its JSON text. `name` (its file) is for the error, which is one line:
 * anything else than a partial of this format is refused, never half-read.
 */
export function parsePartial(text: string, name: string): PartialReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new PartialMismatchError(`${name} is not a partial report (not JSON).`);
  }
  const partial = data as Partial<PartialReport> | null;
  if (partial === null || typeof partial !== "object" || partial.format !== PARTIAL_FORMAT)
    throw new PartialMismatchError(`${name} is not a partial report (written by deploylint --shard i/n).`);
  if (partial.formatVersion !== PARTIAL_FORMAT_VERSION)
    throw new PartialMismatchError(
      `${name} is a partial report of format ${String(partial.formatVersion)}; this deploylint reads format ${PARTIAL_FORMAT_VERSION}.`,
    );
  const shard = partial.shard;
  const wellFormed =
    typeof partial.deploylint === "string" &&
    shard !== undefined &&
    Number.isInteger(shard.index) &&
    Number.isInteger(shard.total) &&
    shard.index >= 1 &&
    shard.index <= shard.total &&
    (partial.commit === null || typeof partial.commit === "string") &&
    typeof partial.fileSet === "string" &&
    typeof partial.config === "string" &&
    typeof partial.secretKeyId === "string" &&
    typeof partial.scope === "object" &&
    partial.scope !== null &&
    Array.isArray(partial.files) &&
    partial.files.every((file) => typeof file === "string") &&
    Array.isArray(partial.results) &&
    partial.results.every((entry) => Array.isArray(entry) && typeof entry[0] === "string") &&
    Array.isArray(partial.skipped);
  if (!wellFormed) throw new PartialMismatchError(`${name} is a damaged partial report (a field is missing or wrong).`);
  return partial as PartialReport;
}

/**
 * Checks that the partials are the n shards of one run (same commit, files, config, version, key and
 * scope; each shard once; every path in exactly one shard) and that this process would have run it
 * (its version and config), then completes the run over their results.
 */
export function mergePartials(options: {
  config: ResolvedConfig;
  /** This deploylint's version and config fingerprint, which must be the partials'. */
  version: string;
  configFingerprint: (only: string[] | null) => string;
  partials: { name: string; partial: PartialReport }[];
  debug?: (message: string) => void;
}): LintResult {
  const { partials } = options;
  const first = partials[0];
  if (!first) throw new PartialMismatchError("merge needs the partial reports of every shard.");
  const same = (label: string, of: (p: PartialReport) => unknown) => {
    const expected = JSON.stringify(of(first.partial));
    const other = partials.find((p) => JSON.stringify(of(p.partial)) !== expected);
    if (other)
      throw new PartialMismatchError(`${other.name} and ${first.name} differ in ${label}: not shards of one run.`);
  };
  same("deploylint version", (p) => p.deploylint);
  same("commit", (p) => p.commit);
  same("config", (p) => p.config);
  same("shard count (the n of --shard i/n)", (p) => p.shard.total);
  same("file set (the files of the checkout; write partial reports outside it)", (p) => p.fileSet);
  same("secret key (set DEPLOYLINT_SHARD_KEY alike in every shard, or none)", (p) => p.secretKeyId);
  same("scope (paths, --changed-since, --only)", (p) => p.scope);
  if (first.partial.deploylint !== options.version)
    throw new PartialMismatchError(
      `the partials were written by deploylint ${first.partial.deploylint}; this is ${options.version}: merge with the version that linted.`,
    );
  if (first.partial.config !== options.configFingerprint(first.partial.scope.only))
    throw new PartialMismatchError(
      "the partials were linted under another config than this one: merge in the same checkout, with the same --config.",
    );
  checkShardsCovered(partials);

  const owner = new Map<string, string>();
  for (const { name, partial } of partials)
    for (const file of partial.files) {
      const earlier = owner.get(file);
      if (earlier !== undefined)
        throw new PartialMismatchError(`${file} is in both ${earlier} and ${name}: the shards were split differently.`);
      owner.set(file, name);
    }
  if (fileSetHash(owner.keys()) !== first.partial.fileSet)
    throw new PartialMismatchError(
      "the shards together do not cover the checkout's files: the shards were split differently (were the files the same size on every machine?).",
    );

  const results: FileResult[] = [];
  const skipped: SkippedFile[] = [];
  for (const { name, partial } of partials) {
    for (const [file, stored] of partial.results) {
      if (owner.get(file) !== name)
        throw new PartialMismatchError(`${name} holds a result for ${file}, which is not one of its files.`);
      results.push(restoreResult(file, stored, true));
    }
    for (const entry of partial.skipped) skipped.push(entry);
  }
  // As in a single run: facts reach project rules in path order.
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const { scope } = first.partial;
  return completeRun({
    config: options.config,
    only: scope.only,
    phase: { results, skipped, preloaded: new Map() },
    changes: scope.changes,
    lintPaths: scope.lintPaths ? new Set(scope.lintPaths) : null,
    ...(options.debug ? { debug: options.debug } : {}),
  });
}

function checkShardsCovered(partials: { name: string; partial: PartialReport }[]): void {
  const total = partials[0]?.partial.shard.total ?? 0;
  const byIndex = new Map<number, string>();
  for (const { name, partial } of partials) {
    const earlier = byIndex.get(partial.shard.index);
    if (earlier !== undefined)
      throw new PartialMismatchError(`shard ${partial.shard.index}/${total} is given twice (${earlier} and ${name}).`);
    byIndex.set(partial.shard.index, name);
  }
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0)
    throw new PartialMismatchError(
      `shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${total}`).join(", ")} missing: merge needs every shard's partial report.`,
    );
}
