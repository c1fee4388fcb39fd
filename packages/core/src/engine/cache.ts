// --cache: per-file results keyed by content hash, under a file named by the config hash and the
// deploylint version, so a config or version change never serves stale findings. Results hold
// masked messages and hashed spans only: no secret value reaches the cache.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { FileResult } from "./lint-file.js";

export interface FileCache {
  /**
   * The cached result for this content. A run that needs only the file's facts (the file is
   * outside --staged / --changed-since) may reuse a complete result from an earlier full run.
   */
  get(path: string, contentKey: string, options: { complete: boolean }): FileResult | undefined;
  /** `complete`: file rules ran (not only extractors). */
  set(path: string, contentKey: string, result: FileResult, complete: boolean): void;
  /** Writes the cache atomically (temp file + rename). */
  save(): void;
}

// Compact on disk: a pre-commit hook reads the whole cache of a 10k-file repository on every
// commit, and most entries have nothing but a key. An entry is [content key, complete (1/0),
// and the result's non-empty lists]; the file path is the entry's name.
const FORMAT = 2;

type StoredResult = Partial<Omit<FileResult, "file">>;
type StoredEntry = [key: string, complete: 0 | 1, result?: StoredResult];

interface CacheFile {
  format: typeof FORMAT;
  entries: Record<string, StoredEntry>;
}

function store(result: FileResult): StoredResult | undefined {
  const stored: StoredResult = {};
  if (result.findings.length > 0) stored.findings = result.findings;
  if (result.facts.length > 0) stored.facts = result.facts;
  if (result.directives.length > 0) stored.directives = result.directives;
  if (result.ranRules.length > 0) stored.ranRules = result.ranRules;
  if (result.companions !== undefined) stored.companions = result.companions;
  return Object.keys(stored).length > 0 ? stored : undefined;
}

function restore(path: string, stored: StoredResult | undefined, withFindings: boolean): FileResult {
  return {
    file: path,
    findings: withFindings ? (stored?.findings ?? []) : [],
    facts: stored?.facts ?? [],
    directives: stored?.directives ?? [],
    ranRules: withFindings ? (stored?.ranRules ?? []) : [],
    ...(stored?.companions !== undefined ? { companions: stored.companions } : {}),
  };
}

function readCacheFile(file: string): CacheFile {
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<CacheFile>;
    if (data.format === FORMAT && typeof data.entries === "object" && data.entries !== null) return data as CacheFile;
  } catch {
    // No cache yet, or a damaged one: start empty (the cache is only ever an accelerator).
  }
  return { format: FORMAT, entries: {} };
}

export function openFileCache(options: { location: string; configHash: string; version: string }): FileCache {
  const file = join(options.location, `deploylint-${options.version}-${options.configHash.slice(0, 16)}.json`);
  const data = readCacheFile(file);
  const fresh: CacheFile = { format: FORMAT, entries: {} };
  // Rewriting an unchanged cache costs a pre-commit hook tens of milliseconds for nothing.
  let dirty = false;
  return {
    get(path, contentKey, { complete }) {
      const entry = data.entries[path];
      if (!Array.isArray(entry) || entry[0] !== contentKey || (complete && entry[1] !== 1)) return undefined;
      fresh.entries[path] = entry;
      return restore(path, entry[2], complete);
    },
    set(path, contentKey, result, complete) {
      // A facts-only result never replaces a complete one for the same content.
      const previous = fresh.entries[path];
      if (previous?.[0] === contentKey && previous[1] === 1 && !complete) return;
      const stored = store(result);
      fresh.entries[path] = stored ? [contentKey, complete ? 1 : 0, stored] : [contentKey, complete ? 1 : 0];
      dirty = true;
    },
    save() {
      const dropped = Object.keys(data.entries).some((path) => !(path in fresh.entries));
      if (!dirty && !dropped) return;
      mkdirSync(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(fresh));
      renameSync(temp, file);
    },
  };
}
