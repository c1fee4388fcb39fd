// Tests for strategy-docs/require-strategy.
import { RuleTester } from "@deploylint/rule-tester";
import { describe, expect, it } from "vitest";
import { FILL_IN_COMMENT, FILL_IN_MARKER, STRATEGY_SECTIONS } from "../src/index.js";
import { fixture, STRATEGY, testPack, variant, withStrategy } from "./helpers/fixtures.js";

const tester = new RuleTester({ pack: testPack });

/** A document with exactly the command's seven H2 headings, each with a line of text. */
const CONTRACT = `# Deployment strategy\n\n${STRATEGY_SECTIONS.map((s) => `## ${s.heading}\n\nWritten.\n`).join("\n")}`;

tester.run("require-strategy", {
  valid: [
    { name: "the good fixture", files: fixture("good") },
    { name: "exactly the headings `deploylint strategy` writes", files: withStrategy(CONTRACT) },
    {
      name: "synonyms, other levels, numbering and case",
      files: withStrategy(
        [
          "# Ops",
          "### 1. ENVIRONMENTS",
          "x",
          "## CI/CD pipeline",
          "x",
          "## Rollout",
          "x",
          "#### Rollback plan (containers)",
          "x",
          "## Migrations",
          "x",
          "## Env vars",
          "x",
          "## Smoke testing",
          "x",
          "",
        ].join("\n\n"),
      ),
    },
    {
      name: "a section left out of the required ones",
      files: withStrategy(CONTRACT.replace("## Smoke tests", "## Other")),
      options: { sections: ["ladder", "pipeline", "rollout", "rollback", "migrations", "env"] },
    },
    {
      name: "a heading name added in settings",
      files: withStrategy(CONTRACT.replace("## Rollback procedure", "## Undo runbook")),
      settings: { strategyDocs: { headings: { rollback: ["undo runbook"] } } },
    },
    {
      name: "the path named by settings",
      files: { ...variant(STRATEGY, "", null), "docs/ops.md": CONTRACT },
      settings: { strategyDocs: { strategy: "docs/ops.md" } },
    },
    {
      name: "the path named by the manifest (docs.deployment_strategy)",
      files: {
        ...variant("company.config.yaml", "company:", "docs:\n  deployment_strategy: ./docs/ops.md\ncompany:"),
        "docs/ops.md": CONTRACT,
      },
    },
  ],
  invalid: [
    {
      name: "no strategy document: one finding on the repository, at the missing path",
      files: variant(STRATEGY, "", null),
      errors: [{ file: STRATEGY, messageId: "missing", data: { path: STRATEGY }, line: 1, column: 1 }],
    },
    {
      name: "the document at another path than the manifest names",
      files: variant("company.config.yaml", "company:", "docs:\n  deployment_strategy: docs/ops.md\ncompany:"),
      errors: [{ file: "docs/ops.md", messageId: "missing", line: 1, column: 1 }],
    },
    {
      name: "a section missing: at the document's title",
      files: withStrategy(CONTRACT.replace("## Rollback procedure", "## Notes")),
      errors: [
        { file: STRATEGY, messageId: "missingSection", data: { heading: "Rollback procedure" }, line: 1, column: 1 },
      ],
    },
    {
      name: "a heading at level 1 does not count as a section",
      files: withStrategy(CONTRACT.replace("## Smoke tests", "# Smoke tests")),
      errors: [{ file: STRATEGY, messageId: "missingSection", data: { heading: "Smoke tests" }, line: 1, column: 1 }],
    },
    {
      name: "a section still holding the fill-in marker: at the marker",
      files: withStrategy(
        CONTRACT.replace("## Smoke tests\n\nWritten.", "## Smoke tests\n\n<!-- deploylint: fill in -->"),
      ),
      errors: [{ file: STRATEGY, messageId: "unwritten", data: { heading: "Smoke tests" }, line: 29, column: 1 }],
    },
    {
      name: "the marker inside a list item",
      files: withStrategy(
        CONTRACT.replace("## Smoke tests\n\nWritten.", "## Smoke tests\n\n- Checks: <!-- deploylint: fill in -->"),
      ),
      errors: [{ file: STRATEGY, messageId: "unwritten", line: 29, column: 11 }],
    },
    {
      name: "every mark of a section, as the command writes several (a table cell, a line): one finding each",
      files: withStrategy(
        CONTRACT.replace(
          "## Smoke tests\n\nWritten.",
          "## Smoke tests\n\n| Check | Path |\n|---|---|\n| health | <!-- deploylint: fill in --> |\n\nOwner: <!-- deploylint: fill in -->",
        ),
      ),
      errors: [
        { file: STRATEGY, messageId: "unwritten", data: { heading: "Smoke tests" }, line: 31, column: 12 },
        { file: STRATEGY, messageId: "unwritten", data: { heading: "Smoke tests" }, line: 33, column: 8 },
      ],
    },
  ],
});

describe("the section contract", () => {
  it("reads the marker the command writes", () => {
    expect(FILL_IN_MARKER.test(FILL_IN_COMMENT)).toBe(true);
  });

  it("exports the seven headings `deploylint strategy` writes, in order", () => {
    expect(STRATEGY_SECTIONS.map((section) => section.heading)).toEqual([
      "Environment ladder",
      "Deployment pipeline",
      "Rollout strategy",
      "Rollback procedure",
      "Database migration safety",
      "Environment variable management",
      "Smoke tests",
    ]);
  });
});
