// What the JSON manifests of a package say about where its modules are: tsconfig `paths` and
// `extends`, package.json `exports`. The project phase resolves imports with them.

/** `compilerOptions.paths` with each target under `baseUrl`; null when there are none. */
export function compilerPaths(config: unknown): Record<string, string[]> | null {
  const options = (config as { compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | null)?.compilerOptions;
  const paths = options?.paths;
  if (!paths || typeof paths !== "object") return null;
  const baseUrl = typeof options.baseUrl === "string" ? options.baseUrl.replace(/\/+$/, "") : ".";
  const result: Record<string, string[]> = {};
  for (const [pattern, targets] of Object.entries(paths)) {
    if (!Array.isArray(targets)) continue;
    result[pattern] = targets.filter((target) => typeof target === "string").map((target) => `${baseUrl}/${target}`);
  }
  return Object.keys(result).length > 0 ? result : null;
}
/** `extends` as a string or (TypeScript 5) a list; null when there is none. */
export function configExtends(config: unknown): string[] | null {
  const value = (config as { extends?: unknown } | null)?.extends;
  const list = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  const specifiers = list.filter((item): item is string => typeof item === "string" && item !== "");
  return specifiers.length > 0 ? specifiers : null;
}

/**
 * package.json `exports` in its forms: a string (the "." entry), conditions (`{ import, require,
 * types }`, nested), or subpaths (`{ ".": …, "./server": …, "./*": … }`). Every file a subpath
 * may resolve to, conditions in their order; null when there are none.
 */
export function exportTargets(exports: unknown): Record<string, string[]> | null {
  const targetsOf = (value: unknown, depth = 0): string[] => {
    if (typeof value === "string") return [value];
    if (depth > 4 || value === null || typeof value !== "object") return [];
    const values = Array.isArray(value) ? value : Object.values(value);
    return values.flatMap((item) => targetsOf(item, depth + 1));
  };
  const isSubpathMap =
    exports !== null &&
    typeof exports === "object" &&
    !Array.isArray(exports) &&
    Object.keys(exports).some((key) => key.startsWith("."));
  const entries: [string, unknown][] = isSubpathMap ? Object.entries(exports as object) : [[".", exports]];
  const result: Record<string, string[]> = {};
  for (const [subpath, value] of entries) {
    const targets = targetsOf(value);
    if (subpath.startsWith(".") && targets.length > 0) result[subpath] = targets;
  }
  return Object.keys(result).length > 0 ? result : null;
}
