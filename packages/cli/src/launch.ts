// What the `deploylint` executable does, in either build: bin.ts starts it in the plain tsc output,
// and the bundle's CommonJS start file (bin.cjs, tools/build/bundle.mjs) in the bundle. They differ
// only in how the CLI is loaded. `--version` and a bare `--help` answer before anything else is
// loaded, so they stay fast and load no parser; the version is a static JSON import so a bundle
// carries it.
import pkg from "../package.json" with { type: "json" };

/** What the executable takes from the CLI (cli.ts). */
export interface CliEntry {
  main(args: string[]): Promise<number>;
}

export async function launch(args: string[], loadCli: () => CliEntry | Promise<CliEntry>): Promise<void> {
  if (args.length === 1 && (args[0] === "--version" || args[0] === "-v")) {
    process.stdout.write(`${pkg.version}\n`);
    return;
  }
  if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
    // The help text alone: loading the CLI would load the engine and every pack to print it.
    process.stdout.write((await import("./help.js")).mainHelp());
    return;
  }
  // Before anything can require a parser: typescript.js alone takes longer to compile than the
  // rest of a small run, and the code cache lets V8 skip that on every run after the first.
  const { codeCacheOptionsFromEnv, enableCodeCache } = await import("@deploylint/core/code-cache");
  const codeCache = codeCacheOptionsFromEnv();
  if (codeCache) {
    const debug = args.includes("--debug");
    enableCodeCache({
      ...codeCache,
      ...(debug ? { onEvent: (e) => process.stderr.write(`[debug] code cache: ${e.file} ${e.outcome}\n`) } : {}),
    });
  }
  const { guardProcess } = await import("./process-guard.js");
  const guard = guardProcess(args);
  const { main } = await loadCli();
  const code = await main(args);
  // An asynchronous throw (a plugin's timer or promise) during the run decides the exit code: the
  // report may look clean, but a rule did not finish its work.
  process.exitCode = guard.crashed() ? 2 : code;
}
