// The example index is a pass over every file of the run; both env-docs project rules ask for it.
import type { FactRecord } from "@deploylint/core/rule-api";
import { describe, expect, it } from "vitest";
import type { DocumentedFact } from "../../src/facts.js";
import { indexExamples } from "../../src/project/examples.js";

const documented: FactRecord<DocumentedFact>[] = [
  { file: "apps/api/.env.example", data: { name: "API_URL" } as DocumentedFact },
];
const files = ["apps/api/.env.example", "apps/api/package.json", "apps/api/src/main.ts", ".env.example"];
const settings = { examples: null, fallback: "root" as const };

describe("indexExamples", () => {
  it("is built once for the run's facts, files and settings", () => {
    const first = indexExamples(documented, settings, files);
    expect(indexExamples(documented, { ...settings }, files)).toBe(first);
    expect(first.examples.map((example) => example.path)).toEqual(["apps/api/.env.example", ".env.example"]);
    expect(first.examplesFor("apps/api/src/main.ts").map((example) => example.path)).toEqual([
      "apps/api/.env.example",
      ".env.example",
    ]);
  });

  it("is built again for other files or other settings", () => {
    const first = indexExamples(documented, settings, files);
    const fewer = indexExamples(documented, settings, files.slice(0, 3));
    expect(fewer).not.toBe(first);
    expect(fewer.examples.map((example) => example.path)).toEqual(["apps/api/.env.example"]);
    const noFallback = indexExamples(documented, { ...settings, fallback: "none" }, files);
    expect(noFallback).not.toBe(first);
    expect(noFallback.examplesFor("apps/api/src/main.ts").map((example) => example.path)).toEqual([
      "apps/api/.env.example",
    ]);
  });
});
