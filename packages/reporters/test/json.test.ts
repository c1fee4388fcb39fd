// The json reporter against the DESIGN.md output contract: keys, order, formatting, round trip.
import type { Finding, LintResult } from "@deploylint/core";
import { describe, expect, it } from "vitest";
import { reporters } from "../src/index.js";
import { json } from "../src/json.js";
import { dropColumn, dropIndex, emptyResult, smallResult } from "./fixtures.js";

const context = { cwd: "/repo", color: true, rules: {} };

describe("json reporter", () => {
  it("writes exactly the contract's keys, in the contract's order", () => {
    const parsed = JSON.parse(json(smallResult, context));
    expect(Object.keys(parsed)).toEqual(["version", "findings", "summary"]);
    expect(parsed.version).toBe(1);
    expect(Object.keys(parsed.summary)).toEqual(["files", "errors", "warnings", "suppressed"]);
    expect(Object.keys(parsed.findings[0])).toEqual([
      "ruleId",
      "severity",
      "message",
      "help",
      "file",
      "line",
      "column",
      "endLine",
      "endColumn",
      "fingerprint",
    ]);
  });

  it("omits help when a finding has none", () => {
    const parsed = JSON.parse(json(smallResult, context));
    expect(parsed.findings[1].ruleId).toBe(dropIndex.ruleId);
    expect("help" in parsed.findings[1]).toBe(false);
  });

  it("leaves out the suppressed and skipped lists and any extra finding fields", () => {
    const extra = { ...dropColumn, suppressedBy: { line: 1, reason: null } } as Finding;
    const result: LintResult = {
      ...smallResult,
      findings: [extra],
      suppressed: [{ ...dropColumn, suppressedBy: { line: 2, reason: "ok" } }],
      skipped: [{ file: "big.sql", reason: "too large" }],
      summary: { ...smallResult.summary, suppressed: 1 },
    };
    const parsed = JSON.parse(json(result, context));
    expect(parsed.findings[0]).toEqual(dropColumn);
    expect(Object.keys(parsed.findings[0])).not.toContain("suppressedBy");
    expect(parsed.summary).toEqual({ files: 42, errors: 2, warnings: 1, suppressed: 1 });
  });

  it("parses back to the findings and summary it was given", () => {
    const parsed = JSON.parse(json(smallResult, context));
    expect(parsed).toEqual({ version: 1, findings: smallResult.findings, summary: smallResult.summary });
  });

  it("pretty-prints with two spaces and ends with a newline, with no colour", () => {
    expect(json(emptyResult, context)).toBe(
      '{\n  "version": 1,\n  "findings": [],\n  "summary": {\n    "files": 7,\n    "errors": 0,\n    "warnings": 0,\n    "suppressed": 0\n  }\n}\n',
    );
  });

  it("is registered with stylish under its format name", () => {
    expect(Object.keys(reporters).slice(0, 2)).toEqual(["stylish", "json"]);
    expect(reporters.json).toBe(json);
  });
});
