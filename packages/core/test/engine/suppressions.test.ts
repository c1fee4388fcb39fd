import { describe, expect, it } from "vitest";
import { applySuppressions, parseDirectives } from "../../src/engine/suppressions.js";

describe("parseDirectives", () => {
  it("reads SQL directives with a reason after --", () => {
    const text =
      "-- deploylint-disable-next-line migrations/no-drop-table -- replaced by events in 2025\nDROP TABLE a;\n";
    expect(parseDirectives(text, "sql")).toEqual([
      {
        kind: "disable-next-line",
        line: 1,
        column: 1,
        rules: ["migrations/no-drop-table"],
        reason: "replaced by events in 2025",
      },
    ]);
  });

  it("reads script, YAML and block-comment forms", () => {
    expect(
      parseDirectives('const a = "x"; // deploylint-disable-line secrets/a, secrets/b', "script")[0],
    ).toMatchObject({
      kind: "disable-line",
      rules: ["secrets/a", "secrets/b"],
      reason: null,
    });
    expect(parseDirectives("# deploylint-disable secrets/*\nA: 1\n", "yaml")[0]).toMatchObject({
      kind: "disable",
      rules: ["secrets/*"],
    });
    expect(parseDirectives("/* deploylint-disable-next-line x/y -- why */\nSELECT 1;", "sql")[0]).toMatchObject({
      rules: ["x/y"],
      reason: "why",
    });
  });

  it("ignores the directive text outside a comment", () => {
    expect(parseDirectives('const s = "deploylint-disable-line";', "script")).toEqual([]);
    expect(parseDirectives("A=deploylint-disable", "dotenv")).toEqual([]);
    expect(parseDirectives('const t = "// deploylint-disable-next-line x/y -- fixture";', "script")).toEqual([]);
    expect(parseDirectives("it('x', () => f()); // deploylint-disable-line x/y", "script")).toHaveLength(1);
    expect(parseDirectives("//   // deploylint-disable-line x/y -- shown in a doc comment", "script")).toEqual([]);
  });
});

describe("applySuppressions", () => {
  const finding = (ruleId: string, line: number) => ({ ruleId, line });

  it("suppresses next-line, same-line and file-level findings, and reports unused directives", () => {
    const directives = parseDirectives(
      [
        "-- deploylint-disable-next-line a/one",
        "x",
        "y -- deploylint-disable-line a/two",
        "-- deploylint-disable-next-line a/three",
        "z",
      ].join("\n"),
      "sql",
    );
    const outcome = applySuppressions({
      findings: [finding("a/one", 2), finding("a/two", 3), finding("a/one", 5)],
      directives,
      activeRules: new Set(["a/one", "a/two", "a/three"]),
    });
    expect(outcome.kept).toEqual([finding("a/one", 5)]);
    expect(outcome.suppressed.map((s) => s.finding)).toEqual([finding("a/one", 2), finding("a/two", 3)]);
    expect(outcome.unused.map((u) => [u.directive.line, u.rule])).toEqual([[4, "a/three"]]);
  });

  it("does not judge a directive for a rule that did not run", () => {
    const directives = parseDirectives("# deploylint-disable-next-line other/rule\nA=1", "dotenv");
    const outcome = applySuppressions({ findings: [], directives, activeRules: new Set(["a/one"]) });
    expect(outcome.unused).toEqual([]);
  });

  it("ends a disable region at a matching enable", () => {
    const directives = parseDirectives("# deploylint-disable a/*\n1\n# deploylint-enable a/*\n4", "yaml");
    const outcome = applySuppressions({
      findings: [finding("a/x", 2), finding("a/x", 4)],
      directives,
      activeRules: new Set(["a/x"]),
    });
    expect(outcome.kept).toEqual([finding("a/x", 4)]);
  });
});
