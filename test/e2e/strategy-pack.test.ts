// `deploylint strategy` and the strategy-docs pack as one feature (issue 21): on a copy of the
// example shop that extends the strategy preset, the document the command writes draws findings
// only at its fill-in marks, and once a person has filled every mark the pack has nothing to say.
// The same for `--rfc`: the skeleton's marks are findings, the filled-in plan is clean.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, runJson, tempRepo } from "../support/cli.js";
import { loadedModules } from "../support/loaded-modules.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const MARK = "<!-- deploylint: fill in -->";
const DOC = "standards/ops/deployment-strategy.md";
const RFC = "artifacts/rfcs/wishlists.md";
const PACK = "strategy-docs/";

/**
 * The shop with an RFC that adds a flag, a migration and a variable, and without its own (filled-in)
 * strategy document, so the command writes a fresh one; `strategy: false` turns the pack off.
 */
function shop(options: { strategy: boolean } = { strategy: true }): string {
  const dir = tempRepo(
    {
      [RFC]:
        "# RFC: wishlists\n\nShoppers keep a wishlist behind the feature flag `wishlists`. Adds the migration `db/migrations/000010_wishlists.up.sql` and the environment variable `WISHLIST_LIMIT`.\n",
    },
    "example-shop",
  );
  made.push(dir);
  rmSync(join(dir, DOC));
  const config = join(dir, "deploylint.config.yaml");
  const text = readFileSync(config, "utf8");
  expect(text).toMatch(/^extends: \[recommended, strategy\]$/m);
  if (!options.strategy)
    writeFileSync(config, text.replace(/^extends: \[recommended, strategy\]$/m, "extends: [recommended]"));
  return dir;
}

/**
 * What a person writes at each mark, by the text around it: a mark this table does not know fails
 * the test (the command wrote a new one; say here what a person would put there).
 */
const FILLS: [RegExp, string][] = [
  // The strategy document.
  [
    /No CI pipeline file was found[^\n]*<!-- deploylint: fill in -->/,
    "Every merge to main runs the tests and `deploylint` in CI, deploys to staging, runs the smoke checks there and waits for an approval before production.",
  ],
  [/Deployment model: <!-- deploylint: fill in -->[^\n]*/, "Deployment model: containers, updated rolling."],
  [/Platform files: none found\. <!-- deploylint: fill in -->/, "Platform files: kept by the platform team."],
  [
    /(How a release reaches users[^\n]*): <!-- deploylint: fill in -->/,
    "$1: a rolling update replaces one instance at a time, `/healthz` gates traffic, and the previous image stays available for a week.",
  ],
  [/Who decides: <!-- deploylint: fill in -->/, "Who decides: the on-call engineer."],
  [
    /Redeploy the previous release: <!-- deploylint: fill in -->/,
    "Redeploy the previous release: deploy the previous image tag again",
  ],
  [/tell <!-- deploylint: fill in --> \(the channel\)/, "tell #shop-incidents (the channel)"],
  [
    /(Secrets and their rotation[^\n]*): <!-- deploylint: fill in -->/,
    "$1: secrets live in the platform's secret store and are rotated every 90 days.",
  ],
  // The RFC's deployment plan.
  [/Expand: <!-- deploylint: fill in -->/, "Expand: create the `wishlists` table"],
  [/backfill in batches: <!-- deploylint: fill in -->/, "backfill in batches: none, the table starts empty."],
  [/Contract: <!-- deploylint: fill in -->/, "Contract: nothing to drop"],
  [/Flag: <!-- deploylint: fill in -->/, "Flag: `wishlists`"],
  [/(?<=\| 0% \(deployed, flag off\) \| )<!-- deploylint: fill in -->/, "1 day"],
  [/(?<=\| 5% \| )<!-- deploylint: fill in -->/, "24 hours"],
  [/(?<=\| 25% \| )<!-- deploylint: fill in -->/, "2 days"],
  [/(?<=\| 50% \| )<!-- deploylint: fill in -->/, "2 days"],
  [/by <!-- deploylint: fill in --> \(a date\)/, "by 2027-03-01"],
  [
    /\| Error rate \| <!-- deploylint: fill in --> \| <!-- deploylint: fill in --> \|/,
    "| Error rate | above 1% | 5 minutes |",
  ],
  [
    /\| p95 latency \| <!-- deploylint: fill in --> \| <!-- deploylint: fill in --> \|/,
    "| p95 latency | above 800 ms | 10 minutes |",
  ],
  [
    /\| <!-- deploylint: fill in --> \(a business metric\) \| <!-- deploylint: fill in --> \| <!-- deploylint: fill in --> \|/,
    "| Wishlist adds per minute | below half of last week's | 30 minutes |",
  ],
];

