// A V8 code cache for the big CommonJS files our parsers ship (typescript.js is 9 MB, sql-parser-cst's
// parser 6.5 MB) and for the CLI itself (bundle/cli.cjs, 2.4 MB). Node compiles such a file from
// scratch on every start, which is most of a small run's time; Node 20 has no `module.enableCompileCache`, so we keep V8's cached data ourselves.
//
// While enabled, CommonJS files at or above a size threshold that belong to a package (a
// package.json with a name and version above them) are compiled through vm.Script with the cached
// data of an earlier run. The cache file is keyed by the package's name and version, the file's
// path and a digest of its text, and Node's version and architecture, so an upgrade or a rebuild
// never feeds V8 bytecode of another source (V8 itself checks only the source's length). The digest,
// not the modification time: every `npm ci` gives the files new times, and a CI job that keeps the
// cache folder between installs would otherwise never hit it. A big `.cjs` file (the CLI) is read as
// bytes and digested as such (loadCommonJs). Every failure (no folder, unwritable, corrupt, rejected by V8)
// falls back to an ordinary compile: the cache only ever makes loading faster, never different.
//
// A cached file cannot call import() itself: its vm.Script has no module loader behind it, and V8 11
// (Node 20) drops a script's import() support when it reads the script back from a cache anyway.
// The CLI bundle routes its import() calls through a small file Node compiles (tools/build/bundle.mjs).
import { isAscii } from "node:buffer";
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import Module, { createRequire } from "node:module";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
import { Script } from "node:vm";
import { isMainThread } from "node:worker_threads";
import { readWhole } from "../discovery/read-whole.js";
import { type V8FlagChange, v8FlagsInEffect, withV8Flags } from "./v8-flags.js";

/** What happened to one file, for `--debug`. */
export type CodeCacheOutcome =
  /** Cached data was found, passed its checksum and V8 accepted it. */
  | "hit"
  /** No cached data yet (first run, or a new package version): compiled and written. */
  | "miss"
  /** The cache file failed its checksum (truncated, overwritten): ignored and rewritten. */
  | "corrupt"
  /** V8 rejected the data (another V8 build or flags): ignored and rewritten. */
  | "rejected"
  /** The cache folder could not be written: the next run compiles again. */
  | "unwritable"
  /**
   * At exit after a hit: this run cost much more than the one that wrote the data (growthFactor),
   * so the data was written again, now also holding the functions this run compiled lazily.
   */
  | "grown";

export interface CodeCacheEvent {
  /** "name@version/path/in/package". */
  file: string;
  outcome: CodeCacheOutcome;
  /** The file was read and digested as bytes (an ASCII `.cjs` file), not through Node's UTF-8 read. */
  fromBytes: boolean;
}

export interface CodeCacheOptions {
  /**
   * Where cache files go. Default: beside the package they cache, in
   * `<its node_modules>/.cache/deploylint/code-cache` (the folder npm tools use for caches, and the
   * one deploylint's --cache defaults to), so the cache lives and dies with the install.
   */
  dir?: string;
  /**
   * Without an explicit `dir`, the cache is used only when its default folder lies inside this one
   * (default: the process's working directory). deploylint writes nothing outside the directory it
   * was started in: a global or npx install keeps its node_modules elsewhere, and then compiles as
   * usual instead of writing there.
   */
  within?: string;
  /** Smaller files are compiled as usual: reading and checking a cache costs more than it saves. */
  minBytes?: number;
  onEvent?: (event: CodeCacheEvent) => void;
  /**
   * When new cached data is written. "exit" (the default on the main thread) waits for the process
   * to end, so the data also holds the functions the run compiled lazily, a file's first parse
   * among them (it then costs half). "load" writes as soon as the module has run: the default in
   * worker threads, which the pool terminates without an exit event.
   */
  writeAt?: "load" | "exit";
  /**
   * What a run cost so far, in milliseconds (default: the process's CPU time). Data written at exit
   * records it; a later run that costs GROWTH_FACTOR times as much rewrites the data at its exit.
   */
  runCost?: () => number;
}

/** Set in the environment to `off` (or `0`, `false`) to disable the cache, or to a folder to use. */
export const CODE_CACHE_ENV = "DEPLOYLINT_CODE_CACHE";

