// Reads a fixture repository folder into a path -> text map (paths relative to the folder).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export function readFixture(dir: string, skip: readonly string[] = []): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/");
    if (!skip.includes(path)) files[path] = readFileSync(join(dir, path), "utf8");
  }
  return files;
}
