// --cache: per-file results keyed by content hash, under a file named by the config hash and the
// deploylint version, so a config or version change never serves stale findings. Results hold
// masked messages and value-free fingerprints; facts hold secrets only as keyed hashes, under a
// random key kept beside the cache (mode 0600), and even content hashes are keyed, because the git
// blob id of a small env file is a fast unsalted hash a dictionary can confirm. A cache that cannot
// be read or written is never fatal: the run goes on without it and says so in one line.
import * as crypto from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FileResult } from "./lint-file.js";

export interface FileCache {
  /**
   * The key facts hash secrets under (hex). It lives beside the cache, so that facts from an
   * earlier run compare with this run's; it never appears in the cache file itself.
   */
  readonly secretKey: string;
  /**
   * The cached result for this content. A run that needs only the file's facts (the file is
   * outside --staged / --changed-since) may reuse a complete result from an earlier full run.
   */
  get(path: string, contentKey: string, options: { complete: boolean }): FileResult | undefined;
  /** `complete`: file rules ran (not only extractors). */
  set(path: string, contentKey: string, result: FileResult, complete: boolean): void;
  /** Writes the cache atomically (temp file + rename); a failure is a warning, never a crash. */
  save(): void;
}

/** The cache cannot be used at all (its folder or key cannot be created or read): run without it. */
export class CacheUnavailableError extends Error {
  override name = "CacheUnavailableError";
}

export const SECRET_KEY_FILE = "secret-hash.key";

/** A fresh random key: a run without a cache hashes its secrets under one no one else ever sees. */
export function newSecretKey(): string {
  return crypto.randomBytes(32).toString("hex");
}

// Compact on disk: a pre-commit hook reads the whole cache of a 10k-file repository on every
// commit, and most entries have nothing but a key. An entry is [keyed content hash, complete (1/0),
// and the result's non-empty lists]; the file path is the entry's name. Format 4: keyed hashes
// under the secret-prefix construction below (format 3 used HMAC).
const FORMAT = 4;

export type StoredResult = Partial<Omit<FileResult, "file">>;
type StoredEntry = [key: string, complete: 0 | 1, result?: StoredResult];

interface CacheFile {
  format: typeof FORMAT;
  /** Identifies the secret key the entries were hashed under: a new key starts an empty cache. */
  keyId: string;
  entries: Record<string, StoredEntry>;
}

/** A result without its empty lists: the cache's entries and a shard's partial report store this. */
export function storeResult(result: FileResult): StoredResult | undefined {
  const stored: StoredResult = {};
  if (result.findings.length > 0) stored.findings = result.findings;
  if (result.facts.length > 0) stored.facts = result.facts;
  if (result.directives.length > 0) stored.directives = result.directives;
  if (result.ranRules.length > 0) stored.ranRules = result.ranRules;
  if (result.companions !== undefined) stored.companions = result.companions;
  if (result.notes !== undefined) stored.notes = result.notes;
  return Object.keys(stored).length > 0 ? stored : undefined;
}

export function restoreResult(path: string, stored: StoredResult | undefined, withFindings: boolean): FileResult {
  return {
    file: path,
    findings: withFindings ? (stored?.findings ?? []) : [],
    facts: stored?.facts ?? [],
    directives: stored?.directives ?? [],
    ranRules: withFindings ? (stored?.ranRules ?? []) : [],
    ...(stored?.companions !== undefined ? { companions: stored.companions } : {}),
    ...(stored?.notes !== undefined ? { notes: stored.notes } : {}),
  };
}

function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string";
}

function describe(error: NodeJS.ErrnoException): string {
  return (error.message.split("\n")[0] ?? error.code ?? "").trim();
}

/**
 * SHA-256 of the secret key followed by the text. Every lookup computes one (a pre-commit run over
 * a 10k-file repository, 10k of them), and an HMAC object per call cost ~6 us where one one-shot
 * hash costs ~1.5 us. The secret-prefix construction is safe for this use: the key is 256 random
 * bits no one else sees, and what it must prevent is confirming a guessed content hash, which needs
 * the key; length extension only yields digests of longer texts and confirms nothing.
 */
function keyed(secretKey: string, text: string): string {
  const input = `${secretKey}\0${text}`;
  // crypto.hash arrived in Node 20.12; the package supports 20.10.
  const digest = crypto.hash
    ? crypto.hash("sha256", input, "hex")
    : crypto.createHash("sha256").update(input).digest("hex");
  return digest.slice(0, 32);
}

