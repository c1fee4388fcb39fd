// Loaded with `node --import` before a program: when the program exits, says on stderr which V8 flag
// changes deploylint recorded as set in this process ("v8-flags: --liftoff-only ..."). The record is
// the one load/v8-flags.ts keeps on globalThis; setV8Flags sets a flag and records it together.
process.on("exit", () => {
  const changes = globalThis[Symbol.for("deploylint.v8-flag-changes")] ?? [];
  process.stderr.write(`v8-flags: ${changes.map((change) => change.set).join(" ")}\n`);
});
