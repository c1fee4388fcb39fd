// V8 flags the CLI sets for its whole process, first thing, before any module that could compile
// WebAssembly or leave V8 code-cache data behind is loaded.
import { setFlagsFromString } from "node:v8";

/**
 * `--liftoff-only`: WebAssembly runs on V8's baseline compiler (Liftoff) and is never recompiled by
 * TurboFan. PostgreSQL's grammar (libpg-query) is one 1.7 MB module whose parser loop is a single
 * huge function: it becomes hot after a few statements, and TurboFan then spent about 0.4 s of CPU
 * and 45 MB in background threads recompiling it, which the process also waits for at exit. On the
 * example shop (four small migrations) the run took 1.29 s of CPU instead of 0.90, and the gain held
 * on the longest histories measured (hatchet's 224 PostgreSQL migrations: 2.23 s instead of 2.95;
 * vaultwarden, documenso): the recompiled parser never ran long enough to repay its compile.
 * Set by the CLI only: a program that calls lint() keeps its own choice for its own WebAssembly.
 */
export const CLI_V8_FLAGS: readonly string[] = ["--liftoff-only"];

export function applyCliV8Flags(): void {
  for (const flag of CLI_V8_FLAGS) setFlagsFromString(flag);
}
