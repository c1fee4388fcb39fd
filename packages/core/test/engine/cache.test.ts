// The file cache: keyed hashes only, a key beside it (mode 0600), and failures that are warnings.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { CacheUnavailableError, openFileCache, SECRET_KEY_FILE } from "../../src/engine/cache.js";
import { contentKey } from "../../src/engine/fingerprint.js";
import type { FileResult } from "../../src/engine/lint-file.js";

vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  return { ...actual, writeFileSync: vi.fn(actual.writeFileSync) };
});

const TEXT = "SESSION_SECRET=Zx9qT4mW2vB7kLp3\n";

function result(): FileResult {
  return {
    file: ".env.production",
    findings: [],
    facts: [{ type: "secrets:env-secret", data: { key: "SESSION_SECRET", hash: "0123456789abcdef0123456789abcdef" } }],
    directives: [],
    ranRules: [],
  };
}

function open(location: string, warn = vi.fn()) {
  return { cache: openFileCache({ location, configHash: "c".repeat(64), version: "1.0.0", warn }), warn };
}

function failingWrite(code: string) {
  const error = Object.assign(new Error(`${code}: simulated failure, write`), { code });
  // The next write is the cache file's (the key was written when the cache was opened).
  vi.mocked(fs.writeFileSync).mockImplementationOnce(() => {
    throw error;
  });
}

describe("openFileCache", () => {
  it("creates a random key beside the cache, mode 0600, and reuses it", () => {
    const location = join(mkdtempSync(join(tmpdir(), "dl-cache-")), "cache");
    const first = open(location).cache;
    const keyFile = join(location, SECRET_KEY_FILE);
    expect(readFileSync(keyFile, "utf8").trim()).toBe(first.secretKey);
    expect(first.secretKey).toMatch(/^[0-9a-f]{64}$/);
    if (process.platform !== "win32") expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(open(location).cache.secretKey).toBe(first.secretKey);
    if (process.platform === "win32") return;
    fs.chmodSync(keyFile, 0o644);
    expect(open(location).cache.secretKey).toBe(first.secretKey);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it("stores neither the file's git blob id nor anything but keyed hashes as entry keys", () => {
    const location = mkdtempSync(join(tmpdir(), "dl-cache-"));
    const { cache } = open(location);
    const key = contentKey(TEXT);
    cache.set(".env.production", key, result(), true);
    cache.save();
    const stored = fs
      .readdirSync(location)
      .filter((name) => name.endsWith(".json"))
      .map((name) => readFileSync(join(location, name), "utf8"))
      .join("");
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(createHash("sha256").update(TEXT).digest("hex").slice(0, 16));
    // The same content is found again by a later run with the same key.
    expect(open(location).cache.get(".env.production", key, { complete: true })?.facts).toEqual(result().facts);
  });

  it("keeps a result's --debug notes, so a cached run still says why a file was left alone", () => {
    const location = mkdtempSync(join(tmpdir(), "dl-cache-"));
    const { cache } = open(location);
    const notes = ["SQL left alone: written for ClickHouse (it has a MergeTree table engine)"];
    cache.set("db/migrations/1.sql", contentKey("x"), { ...result(), file: "db/migrations/1.sql", notes }, true);
    cache.save();
    expect(open(location).cache.get("db/migrations/1.sql", contentKey("x"), { complete: true })?.notes).toEqual(notes);
  });

  it("starts empty when the key was replaced: hashes under another key compare with nothing", () => {
    const location = mkdtempSync(join(tmpdir(), "dl-cache-"));
    const { cache } = open(location);
    cache.set(".env.production", contentKey(TEXT), result(), true);
    cache.save();
    writeFileSync(join(location, SECRET_KEY_FILE), "damaged\n");
    const reopened = open(location).cache;
    expect(reopened.secretKey).not.toBe(cache.secretKey);
    expect(reopened.get(".env.production", contentKey(TEXT), { complete: true })).toBeUndefined();
  });

  it("throws one CacheUnavailableError line when a file stands where the folder should be", () => {
    const parent = mkdtempSync(join(tmpdir(), "dl-cache-"));
    writeFileSync(join(parent, "file"), "");
    expect(() => open(join(parent, "file"))).toThrow(CacheUnavailableError);
    expect(() => open(join(parent, "file"))).toThrow(/^cannot use the cache in .*file \(.+\); running without it\.$/);
  });

  for (const code of ["ENOSPC", "EACCES", "EROFS"]) {
    it(`warns in one line and does not throw when saving fails with ${code}`, () => {
      const location = mkdtempSync(join(tmpdir(), "dl-cache-"));
      const { cache, warn } = open(location);
      cache.set(".env.production", contentKey(TEXT), result(), true);
      failingWrite(code);
      expect(() => cache.save()).not.toThrow();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toMatch(
        new RegExp(`^cannot write the cache in .+ \\(${code}: [^\\n]+\\); this run's results were not cached\\.$`),
      );
      expect(fs.readdirSync(location).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    });
  }

  it("lets an error that is not the file system's through (a bug must not pass for a full disk)", () => {
    const location = mkdtempSync(join(tmpdir(), "dl-cache-"));
    const { cache } = open(location);
    cache.set(".env.production", contentKey(TEXT), result(), true);
    vi.mocked(fs.writeFileSync).mockImplementationOnce(() => {
      throw new TypeError("not an fs error");
    });
    expect(() => cache.save()).toThrow(TypeError);
  });
});
