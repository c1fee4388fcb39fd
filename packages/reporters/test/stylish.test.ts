// Exact output of the stylish reporter: alignment, help lines, summary variants and colour.
import type { LintResult, ReporterContext } from "@deploylint/core";
import { describe, expect, it } from "vitest";
import { stylish } from "../src/stylish.js";
import { dropIndex, emptyResult, smallResult } from "./fixtures.js";

const plain: ReporterContext = { cwd: "/repo", color: false, rules: {} };
const colored: ReporterContext = { ...plain, color: true };

describe("stylish reporter", () => {
  it("groups findings by file with aligned columns and help lines", () => {
    expect(stylish(smallResult, plain)).toBe(
      [
        "db/migrations/000003_drop.up.sql",
        "   1:1  error    Dropping column email breaks running code.  migrations/no-drop-column",
        "                 help: Stop reading the column, deploy, then drop it.",
        "  12:3  warning  DROP INDEX locks writes.                    migrations/require-concurrent-index-drop",
        "",
        "src/config.ts",
        "  4:18  error  Hardcoded secret sk_l****… in source.  secrets/no-hardcoded-secret",
        "               help: Read it from the environment.",
        "",
        "✖ 3 problems (2 errors, 1 warning)",
        "",
      ].join("\n"),
    );
  });

  it("colours the path, position, severity, rule id, help and summary when color is on", () => {
    const dim = (s: string) => `\x1b[2m${s}\x1b[22m`;
    expect(stylish(smallResult, colored)).toBe(
      [
        "\x1b[4mdb/migrations/000003_drop.up.sql\x1b[24m",
        `  ${dim(" 1:1")}  \x1b[31merror  \x1b[39m  Dropping column email breaks running code.  ${dim("migrations/no-drop-column")}`,
        `                 ${dim("help: Stop reading the column, deploy, then drop it.")}`,
        `  ${dim("12:3")}  \x1b[33mwarning\x1b[39m  DROP INDEX locks writes.                    ${dim("migrations/require-concurrent-index-drop")}`,
        "",
        "\x1b[4msrc/config.ts\x1b[24m",
        `  ${dim("4:18")}  \x1b[31merror\x1b[39m  Hardcoded secret sk_l****… in source.  ${dim("secrets/no-hardcoded-secret")}`,
        `               ${dim("help: Read it from the environment.")}`,
        "",
        "\x1b[1m\x1b[31m✖ 3 problems (2 errors, 1 warning)\x1b[39m\x1b[22m",
        "",
      ].join("\n"),
    );
  });

  it("reports a clean run with the number of files", () => {
    expect(stylish(emptyResult, plain)).toBe("✔ No problems found in 7 files.\n");
    expect(stylish({ ...emptyResult, summary: { ...emptyResult.summary, files: 1 } }, plain)).toBe(
      "✔ No problems found in 1 file.\n",
    );
    expect(stylish(emptyResult, colored)).toBe("\x1b[32m✔ No problems found in 7 files.\x1b[39m\n");
  });

  it("adds the suppressed count when it is not zero", () => {
    const clean = { ...emptyResult, summary: { ...emptyResult.summary, suppressed: 2 } };
    expect(stylish(clean, plain)).toBe("✔ No problems found in 7 files (2 suppressed).\n");
    const dirty = { ...smallResult, summary: { ...smallResult.summary, suppressed: 1 } };
    expect(stylish(dirty, plain).endsWith("✖ 3 problems (2 errors, 1 warning; 1 suppressed)\n")).toBe(true);
  });

  it("shows info findings as info and counts them", () => {
    const result: LintResult = {
      ...emptyResult,
      findings: [{ ...dropIndex, severity: "info", line: 3, column: 1 }],
    };
    expect(stylish(result, plain)).toBe(
      [
        "db/migrations/000003_drop.up.sql",
        "  3:1  info  DROP INDEX locks writes.  migrations/require-concurrent-index-drop",
        "",
        "✖ 1 problem (0 errors, 0 warnings, 1 info)",
        "",
      ].join("\n"),
    );
  });

  it("warns when the warnings exceed maxWarnings, and only then", () => {
    const tooMany = "Too many warnings: 1 found, the maximum is 0 (--max-warnings), so this run fails.\n";
    expect(stylish(smallResult, { ...plain, maxWarnings: 0 }).endsWith(`warning)\n${tooMany}`)).toBe(true);
    expect(stylish(smallResult, { ...plain, maxWarnings: 1 })).toBe(stylish(smallResult, plain));
  });

  it("emits no ANSI escape when color is off", () => {
    const result = { ...smallResult, summary: { ...smallResult.summary, suppressed: 3 } };
    expect(stylish(result, { ...plain, maxWarnings: 0 })).not.toContain("\x1b[");
  });
});
