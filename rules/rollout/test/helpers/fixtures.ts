// The platform fixtures (test/fixtures/<platform>/, each one that meets its model) read into
// path -> text maps, and variants of them with one piece of text changed.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../fixtures/", import.meta.url));

export const PLATFORMS = [
  "k8s",
  "fly",
  "render",
  "ecs",
  "ecs-terraform",
  "ecs-cloudformation",
  "helm",
  "compose",
  "serverless",
  "edge",
] as const;

export function fixture(platform: (typeof PLATFORMS)[number]): Record<string, string> {
  const dir = join(ROOT, platform);
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/");
    files[path] = readFileSync(join(dir, path), "utf8");
  }
  return files;
}

/** The fixture with `search` replaced in one file (the text must be there), or the file removed when `replace` is null. */
export function variant(
  platform: (typeof PLATFORMS)[number],
  path: string,
  search: string | RegExp,
  replace: string | null,
): Record<string, string> {
  const files = fixture(platform);
  const text = files[path];
  if (text === undefined) throw new Error(`The ${platform} fixture has no ${path}.`);
  if (replace === null) {
    delete files[path];
    return files;
  }
  const found = typeof search === "string" ? text.includes(search) : search.test(text);
  if (!found) throw new Error(`${platform}/${path} has no ${String(search)}.`);
  files[path] = text.replace(search, replace);
  return files;
}
