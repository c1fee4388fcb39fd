// --fix writes only valid variable names ([A-Za-z_][A-Za-z0-9_]*): a name read from code is
// untrusted text, and one holding a newline, `=`, `#`, quotes or spaces would inject entries into
// the example file. Such a name is reported (escaped) and never written.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runJson, tempRepo } from "../../support/cli.js";

const EXAMPLE = "# Where the database is.\nDATABASE_URL=postgres://localhost/app\n";

describe("--fix and invalid variable names", () => {
  it("reports names with a newline, `=`, `#`, quotes or spaces and writes none of them", () => {
    const dir = tempRepo({
      ".env.example": EXAMPLE,
      "src/a.ts": [
        'export const a = process.env["A\\nINJECTED=evil"];',
        'export const b = process.env["HAS SPACE"];',
        'export const c = process.env["X=1"];',
        'export const d = process.env["Y#comment"];',
        'export const e = process.env["Q\'UOTE"];',
        'export const f = process.env["1STARTS_WITH_DIGIT"];',
        "export const g = process.env.GOOD_NAME;",
        "",
      ].join("\n"),
    });
    const run = runCli(["--fix", "--only", "env-docs/no-undocumented-var", "--format", "json"], { cwd: dir });
    expect(run.status).toBe(1);
    // Only the valid name is written.
    expect(readFileSync(join(dir, ".env.example"), "utf8")).toBe(
      `${EXAMPLE}\n# TODO: describe GOOD_NAME.\nGOOD_NAME=\n`,
    );
    const findings: { message: string; line: number }[] = JSON.parse(run.stdout).findings;
    expect(findings.map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6]);
    // Each invalid name is quoted and escaped in the message, so a newline cannot forge a line of output.
    expect(findings[0]?.message).toContain('The code reads the variable "A\\nINJECTED=evil", which is not a valid');
    expect(findings[1]?.message).toContain('"HAS SPACE"');
    for (const finding of findings) expect(finding.message).not.toContain("\n");
  });

  it("does not create a missing example for an invalid name", () => {
    const dir = tempRepo({ "src/a.ts": 'export const a = process.env["A\\nB=evil"];\n' });
    const first = runJson(["--fix", "--only", "env-docs/no-undocumented-var"], { cwd: dir });
    expect(first.report.findings).toHaveLength(1);
    expect(first.stderr).not.toContain("fixed");
    expect(() => readFileSync(join(dir, ".env.example"))).toThrow(/ENOENT/);
  });
});
