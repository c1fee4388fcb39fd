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

interface CacheFile {
  entries: Record<string, { key: string; complete: boolean; result: FileResult }>;
}

export function openFileCache(options: { location: string; configHash: string; version: string }): FileCache {
  const file = join(options.location, `deploylint-${options.version}-${options.configHash.slice(0, 16)}.json`);
  let data: CacheFile = { entries: {} };
  try {
    data = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
  } catch {
    // No cache yet, or a damaged one: start empty (the cache is only ever an accelerator).
  }
  const fresh: CacheFile = { entries: {} };
  // Rewriting an unchanged cache costs a pre-commit hook tens of milliseconds for nothing.
  let dirty = false;
  return {
    get(path, contentKey, { complete }) {
      const entry = data.entries[path];
      if (entry?.key !== contentKey || (complete && !entry.complete)) return undefined;
      fresh.entries[path] = entry;
      return complete ? entry.result : { ...entry.result, findings: [], ranRules: [] };
    },
    set(path, contentKey, result, complete) {
      // A facts-only result never replaces a complete one for the same content.
      const previous = fresh.entries[path];
      if (previous?.key === contentKey && previous.complete && !complete) return;
      fresh.entries[path] = { key: contentKey, complete, result };
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
