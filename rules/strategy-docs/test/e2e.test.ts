// End to end: the built CLI with `extends: [recommended, strategy]` (each fixture's own config) on
// the good fixture repository (no strategy-docs finding) and the broken one (each rule once), and
// a zero-config run on the broken one (the pack is off in recommended: no finding).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const HERE = dirname(fileURLToPath(import.meta.url));
const BIN = resolve(HERE, "..", "..", "..", "packages", "cli", "bin", "deploylint.js");
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

interface Finding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
}

function lint(fixture: string, options: { withConfig: boolean }): string[] {
  const dir = mkdtempSync(join(tmpdir(), "deploylint-strategy-docs-"));
  temps.push(dir);
  cpSync(join(HERE, "fixtures", fixture), dir, { recursive: true });
  if (!options.withConfig) rmSync(join(dir, "deploylint.config.yaml"));
  const run = spawnSync(process.execPath, [BIN, "--format", "json", "--no-cache"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 60_000,
  });
  let report: { findings: Finding[] };
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`no JSON report (exit ${run.status}): ${run.stderr}`);
  }
  return report.findings
    .filter((finding) => finding.ruleId.startsWith("strategy-docs/"))
    .map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}`)
    .sort();
}

describe("strategy-docs through the CLI", () => {
  it("finds nothing in the good fixture", () => {
    expect(lint("good", { withConfig: true })).toEqual([]);
  });

  it("finds each rule's problem once in the broken fixture", () => {
    expect(lint("broken", { withConfig: true })).toEqual([
      "strategy-docs/ladder-matches-manifest standards/ops/deployment-strategy.md:10:11",
      "strategy-docs/migration-rules-stated standards/ops/deployment-strategy.md:38:1",
      "strategy-docs/require-strategy standards/ops/deployment-strategy.md:46:1",
      "strategy-docs/rfc-deployment-plan artifacts/rfcs/0001-gift-cards.md:12:1",
      "strategy-docs/rollback-procedure standards/ops/deployment-strategy.md:24:1",
      "strategy-docs/rollout-matches-model standards/ops/deployment-strategy.md:19:1",
    ]);
  });

  it("is off in a zero-config run", () => {
    expect(lint("broken", { withConfig: false })).toEqual([]);
  });
});
