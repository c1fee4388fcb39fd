// Packs that ship inside the program, found by a "deploylint:builtin/<name>" specifier instead of a
// file URL: a bundled CLI has no file per pack for a worker thread to import.
import type { Pack } from "../rule-api/types.js";

const PREFIX = "deploylint:builtin/";

export interface BuiltinPacks {
  packs: Pack[];
  /**
   * The module a pool worker starts from. It must register the same packs in its own thread
   * before it imports "@deploylint/core/worker", so the worker finds them by specifier.
   */
  workerEntry: URL;
}

const registered = new Map<string, Pack>();
let entry: URL | null = null;

/** Makes packs importable by builtinSpecifier() in this thread; later calls replace earlier ones. */
export function registerBuiltinPacks(options: BuiltinPacks): void {
  registered.clear();
  for (const pack of options.packs) registered.set(pack.name, pack);
  entry = options.workerEntry;
}

/** The specifier a config records for a built-in pack; stable across installs, so cache keys are too. */
export function builtinSpecifier(pack: Pack): string {
  return `${PREFIX}${pack.name}`;
}

/** The worker entry the registered packs came with, or null when none were registered. */
export function builtinWorkerEntry(): URL | null {
  return entry;
}

/** A pack by specifier: a registered built-in, or the default export of a module (file URL). */
export async function importPack(specifier: string): Promise<Pack> {
  if (specifier.startsWith(PREFIX)) {
    const pack = registered.get(specifier.slice(PREFIX.length));
    if (!pack) {
      throw new Error(
        `The built-in pack "${specifier}" is not registered in this thread: its worker entry must call registerBuiltinPacks() before importing the engine's worker.`,
      );
    }
    return pack;
  }
  return ((await import(specifier)) as { default: Pack }).default;
}
