// Issue 16: --fix documents a variable in the example file the repository already has, whatever
// its name and wherever its workspace package keeps it; it never creates a second example, and a
// second run changes nothing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempRepo } from "../support/cli.js";

const FIX = ["--fix", "--only", "env-docs/no-undocumented-var"];

function fixTwice(dir: string, example: string): string {
  const first = runCli(FIX, { cwd: dir });
  expect(first.stderr).toContain(`fixed 1 problem(s) in ${example}.`);
  expect(first.status).toBe(0);
  const fixed = readFileSync(join(dir, example), "utf8");
  const second = runCli(FIX, { cwd: dir });
  expect(second.stderr).not.toContain("fixed");
  expect(readFileSync(join(dir, example), "utf8")).toBe(fixed);
  return fixed;
}

describe("--fix and the repository's example file", () => {
  it("adds to an example named env.sample, and creates no .env.example", () => {
    const dir = tempRepo({
      "env.sample": "# Database.\nDATABASE_URL=postgres://localhost/app\n",
      "src/a.ts": "process.env.API_KEY;\n",
    });
    expect(fixTwice(dir, "env.sample")).toBe(
      "# Database.\nDATABASE_URL=postgres://localhost/app\n\n# TODO: describe API_KEY.\nAPI_KEY=\n",
    );
    expect(existsSync(join(dir, ".env.example"))).toBe(false);
  }, 120_000);

  it("adds to an example that lists nothing yet", () => {
    const dir = tempRepo({ ".env.template": "# Copy to .env.\n", "src/a.ts": "process.env.API_KEY;\n" });
    expect(fixTwice(dir, ".env.template")).toBe("# Copy to .env.\n\n# TODO: describe API_KEY.\nAPI_KEY=\n");
    expect(existsSync(join(dir, ".env.example"))).toBe(false);
  }, 120_000);

  it("adds a workspace package's read to that package's example, wherever in the package it is", () => {
    const dir = tempRepo({
      "package.json": '{ "workspaces": ["apps/*"] }',
      ".env.example": "# Shared.\nSHARED_URL=http://localhost\n",
      "apps/api/package.json": "{}",
      "apps/api/docker/.env.sample": "# API port.\nAPI_PORT=4000\n",
      "apps/api/src/server.ts": "process.env.API_PORT; process.env.SHARED_URL; process.env.QUEUE_URL;\n",
    });
    expect(fixTwice(dir, "apps/api/docker/.env.sample")).toBe(
      "# API port.\nAPI_PORT=4000\n\n# TODO: describe QUEUE_URL.\nQUEUE_URL=\n",
    );
    expect(readFileSync(join(dir, ".env.example"), "utf8")).toBe("# Shared.\nSHARED_URL=http://localhost\n");
  }, 120_000);
});