// PostgreSQL's grammar comes with 61 KB of Emscripten glue (libpg-query/wasm/libpg-query.js) that
// every run with migrations compiled afresh, its ~100 functions one by one: cached, the example shop
// ran ~9 M instructions (~0.7%) fewer. Checking a cache file costs a package.json read, a file
// read and two digests of a few dozen KB, so below this size a compile is as cheap.
const DEFAULT_MIN_BYTES = 32 * 1024;
// Magic, format version, a SHA-256 of the rest (V8 checks its data's version and source length, not
// its integrity, so a damaged file must be caught before V8 sees it), then the cost of the run that
// wrote the data (uint32, ms) and V8's data.
const MAGIC = Buffer.from("DLV8CC02", "latin1");
/** The format before the writing run's cost was recorded: read as no data, and replaced. */
const OLD_MAGIC = Buffer.from("DLV8CC01", "latin1");
const DIGEST_BYTES = 32;
const COST_BYTES = 4;
const HEADER_BYTES = MAGIC.length + DIGEST_BYTES;

/**
 * Data written at exit holds what its run compiled: the CLI's data from a run in an empty folder (or
 * of `deploylint rules`) lacks the functions of every rule and parser a real run calls, and all later
 * runs compiled them afresh (linkwarden: 1.12 s of CPU instead of 1.05). A run that costs this many
 * times as much as the one that wrote the data writes it again at its exit (~25 ms for the CLI's),
 * so a cache converges on the biggest runs after a few rewrites at most (each doubles the bar).
 */
const GROWTH_FACTOR = 2;

interface PackageIdentity {
  name: string;
  version: string;
  root: string;
}

type Compile = (this: Module, content: string, filename: string, ...rest: unknown[]) => unknown;
interface CompilingModule {
  _compile: Compile;
}
type LoadExtension = (this: unknown, module: Module, filename: string) => unknown;
/** Node's loaders by file extension; a `.cjs` file is loaded by the `.js` one. */
const extensions = (Module as unknown as { _extensions: Record<string, LoadExtension> })._extensions;

/**
 * The text of the last big `.cjs` file read as bytes (loadCommonJs), with its digest: the compile
 * hook then needs neither Node's UTF-8 read nor a hash of the string (the CLI bundle: ~25 ms and
 * ~9 ms of every cold start, against ~16 ms and ~1.5 ms from its bytes).
 */
let readAsBytes: { filename: string; text: string; digest: string } | null = null;

let disableCurrent: (() => void) | null = null;

interface PendingWrite {
  /** A hit whose data a costlier run rewrites: the cost of the run that wrote it (GROWTH_FACTOR). */
  grownFrom?: number;
  slot: CacheSlot;
  script: Script;
  /** The V8 flags the file was compiled under: its data must be written under them (v8-flags.ts). */
  flags: readonly V8FlagChange[];
  version: string;
  outcome: CodeCacheOutcome;
  fromBytes: boolean;
  onEvent: CodeCacheOptions["onEvent"];
  runCost: () => number;
}
const pending: PendingWrite[] = [];
let exitHookInstalled = false;

/** The options the environment asks for: null when it turns the cache off. */
export function codeCacheOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): CodeCacheOptions | null {
  const value = env[CODE_CACHE_ENV]?.trim();
  if (value === undefined || value === "") return {};
  if (["off", "0", "false", "no"].includes(value.toLowerCase())) return null;
  return { dir: value };
}

/**
 * Routes the compilation of big CommonJS package files through the code cache, from now until the
 * returned function is called (a second call replaces the first). Call it once, before any parser
 * is required.
 */
export function enableCodeCache(options: CodeCacheOptions = {}): () => void {
  disableCurrent?.();
  const prototype = Module.prototype as unknown as CompilingModule;
  const original = prototype._compile;
  const minBytes = options.minBytes ?? DEFAULT_MIN_BYTES;
  prototype._compile = function compileWithCodeCache(content, filename, ...rest) {
    const read = readAsBytes?.filename === filename && readAsBytes.text === content ? readAsBytes : null;
    readAsBytes = null;
    // A hashbang is legal only at the very start of a script, which the CommonJS wrapper is not.
    if (content.length < minBytes || content.startsWith("#!")) return original.call(this, content, filename, ...rest);
    const identity = packageOf(filename);
    if (identity === null) return original.call(this, content, filename, ...rest);
    if (options.dir === undefined && !isInside(options.within ?? process.cwd(), defaultCacheDir(filename)))
      return original.call(this, content, filename, ...rest);
    const digest = read?.digest ?? digestOf(Buffer.from(content, "utf8"));
    return compileCached({ module: this, content, digest, fromBytes: read !== null, filename, identity, options });
  };
  const originalLoad = extensions[".js"];
  if (originalLoad) {
    extensions[".js"] = function loadCommonJs(module, filename) {
      // Only a `.cjs` file is surely CommonJS whatever its package says (a `.js` one may be an ES
      // module Node loads its own way), and only an ASCII one reads the same as bytes and as UTF-8.
      const source = filename.endsWith(".cjs") ? readAsciiSource(filename, minBytes) : null;
      if (source === null) return originalLoad.call(this, module, filename);
      readAsBytes = { filename, ...source };
      return (module as unknown as CompilingModule)._compile.call(module, source.text, filename, "commonjs");
    };
  }
  const disable = () => {
    if (prototype._compile !== original) prototype._compile = original;
    if (originalLoad && extensions[".js"] !== originalLoad) extensions[".js"] = originalLoad;
    if (disableCurrent === disable) disableCurrent = null;
  };
  disableCurrent = disable;
  return disable;
}

