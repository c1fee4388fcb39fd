// The gitlab reporter: GitLab Code Quality's documented fields, its severity scale, unique
// fingerprints and no byte-order mark.
import { describe, expect, it } from "vitest";
import { gitlab } from "../src/gitlab.js";
import { dropColumn, emptyResult, sharedContext, sharedResult } from "./fixtures.js";

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

const SEVERITIES = ["info", "minor", "major", "critical", "blocker"];

describe("gitlab reporter", () => {
  it("writes a JSON array of issues with every field GitLab requires", () => {
    const text = gitlab(sharedResult, sharedContext);
    expect(text.charCodeAt(0)).toBe("[".charCodeAt(0));
    const issues = JSON.parse(text) as Issue[];
    expect(issues).toHaveLength(sharedResult.findings.length);
    for (const issue of issues) {
      expect(typeof issue.description).toBe("string");
      expect(issue.description.length).toBeGreaterThan(0);
      expect(typeof issue.check_name).toBe("string");
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(SEVERITIES).toContain(issue.severity);
      expect(typeof issue.location.path).toBe("string");
      expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
    }
    expect(issues.map((i) => i.severity)).toEqual(["info", "critical", "major", "blocker", "blocker"]);
    expect(issues[1]).toMatchObject({
      check_name: dropColumn.ruleId,
      location: { path: dropColumn.file, lines: { begin: 1 } },
    });
  });

  it("gives distinct findings distinct fingerprints, and the same finding the same one", () => {
    const issues = JSON.parse(gitlab(sharedResult, sharedContext)) as Issue[];
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    const again = JSON.parse(gitlab(sharedResult, sharedContext)) as Issue[];
    expect(again.map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
  });

  it("writes an empty array for a clean run", () => {
    expect(gitlab(emptyResult, sharedContext)).toBe("[]\n");
  });
});
