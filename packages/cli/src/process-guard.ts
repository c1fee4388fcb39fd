// Process-level failures the CLI's try/catch cannot see: an error thrown later by a plugin (in a
// timer callback, or a promise nobody awaited) and a closed stdout (`deploylint | head`). A gate
// must not exit 0 after a rule crashed, and must not dump a stack trace because a pager quit.

export interface ProcessGuard {
  /** Whether an asynchronous error was reported (the exit code is then 2). */
  crashed(): boolean;
}

export function guardProcess(argv: readonly string[]): ProcessGuard {
  let crashed = false;
  const debug = argv.includes("--debug") || Boolean(process.env.DEPLOYLINT_DEBUG);
  const onAsyncError = (error: unknown) => {
    // Closing our stdout early is the reader's choice, not a crash (see below).
    if (isBrokenPipe(error)) return;
    const first = !crashed;
    crashed = true;
    process.exitCode = 2;
    if (first) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `deploylint: internal error: an asynchronous error escaped a rule or plugin: ${message.split("\n", 1)[0]}\n`,
      );
    }
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  };
  process.on("uncaughtException", onAsyncError);
  process.on("unhandledRejection", onAsyncError);
  // EPIPE: the reader (head, a pager) has what it wanted. Later writes fail the same way and are
  // dropped; the exit code stays the one the findings decide. Without a listener node would throw.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error) => {
      if (!isBrokenPipe(error)) onAsyncError(error);
    });
  }
  return { crashed: () => crashed };
}

function isBrokenPipe(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === "EPIPE" || code === "ERR_STREAM_DESTROYED";
}
