// Exact output of the stylish reporter: alignment, the legend of help once per rule, the count
// table, wrapping to a width, summary variants and colour.
import type { LintResult, ReporterContext } from "@deploylint/core";
import { describe, expect, it } from "vitest";
import { DEFAULT_DOCS_BASE } from "../src/rule-info.js";
import { stylish } from "../src/stylish.js";
import { dropColumn, dropIndex, emptyResult, smallResult } from "./fixtures.js";

const DOCS = DEFAULT_DOCS_BASE;

const plain: ReporterContext = { cwd: "/repo", color: false, rules: {} };
const colored: ReporterContext = { ...plain, color: true };

describe("stylish reporter", () => {
  const legend = (rules: [string, string][]) => [
    "Rules, what to do, and their docs:",
    ...rules.flatMap(([id, help]) => [`  ${id}  ${DOCS}/${id}.md`, `    ${help}`]),
  ];
  const table = [
    "Rule                                      Errors  Warnings  Infos",
    "migrations/no-drop-column                      1         0      0",
    "migrations/require-concurrent-index-drop       0         1      0",
    "secrets/no-hardcoded-secret                    1         0      0",
  ];

  it("groups findings by file with aligned columns, then each rule's help once, then a count per rule", () => {
    expect(stylish(smallResult, plain)).toBe(
      [
        "db/migrations/000003_drop.up.sql",
        "   1:1  error    Dropping column email breaks running code.  migrations/no-drop-column",
        "  12:3  warning  DROP INDEX locks writes.                    migrations/require-concurrent-index-drop",
        "",
        "src/config.ts",
        "  4:18  error  Hardcoded secret sk_l****… in source.  secrets/no-hardcoded-secret",
        "",
        ...legend([["migrations/no-drop-column", "Stop reading the column, deploy, then drop it."]]).slice(0, 3),
        `  migrations/require-concurrent-index-drop  ${DOCS}/migrations/require-concurrent-index-drop.md`,
        ...legend([["secrets/no-hardcoded-secret", "Read it from the environment."]]).slice(1),
        "",
        ...table,
        "",
        "✖ 3 problems (2 errors, 1 warning)",
        "",
      ].join("\n"),
    );
  });

  it("prints a help shared by many findings once, and keeps under a finding only a help that differs", () => {
    const many = [1, 2, 3].map((line) => ({ ...dropColumn, line }));
    const other = { ...dropColumn, line: 9, help: "Column email: stop reading it first." };
    const output = stylish({ ...emptyResult, findings: [...many, other] }, plain);
    expect(output.split("Stop reading the column, deploy, then drop it.").length - 1).toBe(1);
    expect(output).toContain(
      "  9:1  error  Dropping column email breaks running code.  migrations/no-drop-column\n              help: Column email: stop reading it first.\n",
    );
    expect(output).toContain(`  migrations/no-drop-column  ${DOCS}/migrations/no-drop-column.md\n    Stop reading`);
  });

  it("falls back to the rule's own help, then its description, when no finding carries one", () => {
    const rules = {
      "migrations/require-concurrent-index-drop": {
        description: "Require DROP INDEX CONCURRENTLY.",
        help: "Drop it concurrently.",
      },
    };
    const result = { ...emptyResult, findings: [dropIndex] };
    expect(stylish(result, { ...plain, rules })).toContain("-drop.md\n    Drop it concurrently.\n");
    const described = {
      "migrations/require-concurrent-index-drop": { description: "Require DROP INDEX CONCURRENTLY." },
    };
    expect(stylish(result, { ...plain, rules: described })).toContain(
      "-drop.md\n    Require DROP INDEX CONCURRENTLY.\n",
    );
  });

  it("wraps messages to the width, never breaking a path or a URL", () => {
    const path = `docs/guides/${"x".repeat(60)}.md`;
    const long = { ...dropColumn, message: `Dropping column email breaks running code; see ${path} for the steps.` };
    const output = stylish({ ...emptyResult, findings: [long] }, { ...plain, width: 72 });
    const lines = output.split("\n");
    // Too long to stand beside a rule id column: it wraps across the width, its id after its end.
    expect(lines.slice(0, 4)).toEqual([
      "db/migrations/000003_drop.up.sql",
      "  1:1  error  Dropping column email breaks running code; see",
      `              ${path}`,
      "              for the steps.  migrations/no-drop-column",
    ]);
    // The docs link is longer than the width: it moves to a line of its own and stays whole.
    expect(lines).toContain(`    ${DOCS}/migrations/no-drop-column.md`);
    expect(lines).toContain("  migrations/no-drop-column");
  });

  it("keeps the rule ids in a column when every message fits beside them", () => {
    // 101 columns: exactly the widest line of the file (17 + 42 + 2 + 40).
    const output = stylish(smallResult, { ...plain, width: 101 });
    expect(output.split("\n").slice(0, 3)).toEqual([
      "db/migrations/000003_drop.up.sql",
      "   1:1  error    Dropping column email breaks running code.  migrations/no-drop-column",
      "  12:3  warning  DROP INDEX locks writes.                    migrations/require-concurrent-index-drop",
    ]);
  });

  it("puts the rule id under the message when the terminal is too narrow for both", () => {
    const output = stylish({ ...emptyResult, findings: [dropColumn] }, { ...plain, width: 40 });
    expect(output.split("\n").slice(0, 5)).toEqual([
      "db/migrations/000003_drop.up.sql",
      "  1:1  error  Dropping column email",
      "              breaks running code.",
      "              migrations/no-drop-column",
      "",
    ]);
  });

  it("does not wrap without a width", () => {
    const long = { ...dropColumn, message: "word ".repeat(60).trim() };
    const output = stylish({ ...emptyResult, findings: [long] }, plain);
    expect(output.split("\n")[1]).toBe(`  1:1  error  ${long.message}  migrations/no-drop-column`);
  });

  it("suggests init or --update-baseline past 50 findings, and not at 50", () => {
    const findings = (count: number) => Array.from({ length: count }, (_, i) => ({ ...dropIndex, line: i + 1 }));
    const hint = /^More than 50 findings: run deploylint init .* deploylint --update-baseline .*\.$/m;
    expect(stylish({ ...emptyResult, findings: findings(51) }, plain)).toMatch(hint);
    expect(stylish({ ...emptyResult, findings: findings(50) }, plain)).not.toMatch(/More than 50/);
  });

  it("colours the path, position, severity, rule id, legend and summary when color is on", () => {
    const dim = (s: string) => `\x1b[2m${s}\x1b[22m`;
    const bold = (s: string) => `\x1b[1m${s}\x1b[22m`;
    expect(stylish({ ...smallResult, findings: [dropColumn] }, colored)).toBe(
      [
        "\x1b[4mdb/migrations/000003_drop.up.sql\x1b[24m",
        `  ${dim("1:1")}  \x1b[31merror\x1b[39m  Dropping column email breaks running code.  ${dim("migrations/no-drop-column")}`,
        "",
        bold("Rules, what to do, and their docs:"),
        `  ${bold("migrations/no-drop-column")}  ${dim(`${DOCS}/migrations/no-drop-column.md`)}`,
        "    Stop reading the column, deploy, then drop it.",
        "",
        bold("Rule                       Errors  Warnings  Infos"),
        "migrations/no-drop-column       1         0      0",
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
        "Rules, what to do, and their docs:",
        `  migrations/require-concurrent-index-drop  ${DOCS}/migrations/require-concurrent-index-drop.md`,
        "",
        "Rule                                      Errors  Warnings  Infos",
        "migrations/require-concurrent-index-drop       0         0      1",
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
