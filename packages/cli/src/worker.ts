// Entry of the lint pool's worker threads: registers the shipped packs in the thread, then starts
// the engine's worker, which finds them by their built-in specifiers (a bundle has no pack files).
import { codeCacheOptionsFromEnv, enableCodeCache } from "@deploylint/core/code-cache";

// Each thread compiles the parsers it loads; the code cache saves that here as on the main thread.
// Enabled before the packs are imported, so no parser they load can come first.
const codeCache = codeCacheOptionsFromEnv();
if (codeCache) enableCodeCache(codeCache);
const { registerBuiltins } = await import("./builtins.js");
registerBuiltins();
await import("@deploylint/core/worker");
