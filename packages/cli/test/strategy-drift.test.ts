// `deploylint strategy --check`: which differences between the generated text and the document are
// drift (a generated part changed or missing) and which are a person's (marks filled in, sections added).

import { FILL_IN_COMMENT } from "@deploylint/rules-strategy-docs";
import { describe, expect, it } from "vitest";
import { findDrift, lineDiff, renderDrift } from "../src/commands/strategy/drift.js";
import { withDeploymentPlan } from "../src/commands/strategy/rfc.js";
import { splitSections } from "../src/commands/strategy/sections.js";

const GENERATED = [
  "# Deployment strategy",
  "",
  "## Environment ladder",
  "",
  "| Environment | Database |",
  "|---|---|",
  "| staging | postgres |",
  "",
  "## Rollback procedure",
  "",
  `1. **Decide** within 15 minutes. Who decides: ${FILL_IN_COMMENT}`,
  `2. **Communicate**: tell ${FILL_IN_COMMENT} that it was rolled back.`,
  "",
].join("\n");

describe("strategy drift", () => {
  it("finds none in the generated document itself", () => {
    expect(findDrift(GENERATED, GENERATED)).toEqual([]);
  });

  it("reports an edited generated cell with a diff of the row", () => {
    const drift = findDrift(GENERATED, GENERATED.replace("| staging | postgres |", "| staging | mysql |"));
    expect(drift).toEqual([
      {
        heading: "Environment ladder",
        diff: ["", " | Environment | Database |", " |---|---|", "-| staging | mysql |", "+| staging | postgres |"].map(
          (line) => (line === "" ? " " : line),
        ),
      },
    ]);
    expect(renderDrift("doc.md", drift)).toBe(
      "--- doc.md\n+++ generated\n@@ ## Environment ladder @@\n |---|---|\n-| staging | mysql |\n+| staging | postgres |\n",
    );
  });

  it("reports a missing section", () => {
    const written = GENERATED.slice(0, GENERATED.indexOf("## Rollback procedure"));
    expect(findDrift(GENERATED, written)).toEqual([{ heading: "Rollback procedure", diff: null }]);
  });

  it("leaves a section alone once every mark in it is filled, whatever the person wrote", () => {
    const written = GENERATED.replace(
      /1\. \*\*Decide\*\*[\s\S]*$/,
      "1. The on-call engineer decides within 15 minutes.\n2. Post in #incidents.\n",
    );
    expect(findDrift(GENERATED, written)).toEqual([]);
  });

  it("keeps judging a partly filled section around its remaining marks", () => {
    const partly = GENERATED.replace(`Who decides: ${FILL_IN_COMMENT}`, "Who decides: the on-call engineer");
    expect(findDrift(GENERATED, partly)).toEqual([]);
    const broken = partly.replace("within 15 minutes", "within an hour");
    expect(findDrift(GENERATED, broken).map((drift) => drift.heading)).toEqual(["Rollback procedure"]);
  });

  it("ignores sections a person added and heading case", () => {
    const written = `${GENERATED.replace("## Environment ladder", "## environment ladder")}\n## Contacts\n\nAsk ops.\n`;
    expect(findDrift(GENERATED, written)).toEqual([]);
  });

  it("does not take a ## line inside a code block for a heading", () => {
    const sections = splitSections("## A\n\n```sh\n## not a heading\n```\n\n## B\n");
    expect(sections.map((section) => section.heading)).toEqual([null, "A", "B"]);
  });

  it("diffs lines by their longest common run", () => {
    expect(lineDiff(["a", "b", "c"], ["a", "x", "c"])).toEqual([" a", "-b", "+x", " c"]);
    expect(lineDiff([], ["a"])).toEqual(["+a"]);
  });
});

describe("strategy --rfc deployment plan", () => {
  const RFC = "# RFC: wishlists\n\nShoppers keep a wishlist.\n";

  it("appends the plan once: a second run leaves the RFC unchanged", () => {
    const once = withDeploymentPlan(RFC, { canary: false, migrations: true });
    expect(once).not.toBeNull();
    expect(once?.startsWith(`${RFC}\n## Deployment plan\n`)).toBe(true);
    expect(withDeploymentPlan(once ?? "", { canary: false, migrations: true })).toBeNull();
  });

  it("has the migration order, the 0 → 5 → 25 → 50 → 100% steps, the cleanup date and the rollback triggers", () => {
    const plan = withDeploymentPlan(RFC, { canary: false, migrations: true }) ?? "";
    expect(plan).toContain("### Migration order");
    const users = [...plan.matchAll(/^\| \d \| (\d+)%/gm)].map((match) => Number(match[1]));
    expect(users).toEqual([0, 5, 25, 50, 100]);
    expect(plan).toContain(`Flag cleanup: remove the flag and the old code path by ${FILL_IN_COMMENT} (a date).`);
    expect(plan).toContain("| Metric | Threshold | Max degraded time |");
    expect(plan).not.toContain("Canary criteria");
  });

  it("adds canary criteria only when a canary is configured", () => {
    expect(withDeploymentPlan(RFC, { canary: true, migrations: false })).toContain("### Canary criteria");
  });

  it("recognises an existing plan at any heading level, but not one inside a code block", () => {
    expect(
      withDeploymentPlan(`${RFC}\n### Deployment Plan\n\nDone.\n`, { canary: false, migrations: false }),
    ).toBeNull();
    expect(
      withDeploymentPlan(`${RFC}\n\`\`\`md\n## Deployment plan\n\`\`\`\n`, { canary: false, migrations: false }),
    ).not.toBeNull();
  });
});
