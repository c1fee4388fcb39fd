// --cache: per-file results keyed by content hash, under a file named by the config hash and the
// deploylint version, so a config or version change never serves stale findings. Results hold
// masked messages and hashed spans only: no secret value reaches the cache.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { FileResult } from "./lint-file.js";

export interface FileCache {
  get(path: string, contentKey: string): FileResult | undefined;
  set(path: string, contentKey: string, result: FileResult): void;
  /** Writes the cache atomically (temp file + rename). */
  save(): void;
}

interface CacheFile {
  entries: Record<string, { key: string; result: FileResult }>;
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
  return {
    get(path, contentKey) {
      const entry = data.entries[path];
      if (entry?.key !== contentKey) return undefined;
      fresh.entries[path] = entry;
      return entry.result;
    },
    set(path, contentKey, result) {
      fresh.entries[path] = { key: contentKey, result };
    },
    save() {
      mkdirSync(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(fresh));
      renameSync(temp, file);
    },
  };
}
