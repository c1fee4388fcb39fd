// settings.envDocs: which files document the variables, and how a read finds its example.
import { EXAMPLE_FILE_NAMES, isExampleFileName, type Settings } from "@deploylint/core/rule-api";

/** The example names every pack shares (core's list), in the order a lookup tries them. */
export const DEFAULT_EXAMPLES: readonly string[] = EXAMPLE_FILE_NAMES;

export interface EnvDocsSettings {
  /**
   * Configured file names (matched in any directory) or repository paths of example files; null
   * when not configured: then every name core's isExampleFileName accepts is an example.
   */
  examples: readonly string[] | null;
  /**
   * "root": a read is documented by its nearest example or, failing that, the root one (the
   * default, for monorepos that keep shared variables at the root); "none": the nearest only.
   */
  fallback: "root" | "none";
}

export function envDocsSettings(settings: Settings): EnvDocsSettings {
  const raw = (settings.envDocs ?? {}) as { example?: unknown; fallback?: unknown };
  const example = raw.example;
  const examples =
    typeof example === "string"
      ? [example]
      : Array.isArray(example) && example.every((item) => typeof item === "string")
        ? (example as string[])
        : null;
  return { examples, fallback: raw.fallback === "none" ? "none" : "root" };
}

/** Whether a file is an example file under these settings. */
export function isExampleFile(path: string, examples: readonly string[] | null): boolean {
  if (examples === null) return isExampleFileName(path);
  const base = path.slice(path.lastIndexOf("/") + 1);
  return examples.some((example) => (example.includes("/") ? stripDotSlash(example) === path : example === base));
}

/** The directory an example documents (its own; "" for the root). A configured path documents the whole repository. */
export function scopeOf(path: string, examples: readonly string[] | null): string {
  if (examples?.some((example) => example.includes("/") && stripDotSlash(example) === path)) return "";
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

function stripDotSlash(path: string): string {
  return path.startsWith("./") ? path.slice(2) : path;
}
