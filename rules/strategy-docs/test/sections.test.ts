// A heading names a section by one of its names, alone or followed by a qualifier, and asking that
// builds no regular expression (the project rules ask it for every heading, name and section).
import { describe, expect, it } from "vitest";
import { regexpsBuiltBy } from "../../../test/support/regexp-work.js";
import { headingMatches, namesOf, SECTION_IDS } from "../src/sections.js";

const HEADINGS = [
  "Rollback procedure",
  "2. Rollback procedure (containers)",
  "Rollback procedure: web",
  "Rollback procedure - web",
  "Rollback procedure – web",
  "Rollback procedure for the API",
  "Rollback procedure per service",
  "Rollback procedure and recovery",
  "Rollback procedure in production",
  "Rollback procedures",
  "Rollback procedure forever",
  "Rollback procedure  (two spaces)",
  "Rollback procedurein",
  "Smoke tests",
  "Smoke tests & checks",
  "CI/CD: GitHub",
  "ci/cd pipeline",
  "Environment variables:",
  "III. Migrations",
  "Migration rules(strict)",
  "Unrelated heading",
  "",
];

/** The qualifier test as a regular expression of the whole heading, the way it was first written. */
function reference(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return text === name || new RegExp(`^${escaped}(\\s*[:(–—-]|\\s+(for|per|and|in)\\b)`).test(text);
}

describe("headingMatches", () => {
  it("matches a name alone or followed by a qualifier, as the whole-heading expression did", () => {
    for (const id of SECTION_IDS) {
      const names = namesOf(id, {});
      for (const heading of HEADINGS) {
        for (const name of names) {
          const text = heading
            .toLowerCase()
            .replace(/^\s*(\d+(\.\d+)*\.?|[ivx]+\.)\s+/, "")
            .replaceAll("&", "and")
            .replace(/[\s:.\-–—]+$/, "")
            .replace(/\s+/g, " ")
            .trim();
          expect([heading, name, headingMatches(heading, [name])]).toEqual([heading, name, reference(text, name)]);
        }
      }
    }
    expect(headingMatches("Rollback procedure (containers)", namesOf("rollback", {}))).toBe(true);
    expect(headingMatches("Rollback procedures", namesOf("rollback", {}))).toBe(false);
  });

  it("builds no regular expression per heading and name", () => {
    const names = SECTION_IDS.map((id) => namesOf(id, {}));
    const made = regexpsBuiltBy(() => {
      for (const heading of HEADINGS) for (const each of names) headingMatches(heading, each);
    });
    expect(made).toBe(0);
  });
});