/** Reads the key beside the cache, or creates it (mode 0600) on first use or when it is damaged. */
function loadSecretKey(location: string): string {
  const file = join(location, SECRET_KEY_FILE);
  mkdirSync(location, { recursive: true, mode: 0o700 });
  try {
    const text = readFileSync(file, "utf8").trim();
    if (/^[0-9a-f]{64}$/.test(text)) {
      // A cache restored by a CI step or copied around may have lost its mode: the key is the owner's only.
      if (process.platform !== "win32" && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      return text;
    }
  } catch (error) {
    if (!isFsError(error) || error.code !== "ENOENT") throw error;
  }
  const key = newSecretKey();
  // Temp file and rename: a concurrent run sees the old key or the new one, never half a key.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${key}\n`, { mode: 0o600 });
  renameSync(temp, file);
  return key;
}

function readCacheFile(file: string, keyId: string): CacheFile {
  const empty: CacheFile = { format: FORMAT, keyId, entries: {} };
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (isFsError(error) && error.code === "ENOENT") return empty;
    throw error;
  }
  try {
    const data = JSON.parse(text) as Partial<CacheFile>;
    if (data.format === FORMAT && data.keyId === keyId && typeof data.entries === "object" && data.entries !== null)
      return data as CacheFile;
  } catch (error) {
    // A damaged cache starts empty and is rewritten: the cache is only ever an accelerator.
    if (!(error instanceof SyntaxError)) throw error;
  }
  return empty;
}

/**
 * Opens the cache in `location`. Throws CacheUnavailableError (one line, naming the location and the
 * system's reason) when its folder, key or file cannot be created or read; the caller runs uncached.
 */
export function openFileCache(options: {
  location: string;
  configHash: string;
  version: string;
  /** Receives the one-line warning when the cache cannot be written at the end of the run. */
  warn: (message: string) => void;
  /**
   * A shard's run hashes secrets under the key all shards share, not the one beside the cache: its
   * entries go to a file of their own, so that plain runs keep theirs.
   */
  shardKey?: string;
}): FileCache {
  const variant = options.shardKey !== undefined ? "-shard" : "";
  const file = join(
    options.location,
    `deploylint-${options.version}-${options.configHash.slice(0, 16)}${variant}.json`,
  );
  let secretKey: string;
  let data: CacheFile;
  try {
    if (options.shardKey !== undefined) mkdirSync(options.location, { recursive: true, mode: 0o700 });
    secretKey = options.shardKey ?? loadSecretKey(options.location);
    data = readCacheFile(file, keyed(secretKey, "deploylint cache key id"));
  } catch (error) {
    if (!isFsError(error)) throw error;
    throw new CacheUnavailableError(
      `cannot use the cache in ${options.location} (${describe(error)}); running without it.`,
    );
  }
  const fresh: CacheFile = { format: FORMAT, keyId: data.keyId, entries: {} };
  // Rewriting an unchanged cache costs a pre-commit hook tens of milliseconds for nothing.
  let dirty = false;
  return {
    secretKey,
    get(path, contentKey, { complete }) {
      const entry = data.entries[path];
      if (!Array.isArray(entry) || entry[0] !== keyed(secretKey, contentKey) || (complete && entry[1] !== 1))
        return undefined;
      fresh.entries[path] = entry;
      return restoreResult(path, entry[2], complete);
    },
    set(path, contentKey, result, complete) {
      const key = keyed(secretKey, contentKey);
      // A facts-only result never replaces a complete one for the same content.
      const previous = fresh.entries[path];
      if (previous?.[0] === key && previous[1] === 1 && !complete) return;
      const stored = storeResult(result);
      fresh.entries[path] = stored ? [key, complete ? 1 : 0, stored] : [key, complete ? 1 : 0];
      dirty = true;
    },
    save() {
      const dropped = Object.keys(data.entries).some((path) => !(path in fresh.entries));
      if (!dirty && !dropped) return;
      const temp = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, JSON.stringify(fresh), { mode: 0o600 });
        renameSync(temp, file);
      } catch (error) {
        if (!isFsError(error)) throw error;
        options.warn(
          `cannot write the cache in ${options.location} (${describe(error)}); this run's results were not cached.`,
        );
        removeQuietly(temp);
      }
    },
  };
}

// Cleanup after a failed write; the warning about that write has already been given.
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch (error) {
    if (!isFsError(error)) throw error;
  }
}
