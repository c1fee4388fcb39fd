// Every --format on a copy of the acme-shop acceptance repository, through the real CLI: SARIF
// valid against the official schema, JUnit well-formed, GitHub's job summary written, and no raw
// secret from the repository's files in any output.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/cli.js";

const ACME = resolve(ROOT, "..", "shared", "acceptance", "acme-shop");
const SARIF_SCHEMA = join(ROOT, "packages", "reporters", "test", "fixtures", "sarif-schema-2.1.0.json");

// Values planted in acme-shop's files; only masked forms may appear in a report.
const RAW_SECRETS = [
  "sk_live_4eC39HqLyjWDarjtT1zdp7dc0123456789abcdefghij",
  "AKIAQX4Z7TLW2RBNM3VD",
  "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzQ8h3nT5Vq",
  "Xk9vR2mQ7pLw",
  "N7q2Lx9Vw4Rz",
  "Tr0ub4dor&3-prod-9Qz",
  "sk_live_51HqLyjWDarjtT1zdp7dcXyz0123456789abcdefghijABCDEFGH",
  "9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddccbbaa99887766554433221100",
  "key-7f3c9a1e5b2d4f6a8c0e1b3d5f7a9c2e",
];

const FORMATS = ["stylish", "json", "sarif", "github", "gitlab", "junit", "markdown"];

let dir = "";
const outputs = new Map<string, { status: number | null; stdout: string; stderr: string }>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "deploylint-formats-"));
  cpSync(ACME, dir, { recursive: true });
  for (const format of FORMATS) outputs.set(format, runCli(["--format", format], { cwd: dir }));
}, 120_000);

function output(format: string) {
  const run = outputs.get(format);
  if (!run) throw new Error(`no run for ${format}`);
  return run;
}

describe("every format on acme-shop", () => {
  for (const format of FORMATS) {
    it(`${format}: exits 1 with a report and no raw secret`, () => {
      const run = output(format);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(1);
      expect(run.stdout.length).toBeGreaterThan(100);
      for (const secret of RAW_SECRETS) expect(run.stdout).not.toContain(secret);
    });
  }

  it("the secret check can fail: the raw values are in the repository", () => {
    const files = ["src/aws.ts", ".github/workflows/deploy.yml", "deploy/staging.env"].map((f) =>
      readFileSync(join(dir, f), "utf8"),
    );
    expect(files.join("\n")).toContain("AKIAQX4Z7TLW2RBNM3VD");
    expect(files.join("\n")).toContain("Tr0ub4dor&3-prod-9Qz");
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
    const text = readFileSync(summary, "utf8");
    expect(text.startsWith("# Earlier step\n## deploylint\n")).toBe(true);
    const findings = JSON.parse(output("json").stdout).findings as unknown[];
    expect(text.match(/^\| \d+:\d+ \|/gm)).toHaveLength(findings.length);
    for (const secret of RAW_SECRETS) expect(text).not.toContain(secret);
  });
});
