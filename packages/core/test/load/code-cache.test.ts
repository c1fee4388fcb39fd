// The V8 code cache for big CommonJS package files: used when present, rebuilt when the package's
// version changes, ignored (and rewritten) when damaged, and never in the way when it cannot be
// written. A fake package stands in for typescript: a file above the size threshold that requires
// a sibling, so the cached module must also keep a working `require`.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type CodeCacheEvent,
  codeCacheOptionsFromEnv,
  enableCodeCache,
  flushCodeCache,
} from "../../src/load/code-cache.js";
import { setV8Flags, v8FlagsInEffect, withV8Flags } from "../../src/load/v8-flags.js";

const MIN_BYTES = 4096;

let root: string;
let cacheDir: string;
let events: CodeCacheEvent[];
let disable: (() => void) | null;

function writePackage(version: string): string {
  const dir = join(root, "node_modules", "fake-parser");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "fake-parser", version, main: "main.js" }));
  writeFileSync(join(dir, "helper.js"), "exports.twice = (n) => n * 2;\n");
  writeFileSync(join(dir, "late.mjs"), "export const late = 'imported';\n");
  // The CLI bundle's way to import(): through a small file Node compiles (tools/build/bundle.mjs).
  writeFileSync(join(dir, "importer.cjs"), "module.exports = (specifier) => import(specifier);\n");
  // Functions enough to pass the threshold, and a body that runs some of them on load.
  const functions = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x + ${i}; }`).join("\n");
  writeFileSync(
    join(dir, "main.js"),
    `const { twice } = require("./helper.js");\n${functions}\nexports.answer = twice(f20(1));\nexports.version = ${JSON.stringify(version)};\nexports.importLate = () => require("./importer.cjs")("./late.mjs");\nexports.sum = () => ${Array.from({ length: 200 }, (_, i) => `f${i}(0)`).join(" + ")};\n`,
  );
  return join(dir, "main.js");
}

interface FakeParser {
  sum: () => number;
  answer: number;
  version: string;
  importLate: () => Promise<{ late: string }>;
}

/** A fresh load of the fake package, as a new process would do it. */
function loadModule(): FakeParser {
  const requireHere = createRequire(join(root, "index.js"));
  for (const key of Object.keys(requireHere.cache)) if (key.startsWith(root)) delete requireHere.cache[key];
  return requireHere("fake-parser") as FakeParser;
}

/** What the fake package computed on a fresh load. */
function load(): { answer: number; version: string } {
  const { answer, version } = loadModule();
  return { answer, version };
}

function cacheFiles(): string[] {
  const base = join(cacheDir, "fake-parser");
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function enable(dir = cacheDir): void {
  disable = enableCodeCache({ dir, minBytes: MIN_BYTES, writeAt: "load", onEvent: (event) => events.push(event) });
}

// V8 remembers a script compiled earlier in the same process and then never looks at the cached
// data offered: without this, a second load would say "hit" whatever the cache file held.
beforeAll(() => setFlagsFromString("--no-compilation-cache"));
afterAll(() => setFlagsFromString("--compilation-cache"));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "deploylint-code-cache-"));
  cacheDir = join(root, "cache");
  events = [];
  disable = null;
  writePackage("1.0.0");
});

afterEach(() => disable?.());

describe("code cache", () => {
  it("writes cached data on the first load and uses it on the next", () => {
    enable();
    expect(load()).toEqual({ answer: 42, version: "1.0.0" });
    expect(events).toEqual([{ file: "fake-parser@1.0.0/main.js", outcome: "miss", fromBytes: false }]);
    const [file] = cacheFiles();
    expect(file).toContain(join("fake-parser", "1.0.0", "main.js."));
    expect(
      readFileSync(file as string)
        .subarray(0, 8)
        .toString("latin1"),
    ).toBe("DLV8CC02");

    expect(load()).toEqual({ answer: 42, version: "1.0.0" });
    expect(events[1]).toEqual({ file: "fake-parser@1.0.0/main.js", outcome: "hit", fromBytes: false });
    expect(cacheFiles()).toHaveLength(1);
  });

  it("reads a big ASCII .cjs file as bytes (no UTF-8 decode, no hash of the string), and it still hits", () => {
    const file = join(root, "node_modules", "fake-parser", "bundle.cjs");
    writeFileSync(file, readFileSync(join(root, "node_modules", "fake-parser", "main.js"), "utf8"));
    const requireHere = createRequire(join(root, "index.js"));
    enable();
    expect((requireHere(file) as FakeParser).answer).toBe(42);
    delete requireHere.cache[file];
    expect((requireHere(file) as FakeParser).answer).toBe(42);
    expect(events).toEqual([
      { file: "fake-parser@1.0.0/bundle.cjs", outcome: "miss", fromBytes: true },
      { file: "fake-parser@1.0.0/bundle.cjs", outcome: "hit", fromBytes: true },
    ]);
  });

  it("leaves a .cjs file that is not all ASCII to Node's UTF-8 read, so its text is not misread", () => {
    const file = join(root, "node_modules", "fake-parser", "accents.cjs");
    const filler = Array.from({ length: 200 }, (_, i) => `function g${i}(x) { return x + ${i}; }`).join("\n");
    writeFileSync(file, `${filler}\nexports.text = "caf\u00e9 \u20ac \u{1f600}";\nexports.raw = "café €";\n`);
    const requireHere = createRequire(join(root, "index.js"));
    enable();
    const loaded = requireHere(file) as { text: string; raw: string };
    expect(loaded.raw).toBe("café €");
    expect(loaded.raw).toBe(loaded.text.slice(0, 6));
    expect(events).toEqual([{ file: "fake-parser@1.0.0/accents.cjs", outcome: "miss", fromBytes: false }]);
  });

  it("leaves small files (the helper) to Node's own compile", () => {
    enable();
    load();
    expect(events.map((e) => e.file)).toEqual(["fake-parser@1.0.0/main.js"]);
  });

  it("rebuilds the cache when the package's version changes, and drops the old version's", () => {
    enable();
    load();
    writePackage("1.1.0");
    expect(load()).toEqual({ answer: 42, version: "1.1.0" });
    expect(events[1]).toEqual({ file: "fake-parser@1.1.0/main.js", outcome: "miss", fromBytes: false });
    const files = cacheFiles();
    expect(files).toHaveLength(1);
    expect(files[0]).toContain(join("fake-parser", "1.1.0"));
    load();
    expect(events[2]?.outcome).toBe("hit");
  });

  it("keys data by the file's text: a reinstall (new modification times) hits, a changed text misses and replaces it", () => {
    enable();
    load();
    // `npm ci` writes every file anew: same text, new time.
    const main = join(root, "node_modules", "fake-parser", "main.js");
    utimesSync(main, new Date(2030, 0, 1), new Date(2030, 0, 1));
    load();
    expect(events.map((e) => e.outcome)).toEqual(["miss", "hit"]);
    // A rebuild with the same version and length: V8 alone would take the old data for it.
    const text = readFileSync(main, "utf8");
    writeFileSync(main, text.replace("exports.answer = twice(f20(1));", "exports.answer = twice(f21(1));"));
    expect(load().answer).toBe(44);
    expect(events[2]?.outcome).toBe("miss");
    expect(cacheFiles()).toHaveLength(1);
    load();
    expect(events[3]?.outcome).toBe("hit");
  });

  it("ignores a damaged cache file, loads the package all the same, and rewrites it", () => {
    enable();
    load();
    const [file] = cacheFiles() as [string];
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(file, bytes);
    expect(load()).toEqual({ answer: 42, version: "1.0.0" });
    expect(events[1]?.outcome).toBe("corrupt");
    load();
    expect(events[2]?.outcome).toBe("hit");

    writeFileSync(file, "not a cache");
    expect(load().answer).toBe(42);
    expect(events[3]?.outcome).toBe("corrupt");
  });

  it("ignores data V8 rejects even when its checksum holds, and rewrites it", () => {
    enable();
    load();
    const [file] = cacheFiles() as [string];
    const payload = Buffer.from("data of some other V8 build");
    const cost = Buffer.alloc(4);
    const digest = createHash("sha256").update(cost).update(payload).digest();
    writeFileSync(file, Buffer.concat([Buffer.from("DLV8CC02", "latin1"), digest, cost, payload]));
    expect(load().answer).toBe(42);
    expect(events[1]?.outcome).toBe("rejected");
    load();
    expect(events[2]?.outcome).toBe("hit");
  });

  it("loads normally when the cache folder cannot be written", () => {
    const blocker = join(root, "a-file");
    writeFileSync(blocker, "");
    enable(join(blocker, "cache"));
    expect(load()).toEqual({ answer: 42, version: "1.0.0" });
    expect(load()).toEqual({ answer: 42, version: "1.0.0" });
    expect(events.map((e) => e.outcome)).toEqual(["unwritable", "unwritable"]);
  });

  it("written at exit (the main thread's default), waits for the flush, so lazily compiled code is included", () => {
    disable = enableCodeCache({
      dir: cacheDir,
      minBytes: MIN_BYTES,
      writeAt: "exit",
      onEvent: (event) => events.push(event),
    });
    load();
    expect(cacheFiles()).toEqual([]);
    flushCodeCache();
    expect(events).toEqual([{ file: "fake-parser@1.0.0/main.js", outcome: "miss", fromBytes: false }]);
    expect(cacheFiles()).toHaveLength(1);
    load();
    expect(events[1]?.outcome).toBe("hit");
  });

  it("rewrites the data at the exit of a run that cost twice what the writing run did, with what it compiled", () => {
    let cost = 100;
    disable = enableCodeCache({
      dir: cacheDir,
      minBytes: MIN_BYTES,
      writeAt: "exit",
      runCost: () => cost,
      onEvent: (event) => events.push(event),
    });
    const recorded = () => readFileSync(cacheFiles()[0] as string).readUInt32LE(40);
    const size = () => readFileSync(cacheFiles()[0] as string).length;
    // A small run (deploylint in an empty folder) writes the data: its functions only.
    load();
    flushCodeCache();
    expect(recorded()).toBe(100);
    const small = size();
    // A run that costs less than twice as much leaves it.
    cost = 199;
    expect(loadModule().sum()).toBe(19900);
    flushCodeCache();
    expect(events.map((e) => e.outcome)).toEqual(["miss", "hit"]);
    expect(recorded()).toBe(100);
    // One that costs twice as much writes it again, with the functions it compiled lazily.
    cost = 200;
    expect(loadModule().sum()).toBe(19900);
    flushCodeCache();
    expect(events.map((e) => e.outcome)).toEqual(["miss", "hit", "hit", "grown"]);
    expect(recorded()).toBe(200);
    expect(size()).toBeGreaterThan(small);
    // The bar is now twice that run's cost; the rewritten data hits.
    cost = 399;
    load();
    flushCodeCache();
    expect(events.map((e) => e.outcome)).toEqual(["miss", "hit", "hit", "grown", "hit"]);
  });

  it("reads a file of the previous format (no cost recorded) as no data, and replaces it", () => {
    enable();
    load();
    const [file] = cacheFiles() as [string];
    const payload = Buffer.from("data of the previous format");
    const digest = createHash("sha256").update(payload).digest();
    writeFileSync(file, Buffer.concat([Buffer.from("DLV8CC01", "latin1"), digest, payload]));
    expect(load().answer).toBe(42);
    expect(events[1]?.outcome).toBe("miss");
    load();
    expect(events[2]?.outcome).toBe("hit");
  });

  it("by default writes beside the package only when that lies inside the working directory", () => {
    const defaultDir = join(root, "node_modules", ".cache", "deploylint", "code-cache", "fake-parser");
    const options = { minBytes: MIN_BYTES, writeAt: "load" as const, onEvent: (e: CodeCacheEvent) => events.push(e) };
    // Started elsewhere (a global or npx install): compiled as usual, nothing written there.
    disable = enableCodeCache({ ...options, within: join(root, "elsewhere") });
    expect(load()).toEqual({ answer: 42, version: "1.0.0" });
    expect(events).toEqual([]);
    expect(existsSync(defaultDir)).toBe(false);
    disable();
    // Started in the project that holds node_modules: cached beside the package.
    disable = enableCodeCache({ ...options, within: root });
    load();
    expect(events).toEqual([{ file: "fake-parser@1.0.0/main.js", outcome: "miss", fromBytes: false }]);
    expect(existsSync(defaultDir)).toBe(true);
  });

  it("lets a cached file import() through a file Node compiles, from a miss and from a hit (as the CLI bundle does)", async () => {
    enable();
    expect(await loadModule().importLate()).toEqual(expect.objectContaining({ late: "imported" }));
    expect(await loadModule().importLate()).toEqual(expect.objectContaining({ late: "imported" }));
    expect(events.map((e) => e.outcome)).toEqual(["miss", "hit"]);
  });

  it("writes the data of a file compiled before a V8 flag change under the flags it was compiled with", () => {
    // The CLI is compiled at start-up and its cache written at exit, after the engine set its
    // flags: data written under those would carry their hash, and the next run, compiling before
    // the change again, would reject it every time.
    const change = { set: "--max-optimized-bytecode-size=60001", undo: ["--max-optimized-bytecode-size=61440"] };
    disable = enableCodeCache({ dir: cacheDir, minBytes: MIN_BYTES, writeAt: "exit", onEvent: (e) => events.push(e) });
    load();
    setV8Flags([change]);
    try {
      flushCodeCache();
      expect(v8FlagsInEffect()).toEqual([change]);
      // The next process: compiled before any flag change.
      withV8Flags([], () => load());
      expect(events.map((e) => e.outcome)).toEqual(["miss", "hit"]);
    } finally {
      withV8Flags([], () => undefined);
      setFlagsFromString("--max-optimized-bytecode-size=61440");
      (globalThis as Record<symbol, unknown>)[Symbol.for("deploylint.v8-flag-changes")] = [];
    }
  });

  it("stops when disabled", () => {
    enable();
    disable?.();
    load();
    expect(events).toEqual([]);
    expect(cacheFiles()).toEqual([]);
  });
});

describe("codeCacheOptionsFromEnv", () => {
  it("defaults to the cache beside the packages, takes a folder, and can be turned off", () => {
    expect(codeCacheOptionsFromEnv({})).toEqual({});
    expect(codeCacheOptionsFromEnv({ DEPLOYLINT_CODE_CACHE: "/tmp/cc" })).toEqual({ dir: "/tmp/cc" });
    for (const off of ["off", "0", "false", "OFF"])
      expect(codeCacheOptionsFromEnv({ DEPLOYLINT_CODE_CACHE: off })).toBeNull();
  });
});