function fillIn(dir: string, file: string): void {
  const path = join(dir, file);
  let text = readFileSync(path, "utf8");
  for (const [mark, written] of FILLS) text = text.replace(mark, written);
  const left = text.split("\n").filter((line) => line.includes(MARK));
  expect(left, `marks this test does not know how to fill in ${file}`).toEqual([]);
  writeFileSync(path, text);
}

/** The 1-based lines of a file that hold a fill-in mark, once per mark. */
function markLines(dir: string, file: string): number[] {
  return readFileSync(join(dir, file), "utf8")
    .split("\n")
    .flatMap((line, index) => Array(line.split(MARK).length - 1).fill(index + 1));
}

function packFindings(dir: string) {
  const { findings } = runJson(["--no-cache"], { cwd: dir }).report;
  return findings.filter((finding) => finding.ruleId.startsWith(PACK));
}

describe("deploylint strategy with the strategy-docs pack", { timeout: 120_000 }, () => {
  it("writes a document whose only pack findings are its marks; filled in, the pack reports nothing", () => {
    const dir = shop();
    // Before the document exists, the pack says so.
    expect(packFindings(dir).map((finding) => finding.ruleId)).toContain(`${PACK}require-strategy`);

    const wrote = runCli(["strategy"], { cwd: dir });
    expect(wrote.stderr).toBe("");
    expect(wrote.status).toBe(0);
    const marks = markLines(dir, DOC);
    expect(marks.length).toBeGreaterThan(0);

    const unfilled = packFindings(dir).filter((finding) => finding.file === DOC);
    expect(unfilled.every((finding) => finding.ruleId === `${PACK}require-strategy`)).toBe(true);
    expect(unfilled.every((finding) => / section is not written yet /.test(finding.message))).toBe(true);
    expect(unfilled.map((finding) => finding.line)).toEqual(marks);
    // The generated section lists switched-off migrations rules (the preset turns some off): no promise.
    expect(readFileSync(join(dir, DOC), "utf8")).toMatch(/^- `migrations\/[a-z-]+` \(off\)$/m);

    fillIn(dir, DOC);
    expect(packFindings(dir).filter((finding) => finding.file === DOC)).toEqual([]);
    // The command agrees the filled-in document still matches the repository.
    expect(runCli(["strategy", "--check"], { cwd: dir }).status).toBe(0);
  });

  it("--rfc: the skeleton's marks are findings; the filled-in plan passes rfc-deployment-plan", () => {
    const dir = shop();
    expect(runCli(["strategy"], { cwd: dir }).status).toBe(0);
    fillIn(dir, DOC);
    // Without a plan the RFC (a flag, a migration, a variable) is a finding.
    expect(packFindings(dir).map((finding) => `${finding.ruleId} ${finding.file}`)).toEqual([
      `${PACK}rfc-deployment-plan ${RFC}`,
    ]);

    expect(runCli(["strategy", "--rfc", RFC], { cwd: dir }).status).toBe(0);
    const marks = markLines(dir, RFC);
    const unfilled = packFindings(dir);
    expect(unfilled.length).toBeGreaterThan(0);
    for (const finding of unfilled) {
      expect(finding.ruleId).toBe(`${PACK}rfc-deployment-plan`);
      expect(finding.message).toContain("not written yet");
      expect(marks).toContain(finding.line);
    }

    fillIn(dir, RFC);
    expect(packFindings(dir)).toEqual([]);
  });
});

/** Every module URL a lint run of `dir` loads, ES modules and require()d files alike. */
function modulesLoaded(dir: string): string[] {
  const run = loadedModules(["--no-cache", "--format", "json"], { cwd: dir });
  expect(run.stdout).toMatch(/"findings"/);
  return run.urls;
}

const MARKDOWN_PARSER =
  /micromark|mdast-util-from-markdown|\/packages\/cli\/bundle\/parse-[^/]*\.c?js$|\/strategy-docs\/dist\/markdown\/parse\.js$/;

describe("start-up", { timeout: 120_000 }, () => {
  it("loads the markdown parser only when a strategy-docs rule reads a markdown file", () => {
    // The document and an RFC are there, but the config does not turn the pack on: no parser.
    const off = shop({ strategy: false });
    expect(runCli(["strategy"], { cwd: off }).status).toBe(0);
    expect(modulesLoaded(off).filter((url) => MARKDOWN_PARSER.test(url))).toEqual([]);
    // The pack on, and markdown to read: the parser is loaded.
    const on = shop();
    expect(runCli(["strategy"], { cwd: on }).status).toBe(0);
    expect(modulesLoaded(on).some((url) => MARKDOWN_PARSER.test(url))).toBe(true);
  });
});
