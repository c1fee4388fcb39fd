// The reads of other languages' files (Prisma, Go, Python, Dockerfile), fixture by fixture against
// reads-other/expected.json: name, position, how it was read, and whether the read has a fallback
// ("fallback"), has none so an unset variable is an error ("required"), or does not say (nothing).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLineIndex } from "@deploylint/core/sources";
import { describe, expect, it } from "vitest";
import { textLanguage, textReads } from "../../src/extract/text-reads.js";

const DIR = join(import.meta.dirname, "..", "fixtures", "reads-other");
const EXPECTED = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as Record<string, string[]>;
const FIXTURES = readdirSync(DIR).filter((name) => name !== "expected.json");

describe("reads of other languages (fixtures/reads-other)", () => {
  it("has an expected list for every fixture and a fixture for every expected list", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...FIXTURES].sort());
  });

  it.each(FIXTURES)("%s", (name) => {
    const text = readFileSync(join(DIR, name), "utf8");
    const language = textLanguage(name, text);
    expect(language).not.toBeNull();
    const lines = createLineIndex(text);
    const found = textReads(language ?? "go", text).map((read) => {
      const start = lines.positionAt(read.start);
      // The span is the name itself unless the name is derived (a prefixed pydantic field).
      if (read.spanIsName !== false) expect(text.slice(read.start, read.end)).toBe(read.name);
      const fallback = read.hasFallback === true ? " fallback" : read.hasFallback === false ? " required" : "";
      return `${read.name} ${start.line}:${start.column} ${read.via}${fallback}`;
    });
    expect(found).toEqual(EXPECTED[name]);
  });
});
