// The "values" half of the credential-files fixture: one file per form of how values are judged
// (passwords people chose in config, base64 with long runs, provider-shaped dummies at info, URLs
// with passwords in any scheme, current provider formats), and clean look-alikes that stay silent.
// The whole pack must report exactly what values.expected.json lists, file by file.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lintFiles } from "./helpers/lint.js";

const root = fileURLToPath(new URL("./fixtures/credential-files", import.meta.url));
// Read unconditionally: a missing expectations file fails the suite instead of passing silently.
const expected = JSON.parse(readFileSync(join(root, "values.expected.json"), "utf8")) as Record<string, string[]>;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const paths = [...walk(join(root, "values")), ...walk(join(root, "clean", "values"))];
const files = Object.fromEntries(
  paths.map((path) => [relative(root, path).split("\\").join("/"), readFileSync(path, "utf8")]),
);

describe("secrets pack on credential-files/values and clean/values", async () => {
  const findings = await lintFiles({ files });
  const actual: Record<string, string[]> = {};
  for (const path of Object.keys(files)) actual[path] = [];
  for (const f of findings) actual[f.file]?.push(`${f.line} ${f.ruleId} ${f.severity}`);
  for (const list of Object.values(actual))
    list.sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b));

  it("holds at least 25 forms and a clean twin", () => {
    expect(Object.keys(files).filter((path) => path.startsWith("values/")).length).toBeGreaterThanOrEqual(25);
    expect(Object.keys(files).filter((path) => path.startsWith("clean/values/")).length).toBeGreaterThanOrEqual(10);
  });

  it.each(Object.keys(files).sort())("%s has exactly its expected findings", (path) => {
    expect(expected[path], `${path} is missing from values.expected.json`).toBeDefined();
    if (path.startsWith("clean/")) expect(expected[path], `${path} is a look-alike: it must stay silent`).toEqual([]);
    expect(actual[path]).toEqual(expected[path]);
  });

  it("lists no file that is not in the fixture", () => {
    expect(Object.keys(expected).filter((path) => !(path in files))).toEqual([]);
  });
});