interface CacheSlot {
  label: string;
  packageDir: string;
  file: string;
}

/**
 * A big file's text and digest from its bytes, when it is all ASCII (esbuild's output is: it
 * escapes the rest), so that Latin-1 decoding, a copy, gives the text UTF-8 decoding would; null
 * for a small or non-ASCII file, or one that cannot be read here, which Node then reads itself.
 */
function readAsciiSource(filename: string, minBytes: number): { text: string; digest: string } | null {
  let descriptor: number;
  try {
    descriptor = openSync(filename, "r");
  } catch {
    return null;
  }
  try {
    const size = fstatSync(descriptor).size;
    if (size < minBytes) return null;
    const bytes = readWhole(descriptor, size);
    if (bytes.length !== size || !isAscii(bytes)) return null;
    return { text: bytes.toString("latin1"), digest: digestOf(bytes) };
  } catch {
    return null;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * What names a file's text in its cache key: a digest of its UTF-8 bytes. SHA-1, not SHA-256, for
 * speed (1.3 ms for the 2.2 MB CLI against 4 ms): it tells rebuilds apart, it guards no secret.
 */
function digestOf(bytes: Buffer): string {
  return createHash("sha1").update(bytes).digest("hex");
}

function compileCached(input: {
  module: Module;
  content: string;
  digest: string;
  fromBytes: boolean;
  filename: string;
  identity: PackageIdentity;
  options: CodeCacheOptions;
}): unknown {
  const { module, content, digest, fromBytes, filename, identity, options } = input;
  const slot = slotOf(filename, digest, identity, options);
  const stored = readCache(slot.file);
  const flags = v8FlagsInEffect();
  const script = new Script(Module.wrap(content), {
    filename,
    ...(stored.data ? { cachedData: stored.data } : {}),
  });
  const fn = script.runInThisContext() as (...args: unknown[]) => unknown;
  const require = createRequire(filename);
  const result = fn.call(module.exports, module.exports, require, module, filename, dirname(filename));

  const outcome: CodeCacheOutcome = stored.corrupt
    ? "corrupt"
    : stored.data === null
      ? "miss"
      : script.cachedDataRejected === true
        ? "rejected"
        : "hit";
  const atExit = (options.writeAt ?? (isMainThread ? "exit" : "load")) === "exit";
  const write = {
    slot,
    script,
    flags,
    version: identity.version,
    outcome,
    fromBytes,
    onEvent: options.onEvent,
    runCost: options.runCost ?? cpuMilliseconds,
  };
  if (outcome === "hit") {
    options.onEvent?.({ file: slot.label, outcome, fromBytes });
    // Only a run's end knows what it cost and compiled.
    if (atExit) whenExiting({ ...write, outcome: "grown", grownFrom: stored.cost });
    return result;
  }
  if (atExit) whenExiting(write);
  else {
    pending.push(write);
    flushCodeCache();
  }
  return result;
}

function whenExiting(write: PendingWrite): void {
  pending.push(write);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", flushCodeCache);
  }
}

function cpuMilliseconds(): number {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
}

/** Writes the cached data still waiting (the exit hook calls it; tests call it directly). */
export function flushCodeCache(): void {
  for (const write of pending.splice(0)) {
    const cost = write.runCost();
    if (write.grownFrom !== undefined && cost < GROWTH_FACTOR * write.grownFrom) continue;
    const data = withV8Flags(write.flags, () => write.script.createCachedData());
    const written = writeCache(write.slot.file, data, cost);
    if (written) {
      removeOtherVersions(write.slot.packageDir, write.version);
      removeOlderData(write.slot.file);
    }
    write.onEvent?.({
      file: write.slot.label,
      outcome: written ? write.outcome : "unwritable",
      fromBytes: write.fromBytes,
    });
  }
}

function slotOf(filename: string, digest: string, identity: PackageIdentity, options: CodeCacheOptions): CacheSlot {
  const inPackage = relative(identity.root, filename).split(sep).join("/");
  const packageDir = join(options.dir ?? defaultCacheDir(filename), safeName(identity.name));
  return {
    label: `${identity.name}@${identity.version}/${inPackage}`,
    packageDir,
    file: join(packageDir, safeName(identity.version), cacheFileName(filename, digest, inPackage)),
  };
}

function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === "" || (!fromRoot.startsWith("..") && !isAbsolute(fromRoot));
}

