// Resolves --format: a shipped reporter, a deploylint-reporter-<name> package, or a path to a
// module whose default export is a Reporter.
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type Reporter, UsageError } from "@deploylint/core";
import { reporters } from "@deploylint/reporters";

export async function loadReporter(name: string, cwd: string): Promise<Reporter> {
  const shipped = reporters[name];
  if (shipped) return shipped;
  const isPath = name.startsWith(".") || name.startsWith("/") || /\.[cm]?js$/.test(name);
  let url: string;
  try {
    const require = createRequire(join(cwd, "noop.js"));
    url = isPath
      ? pathToFileURL(resolve(cwd, name)).href
      : pathToFileURL(require.resolve(name.startsWith("deploylint-reporter-") ? name : `deploylint-reporter-${name}`))
          .href;
  } catch {
    throw new UsageError(
      `Unknown format "${name}": not one of ${Object.keys(reporters).join(", ")}, and no deploylint-reporter-${name} package is installed.`,
    );
  }
  const module = (await import(url)) as { default?: unknown };
  if (typeof module.default !== "function")
    throw new UsageError(`The reporter ${name} must default-export a function (result, context) => string.`);
  return module.default as Reporter;
}
