// Entry of the lint pool's worker threads: registers the shipped packs in the thread, then starts
// the engine's worker, which finds them by their built-in specifiers (a bundle has no pack files).
import { registerBuiltins } from "./builtins.js";

registerBuiltins();
await import("@deploylint/core/worker");