function defaultCacheDir(filename: string): string {
  const marker = `${sep}node_modules${sep}`;
  const at = filename.lastIndexOf(marker);
  // A package outside any node_modules (a linked checkout) keeps its cache in a node_modules
  // folder beside the file, as the tools that follow the same convention do.
  const base = at === -1 ? join(dirname(filename), "node_modules") : filename.slice(0, at + marker.length - 1);
  return join(base, ".cache", "deploylint", "code-cache");
}

function cacheFileName(filename: string, digest: string, inPackage: string): string {
  const key = createHash("sha256")
    .update(`${inPackage}\0${process.version}\0${process.arch}\0${digest}`)
    .digest("hex")
    .slice(0, 16);
  return `${safeName(basename(filename))}.${key}.v8`;
}

function safeName(part: string): string {
  return part.replace(/[^A-Za-z0-9._-]/g, "_");
}

/** The data of a cache file, and the cost of the run that wrote it (0 when there is none). */
function readCache(file: string): { data: Buffer | null; corrupt: boolean; cost: number } {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    return { data: null, corrupt: false, cost: 0 };
  }
  if (raw.subarray(0, OLD_MAGIC.length).equals(OLD_MAGIC)) return { data: null, corrupt: false, cost: 0 };
  if (raw.length <= HEADER_BYTES + COST_BYTES || !raw.subarray(0, MAGIC.length).equals(MAGIC))
    return { data: null, corrupt: true, cost: 0 };
  const checked = raw.subarray(HEADER_BYTES);
  const digest = createHash("sha256").update(checked).digest();
  if (!digest.equals(raw.subarray(MAGIC.length, HEADER_BYTES))) return { data: null, corrupt: true, cost: 0 };
  return { data: checked.subarray(COST_BYTES), corrupt: false, cost: checked.readUInt32LE(0) };
}

/** Atomic (temp file + rename), so a concurrent run reads the old file or the new one, never half. */
function writeCache(file: string, payload: Buffer, cost: number): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const costBytes = Buffer.alloc(COST_BYTES);
    costBytes.writeUInt32LE(Math.min(Math.max(0, Math.round(cost)), 0xffffffff));
    const digest = createHash("sha256").update(costBytes).update(payload).digest();
    writeFileSync(temp, Buffer.concat([MAGIC, digest, costBytes, payload]));
    renameSync(temp, file);
    return true;
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The folder itself is missing or not a folder: there is no temp file to remove.
    }
    return false;
  }
}

/** An upgrade leaves the old version's data unused: remove it rather than let it pile up. */
function removeOtherVersions(packageDir: string, version: string): void {
  try {
    for (const entry of readdirSync(packageDir)) {
      if (entry !== safeName(version)) rmSync(join(packageDir, entry), { recursive: true, force: true });
    }
  } catch {
    // Best effort: stale data is only disk space.
  }
}

/** A rebuilt file (same version, other text) leaves its old data unused: keep only the newest. */
function removeOlderData(file: string): void {
  const dir = dirname(file);
  const name = basename(file);
  const stem = name.replace(/\.[0-9a-f]{16}\.v8$/, ".");
  try {
    for (const entry of readdirSync(dir)) {
      if (entry !== name && entry.startsWith(stem) && /^[0-9a-f]{16}\.v8$/.test(entry.slice(stem.length)))
        rmSync(join(dir, entry), { force: true });
    }
  } catch {
    // Best effort, as for other versions.
  }
}

/** The nearest package.json above a file that names a package and its version. */
function packageOf(filename: string): PackageIdentity | null {
  // Read afresh each time: only a handful of files per process are big enough to get here.
  for (let dir = dirname(filename); ; dir = dirname(dir)) {
    const identity = readIdentity(dir);
    if (identity) return identity;
    if (dirname(dir) === dir) return null;
  }
}

function readIdentity(dir: string): PackageIdentity | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, "package.json"), "utf8");
  } catch {
    return undefined;
  }
  try {
    const json = JSON.parse(text) as { name?: unknown; version?: unknown };
    // A package.json without both (a "type": "module" marker in a sub-folder) is not the package root.
    if (typeof json.name === "string" && typeof json.version === "string") {
      return { name: json.name, version: json.version, root: dir };
    }
  } catch {
    // An unreadable package.json identifies nothing; keep looking above it.
  }
  return undefined;
}
