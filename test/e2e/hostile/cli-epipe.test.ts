// `deploylint --format json | head -c 10`: the reader closing the pipe ends the run quietly, with the
// exit code the findings decided (1 here), not a stack trace and not 0.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, tempRepo } from "../../support/cli.js";

describe("a closed stdout", () => {
  it("ends quietly with the findings' exit code", () => {
    // Enough findings that the report is far larger than a pipe's buffer.
    const drops = Array.from({ length: 3000 }, (_, i) => `ALTER TABLE t${i} DROP COLUMN c${i};`).join("\n");
    const dir = tempRepo({
      "db/migrations/000001_drop.up.sql": `${drops}\n`,
      "db/migrations/000001_drop.down.sql": "SELECT 1;\n",
    });
    const script = `"${process.execPath}" "${BIN}" --format json | head -c 10 > /dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`;
    const run = spawnSync("bash", ["-c", script], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 60_000,
    });
    expect(run.stderr).toMatch(/^exit=1\n$/);
  });
});
