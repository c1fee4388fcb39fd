// deploylint --fix: undocumented variables are appended to the nearest example with a TODO
// description, keeping the file's content; a second run changes nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runJson, tempRepo } from "../support/cli.js";

const EXAMPLE =
  "# Where the database is.\n# @required @example=postgres://localhost/app\nDATABASE_URL=postgres://localhost/app";

describe("--fix", () => {
  it("documents undocumented variables in the nearest example, once, and is idempotent", () => {
    const dir = tempRepo({
      ".env.example": EXAMPLE,
      "src/a.ts": "export const a = [process.env.DATABASE_URL, process.env.API_KEY, process.env.QUEUE_URL];\n",
      "src/b.ts": "export const b = process.env.API_KEY;\n",
    });
    const first = runCli(["--fix", "--only", "env-docs/no-undocumented-var", "--format", "json"], { cwd: dir });
    expect(first.stderr).toContain("deploylint: fixed 2 problem(s) in .env.example.");
    expect(JSON.parse(first.stdout).findings).toEqual([]);
    expect(first.status).toBe(0);
    const fixed = readFileSync(join(dir, ".env.example"), "utf8");
    expect(fixed).toBe(
      `${EXAMPLE}\n\n# TODO: describe API_KEY.\nAPI_KEY=\n\n# TODO: describe QUEUE_URL.\nQUEUE_URL=\n`,
    );
    const second = runCli(["--fix", "--only", "env-docs/no-undocumented-var"], { cwd: dir });
    expect(second.stderr).not.toContain("fixed");
    expect(readFileSync(join(dir, ".env.example"), "utf8")).toBe(fixed);
  });

  it("creates .env.example when the repository has none, and leaves the JSON contract without fixes", () => {
    const dir = tempRepo({ "src/a.ts": "export const a = process.env.TOKEN_URL;\n" });
    const report = runJson(["--only", "env-docs/no-undocumented-var"], { cwd: dir });
    expect(report.stdout).not.toContain('"fix"');
    runCli(["--fix"], { cwd: dir });
    expect(readFileSync(join(dir, ".env.example"), "utf8")).toBe("\n# TODO: describe TOKEN_URL.\nTOKEN_URL=\n");
  });

  it("refuses --fix with --staged", () => {
    const run = runCli(["--fix", "--staged"], { cwd: tempRepo({ "a.txt": "x" }) });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--fix edits the working tree/);
  });
});
