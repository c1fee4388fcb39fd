// --fix keeps a file's bytes outside the lines it adds: a UTF-8 BOM stays, CRLF files get CRLF
// lines, a missing final line break is added only where the addition starts. A file it cannot
// write back losslessly (UTF-16, invalid UTF-8, mixed or lone-CR line endings) is refused.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempRepo } from "../../support/cli.js";

const READS = "export const a = [process.env.FOO, process.env.NEW_VAR];\n";
const ADDED = "\n# TODO: describe NEW_VAR.\nNEW_VAR=\n";
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function fixExample(example: Buffer) {
  const dir = tempRepo({ ".env.example": example, "src/a.ts": READS });
  const run = runCli(["--fix", "--only", "env-docs/no-undocumented-var"], { cwd: dir });
  return { run, after: readFileSync(join(dir, ".env.example")) };
}

describe("--fix keeps encoding, BOM and line endings", () => {
  it("gives a CRLF file CRLF lines", () => {
    const before = Buffer.from("# The app's foo.\r\nFOO=1\r\n");
    const { run, after } = fixExample(before);
    expect(run.status).toBe(0);
    expect(after.toString("latin1")).toBe(`${before.toString("latin1")}${ADDED.replace(/\n/g, "\r\n")}`);
  });

  it("keeps a UTF-8 BOM and non-ASCII text, and ends a CRLF last line without a break before appending", () => {
    const before = Buffer.concat([BOM, Buffer.from("# Größe der Warteschlange 🚀\r\nFOO=1")]);
    const { run, after } = fixExample(before);
    expect(run.status).toBe(0);
    expect(after.equals(Buffer.concat([before, Buffer.from(`\r\n${ADDED.replace(/\n/g, "\r\n")}`)]))).toBe(true);
  });

  it("adds one line break to an LF file without a final newline and changes nothing else", () => {
    const before = Buffer.from("FOO=1\n# trailing comment with spaces   ");
    const { run, after } = fixExample(before);
    expect(run.status).toBe(0);
    expect(after.toString("utf8")).toBe(`FOO=1\n# trailing comment with spaces   \n${ADDED}`);
  });

  it.each([
    [
      "UTF-16 (LE)",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("FOO=1\n", "utf16le")]),
      /encoded as UTF-16 \(LE\)/,
    ],
    ["invalid UTF-8", Buffer.from([...Buffer.from("# caf"), 0xe9, ...Buffer.from("\nFOO=1\n")]), /not valid UTF-8/],
    ["mixed line endings", Buffer.from("# foo\r\nFOO=1\n"), /mixes CRLF and LF line endings/],
    ["lone carriage returns", Buffer.from("# foo\rFOO=1\r"), /carriage returns that do not end a CRLF line/],
  ])("refuses a file it cannot round-trip (%s) and leaves its bytes alone", (_name, before, reason) => {
    const { run, after } = fixExample(before);
    expect(after.equals(before)).toBe(true);
    expect(run.stderr).toMatch(/deploylint: did not fix \.env\.example: /);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toContain("deploylint: fixed");
  });
});
