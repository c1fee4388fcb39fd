// The V8 flags deploylint changes while it runs, and how to take them back for a moment.
//
// V8 stamps the code-cache data it writes with a hash of all its flags and rejects data whose hash
// differs from the flags of the process reading it. The CLI's own code is compiled at start-up,
// before the engine changes any flag (engine/run.ts, applyEngineV8Flags), but its cache is written
// at exit, after the change, so that it also holds the functions the run compiled lazily: written
// as they stand, the data would carry the changed flags' hash and be rejected by the next run, which
// compiles its code before the change again. code-cache.ts therefore records which changes were in
// effect when a file was compiled and writes that file's data under the same flags (withV8Flags).
//
// The record is shared through globalThis: the code cache is loaded before the CLI (bin.js) and the
// engine is inside the CLI's bundle, so each holds its own copy of this module.
import { setFlagsFromString } from "node:v8";

export interface V8FlagChange {
  /** The flag as set, e.g. `--liftoff-only`. */
  set: string;
  /**
   * What restores V8's default, flags it implied included (`--liftoff-only` also turns off
   * WebAssembly tier-up): without them the flag hash stays different. If Node's defaults ever
   * differ from these, the only cost is a cache that is rewritten instead of reused.
   */
  undo: readonly string[];
}

const IN_EFFECT = Symbol.for("deploylint.v8-flag-changes");

interface Shared {
  [IN_EFFECT]?: V8FlagChange[];
}

function record(): V8FlagChange[] {
  const shared = globalThis as Shared;
  shared[IN_EFFECT] ??= [];
  return shared[IN_EFFECT];
}

/** Sets the flags and records them as in effect (once each). */
export function setV8Flags(changes: readonly V8FlagChange[]): void {
  const inEffect = record();
  for (const change of changes) {
    setFlagsFromString(change.set);
    if (!inEffect.some((each) => each.set === change.set)) inEffect.push(change);
  }
}

/** The changes in effect now, in this thread (a copy). */
export function v8FlagsInEffect(): readonly V8FlagChange[] {
  return [...record()];
}

/**
 * Runs `work` with exactly `wanted` in effect among the recorded changes, then puts back what was
 * in effect before. Flags are per process, so nothing else may run meanwhile: `work` is synchronous.
 */
export function withV8Flags<T>(wanted: readonly V8FlagChange[], work: () => T): T {
  const current = v8FlagsInEffect();
  const isWanted = (change: V8FlagChange) => wanted.some((each) => each.set === change.set);
  const extra = current.filter((change) => !isWanted(change));
  const missing = wanted.filter((change) => !current.some((each) => each.set === change.set));
  if (extra.length === 0 && missing.length === 0) return work();
  for (const change of extra) for (const flag of change.undo) setFlagsFromString(flag);
  for (const change of missing) setFlagsFromString(change.set);
  try {
    return work();
  } finally {
    for (const change of missing) for (const flag of change.undo) setFlagsFromString(flag);
    for (const change of extra) setFlagsFromString(change.set);
  }
}
