// Every --format on a copy of the harbor-shop fixture repository, through the real CLI: SARIF
// valid against the official schema, JUnit well-formed, GitHub's job summary written, and no raw
// secret from the repository's files in any output.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli, tempRepo } from "../support/cli.js";

const SARIF_SCHEMA = join(ROOT, "packages", "reporters", "test", "fixtures", "sarif-schema-2.1.0.json");

// Values planted in harbor-shop's files; only masked forms may appear in a report.
const RAW_SECRETS = [
  "sk_live_gFa1LDY8FJmeJ3vc6s4uEHdbrGDqFgg2HBiolgFe",
  "AKIAGVT2HHLO4ALTUDYI",
  "HsDX8FpqIFfFuG9noZl4rklatGUf02uLK1WVlfiU",
  "xYtLqYP5nQdlAL",
  "WB3YZDEMHoEo9ywO",
  "1w37tF32rFoIEUHpRDGdDmRobvq8P6E2c0NZf4piPbg=",
  "coq1UIF6wI-P3FLvy75",
  "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",
];

const NO_SUMMARY =
  "deploylint: GITHUB_STEP_SUMMARY is not set, so the full list of findings is only in this log, not in a job summary.\n";

const FORMATS = ["stylish", "json", "sarif", "github", "gitlab", "junit", "markdown"];

let dir = "";
const outputs = new Map<string, { status: number | null; stdout: string; stderr: string }>();

beforeAll(() => {
  dir = tempRepo({}, "harbor-shop");
  for (const format of FORMATS) outputs.set(format, runCli(["--format", format], { cwd: dir }));
}, 120_000);

function output(format: string) {
  const run = outputs.get(format);
  if (!run) throw new Error(`no run for ${format}`);
  return run;
}

describe("every format on harbor-shop", () => {
  for (const format of FORMATS) {
    it(`${format}: exits 1 with a report and no raw secret`, () => {
      const run = output(format);
      // Outside a GitHub step there is no job summary to hold the findings past the annotation limit.
      expect(run.stderr).toBe(format === "github" ? NO_SUMMARY : "");
      expect(run.status).toBe(1);
      expect(run.stdout.length).toBeGreaterThan(100);
      for (const secret of RAW_SECRETS) expect(run.stdout).not.toContain(secret);
    });
  }

  it("the secret check can fail: every raw value is in the repository", () => {
    const files = [
      "src/billing/stripe-client.ts",
      "src/storage/s3.ts",
      "src/db/pool.ts",
      ".env.production",
      ".env.example",
      "deploy/staging.env",
      ".github/workflows/deploy.yml",
    ].map((f) => readFileSync(join(dir, f), "utf8"));
    for (const secret of RAW_SECRETS) expect(files.join("\n")).toContain(secret);
  });

  it("sarif validates against the SARIF 2.1.0 schema and has one result per JSON finding", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, "utf8")));
    const log = JSON.parse(output("sarif").stdout);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const findings = JSON.parse(output("json").stdout).findings as unknown[];
    expect(log.runs[0].results).toHaveLength(findings.length);
    expect(log.runs[0].tool.driver.semanticVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("junit is well-formed XML with a testcase per finding", () => {
    const xml = output("junit").stdout;
    expect(XMLValidator.validate(xml)).toBe(true);
    const findings = JSON.parse(output("json").stdout).findings as unknown[];
    expect(xml.match(/<testcase /g)).toHaveLength(findings.length);
  });

  it("gitlab is a Code Quality array with one issue per finding", () => {
    const issues = JSON.parse(output("gitlab").stdout) as { check_name: string }[];
    const findings = JSON.parse(output("json").stdout).findings as { ruleId: string }[];
    expect(issues.map((i) => i.check_name)).toEqual(findings.map((f) => f.ruleId));
  });

  it("github also appends every finding to $GITHUB_STEP_SUMMARY when it is set", () => {
    // Outside the linted tree, so the file count of the report stays the same.
    const summary = join(mkdtempSync(join(tmpdir(), "deploylint-summary-")), "step-summary.md");
    writeFileSync(summary, "# Earlier step\n");
    const run = runCli(["--format", "github"], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.stdout).toBe(output("github").stdout);
    expect(run.stderr).toBe("");
    const text = readFileSync(summary, "utf8");
    const errors = (run.stdout.match(/^::error /gm) ?? []).length;
    const findings = JSON.parse(output("json").stdout).findings as { severity: string }[];
    // harbor-shop has more errors than GitHub annotates: the summary says so above the full list.
    expect(findings.filter((f) => f.severity === "error").length).toBeGreaterThan(10);
    expect(errors).toBe(10);
    expect(text).toMatch(/^# Earlier step\n> \[!NOTE\]\n> \d+ findings of \d+ not annotated: .*\n\n## deploylint\n/);
    expect(text.match(/^\| \d+:\d+ \|/gm)).toHaveLength(findings.length);
    for (const secret of RAW_SECRETS) expect(text).not.toContain(secret);
  });
});
