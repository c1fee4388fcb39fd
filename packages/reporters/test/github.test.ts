// The github reporter: workflow commands with GitHub's documented escaping (a message can never end
// the command or inject another one), the most severe first up to GitHub's limit per step, and the
// job summary that lists them all.

import type { Finding } from "@deploylint/core";
import { describe, expect, it } from "vitest";
import { github, githubStepSummary, STEP_SUMMARY_BUDGET } from "../src/github.js";
import { markdown } from "../src/markdown.js";
import {
  dropColumn,
  dropIndex,
  emptyResult,
  hostileFinding,
  infoFinding,
  sharedContext,
  sharedResult,
} from "./fixtures.js";

const many = (finding: Finding, count: number) =>
  Array.from({ length: count }, (_, i) => ({ ...finding, line: i + 1, endLine: i + 1 }));

describe("github reporter", () => {
  it("writes an error annotation with file, lines, columns and the rule as title", () => {
    const result = { ...emptyResult, findings: [dropColumn] };
    expect(github(result, sharedContext).split("\n")[0]).toBe(
      "::error file=db/migrations/000003_drop.up.sql,line=1,endLine=1,col=1,endColumn=40,title=migrations/no-drop-column::Dropping column email breaks running code.%0A%0AHelp: Stop reading the column, deploy, then drop it.",
    );
  });

  it("maps warn to warning and info to notice, the most severe first", () => {
    const lines = github(sharedResult, sharedContext).split("\n");
    expect(lines.map((line) => line.split(" ")[0])).toEqual([
      "::error",
      "::error",
      "::error",
      "::warning",
      "::notice",
      "deploylint:",
      "",
    ]);
    expect(lines[3]).toContain(`::${dropIndex.message}`);
  });

  it("annotates at most 10 findings per level, prints the rest as plain lines and says how many", () => {
    const findings = [...many(dropIndex, 12), ...many(dropColumn, 11), ...many(infoFinding, 3)];
    const result = { ...emptyResult, findings, summary: { files: 3, errors: 11, warnings: 12, suppressed: 0 } };
    const lines = github(result, sharedContext).trimEnd().split("\n");
    const count = (prefix: string) => lines.filter((line) => line.startsWith(prefix)).length;
    expect([count("::error "), count("::warning "), count("::notice ")]).toEqual([10, 10, 3]);
    // Errors come first, so the error past the limit is the 11th, not a warning pushed out by order.
    expect(lines.slice(0, 10).every((line) => line.startsWith("::error "))).toBe(true);
    expect(lines.slice(23, 26)).toEqual([
      "- db/migrations/000003_drop.up.sql:11:1: error: Dropping column email breaks running code. (migrations/no-drop-column)",
      "- db/migrations/000003_drop.up.sql:11:3: warning: DROP INDEX locks writes. (migrations/require-concurrent-index-drop)",
      "- db/migrations/000003_drop.up.sql:12:3: warning: DROP INDEX locks writes. (migrations/require-concurrent-index-drop)",
    ]);
    expect(lines.at(-1)).toBe(
      "deploylint: 3 findings of 26 not annotated: GitHub shows at most 10 error, 10 warning and 10 notice annotations per step; they are listed above and in the job summary.",
    );
  });

  it("keeps a plain line plain when a file name looks like a workflow command", () => {
    const findings = many({ ...dropColumn, file: "::error::x.sql" }, 11);
    const lines = github({ ...emptyResult, findings }, sharedContext).split("\n");
    expect(lines[10]).toBe(
      "- ::error::x.sql:11:1: error: Dropping column email breaks running code. (migrations/no-drop-column)",
    );
  });

  it("says nothing about the limit when every finding is annotated", () => {
    expect(github(sharedResult, sharedContext)).not.toContain("not annotated");
  });
});

describe("githubStepSummary", () => {
  it("is the markdown report, under a note on how many findings were not annotated", () => {
    const findings = many(dropColumn, 13);
    const summary = githubStepSummary({ ...emptyResult, findings }, sharedContext);
    expect(summary.startsWith("> [!NOTE]\n> 3 findings of 13 not annotated: GitHub shows at most 10 error")).toBe(true);
    expect(summary).toContain(markdown({ ...emptyResult, findings }, sharedContext));
    expect(githubStepSummary(sharedResult, sharedContext)).toBe(markdown(sharedResult, sharedContext));
  });

  it("is cut at a line below GitHub's 1 MiB limit, saying so", () => {
    const findings = many({ ...dropColumn, message: "x".repeat(2000) }, 1000);
    const summary = githubStepSummary({ ...emptyResult, findings }, sharedContext);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(STEP_SUMMARY_BUDGET);
    expect(summary).toContain("The summary was cut at GitHub's size limit");
  });

  it("escapes %, CR and LF in messages and also : and , in properties, and omits endColumn across lines", () => {
    const line = github({ ...emptyResult, findings: [hostileFinding] }, sharedContext).split("\n")[0] ?? "";
    expect(
      line.startsWith("::error file=src/odd dir/ключ.ts,line=7,endLine=8,col=3,title=secrets/no-hardcoded-secret::"),
    ).toBe(true);
    expect(line).toContain("100%25 :: colon, comma%0Asecond line");
    expect(line).not.toContain("endColumn");
    const titled = github({ ...emptyResult, findings: [{ ...dropColumn, file: "a,b:c.sql" }] }, sharedContext);
    expect(titled).toContain("file=a%2Cb%3Ac.sql,");
  });

  it("ends with a one-line count", () => {
    expect(github(emptyResult, sharedContext)).toBe("deploylint: 0 errors, 0 warnings in 7 files.\n");
  });
});
