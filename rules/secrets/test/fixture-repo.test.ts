// A fixture repository of realistic config files with fake credentials (.npmrc, .pgpass,
// .git-credentials, docker/config.json, wp-config.php, Rails secrets.yml, Django settings.py,
// .netrc, PEM keys, CI): the whole secrets pack must report exactly the findings in expected.json.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lintFiles } from "./helpers/lint.js";

const root = fileURLToPath(new URL("./fixtures/repo", import.meta.url));
const expected = JSON.parse(
  readFileSync(fileURLToPath(new URL("./fixtures/repo.expected.json", import.meta.url)), "utf8"),
) as Record<string, string[]>;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const files = Object.fromEntries(
  walk(root).map((path) => [relative(root, path).split("\\").join("/"), readFileSync(path, "utf8")]),
);

describe("secrets pack on the fixture repository", async () => {
  const findings = await lintFiles({ files });
  const actual: Record<string, string[]> = {};
  for (const path of Object.keys(files).sort()) actual[path] = [];
  for (const f of findings) actual[f.file]?.push(`${f.line} ${f.ruleId} ${f.severity}`);
  for (const list of Object.values(actual))
    list.sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b));

  it.each(Object.keys(files).sort())("%s has exactly its expected findings", (path) => {
    expect(expected[path], `${path} is missing from repo.expected.json`).toBeDefined();
    expect(actual[path]).toEqual(expected[path]);
  });
});
