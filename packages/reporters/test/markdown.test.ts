// The markdown reporter: headline, per-rule table with docs links, findings per file, baseline
// note, and message text that cannot break the table or inject HTML.
import { describe, expect, it } from "vitest";
import { markdown } from "../src/markdown.js";
import { emptyResult, sharedContext, sharedResult } from "./fixtures.js";

describe("markdown reporter", () => {
  it("counts findings per rule with a link to each rule's docs", () => {
    const text = markdown(sharedResult, sharedContext);
    expect(text).toContain("✖ **5 problems** (3 errors, 1 warning, 1 info) in 42 files, 1 suppressed inline.");
    expect(text).toContain(
      "| [migrations/no-drop-column](https://github.com/deploylint/deploylint/blob/main/docs/rules/migrations/no-drop-column.md) | 1 | 0 | 0 |",
    );
    expect(text).toContain(
      "| [secrets/no-hardcoded-secret](https://github.com/deploylint/deploylint/blob/main/docs/rules/secrets/no-hardcoded-secret.md) | 2 | 0 | 0 |",
    );
  });

  it("keeps each finding on one table row and its markup inert", () => {
    const text = markdown(sharedResult, sharedContext);
    const row = text.split("\n").find((line) => line.startsWith("| 7:3 |")) ?? "";
    expect(row).toContain("&lt;script&gt; &amp; \"quotes\" 'too' \\| pipe");
    expect(row).toContain("comma<br>second line");
    expect(text).not.toContain("<script>");
  });

  it("defuses mentions, issue references, links, images and bare URLs quoted from the repository", () => {
    const finding = sharedResult.findings[0];
    if (finding === undefined) throw new Error("fixture has no finding");
    const message = "Table @org/team [x](http://evil.example) ![i](https://evil.example/p.png) www.evil.example #12";
    const text = markdown(
      { ...sharedResult, findings: [{ ...finding, file: "@org [y](www.evil.example).sql", message }] },
      sharedContext,
    );
    const content = text.replace(/\]\(https:\/\/github\.com\/deploylint\/[^)]*\)/g, "]");
    expect(content).not.toMatch(/(?<!\\)\]\(|https?:\/\/|www\.|@\w|(?<!&)#\d/);
    expect(text).toContain("Table @&#8203;org/team \\[x\\](http&#8203;://evil.example)");
  });

  it("notes the baseline and its fixed entries", () => {
    const text = markdown(emptyResult, {
      ...sharedContext,
      baseline: { file: "deploylint-baseline.json", matched: 4, fixed: 2 },
    });
    expect(text).toContain(
      "Baseline <code>deploylint-baseline.json</code>: 4 known findings hidden. 2 baseline entries no longer match: run `deploylint --update-baseline` so the file shrinks.",
    );
  });

  it("says a clean run is clean", () => {
    expect(markdown(emptyResult, sharedContext)).toBe("## deploylint\n\n✔ No problems found in 7 files.\n");
  });
});
