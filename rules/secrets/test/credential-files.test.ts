// The credential-files fixture: one file per credential form, each with its expected findings
// (fixtures/credential-files/expected.<part>.json, file → "<line> <rule id>"), and for each part a
// clean/<part>/ twin of realistic look-alikes that must stay silent. Every expected.*.json is read,
// so each part of the fixture is checked the same way. The "values" half (how values are judged) has
// its own test, credential-files-values.test.ts, which also checks severities (dummies are info).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lintFiles } from "./helpers/lint.js";

const root = fileURLToPath(new URL("./fixtures/credential-files", import.meta.url));
const parts = readdirSync(root)
  .map((name) => /^expected\.([\w-]+)\.json$/.exec(name)?.[1])
  .filter((part): part is string => part !== undefined)
  .sort();

// Binary fixtures (key stores) are read byte for byte: the engine gives rules only their size.
const BINARY = /\.(?:p12|pfx|jks|keystore|kdbx)$|(?:^|\/)Login Data$/;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The files of a fixture folder, keyed by their path inside it (so test-path rules do not apply). */
function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    walk(dir).map((path) => {
      const name = relative(dir, path).split("\\").join("/");
      return [name, readFileSync(path, BINARY.test(name) ? "latin1" : "utf8")];
    }),
  );
}

async function findingsByFile(files: Record<string, string>): Promise<Record<string, string[]>> {
  const actual: Record<string, string[]> = Object.fromEntries(Object.keys(files).map((path) => [path, []]));
  // The pack's findings only: the fixture is about secrets, not about the files' other rules.
  for (const f of await lintFiles({ files }))
    if (f.ruleId.startsWith("secrets/")) actual[f.file]?.push(`${f.line} ${f.ruleId}`);
  for (const list of Object.values(actual)) list.sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
  return actual;
}

it("has at least one part", () => {
  expect(parts.length).toBeGreaterThan(0);
});

describe.each(parts)("credential files, part %s", async (part) => {
  const expected = JSON.parse(readFileSync(join(root, `expected.${part}.json`), "utf8")) as Record<string, string[]>;
  const files = filesOf(join(root, part));
  const actual = await findingsByFile(files);
  const clean = await findingsByFile(filesOf(join(root, "clean", part)));

  it.each(Object.keys(files).sort())("%s has exactly its expected findings", (path) => {
    expect(expected[path], `${path} is missing from expected.${part}.json`).toBeDefined();
    expect(actual[path]).toEqual(expected[path]);
  });

  it("expects nothing of a file that is not there", () => {
    expect(Object.keys(expected).filter((path) => !(path in files))).toEqual([]);
  });

  it.each(Object.keys(clean).sort())("clean/%s stays silent", (path) => {
    expect(clean[path]).toEqual([]);
  });
});

it("owns credential files, so one that cannot be read is reported rather than skipped", async () => {
  const { default: pack } = await import("../src/index.js");
  for (const path of ["home/.pgpass", ".netrc", "config/master.key", "ftp/sitemanager.xml", ".vscode/sftp.json"])
    expect(pack.owns?.(path, {}), path).toBe(true);
  expect(pack.owns?.("src/config.ts", {})).toBe(false);
});
