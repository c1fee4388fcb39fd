// Finds the config that applies to a directory: the nearest deploylint.config.* or a
// package.json with a "deploylint" key, walking up toward the filesystem root.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const CONFIG_FILE_NAMES = [
  "deploylint.config.yaml",
  "deploylint.config.yml",
  "deploylint.config.json",
  "deploylint.config.mjs",
  "deploylint.config.js",
];

export function findConfigFile(startDir: string): string | null {
  let dir = startDir;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const packageJson = join(dir, "package.json");
    if (existsSync(packageJson) && hasDeploylintKey(packageJson)) return packageJson;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function hasDeploylintKey(path: string): boolean {
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    return typeof data === "object" && data !== null && "deploylint" in data;
  } catch {
    // A package.json that does not parse is not ours to judge; keep walking.
    return false;
  }
}
