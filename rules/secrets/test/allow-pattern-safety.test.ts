// User-supplied `allow` patterns are checked when the config loads: a pattern that does not
// compile or can backtrack catastrophically is a config error (exit 2), not a hung CI job.
import { describe, expect, it } from "vitest";
import noHardcodedSecret from "../src/rules/no-hardcoded-secret.js";
import { unsafePatternProblem } from "../src/shared/regex-safety.js";

describe("allow pattern safety", () => {
  it("accepts ordinary patterns", () => {
    expect(unsafePatternProblem("^sk_test_")).toBeNull();
    expect(unsafePatternProblem("^(AKIA|ASIA)[A-Z0-9]{16}$")).toBeNull();
    expect(noHardcodedSecret.meta.checkOptions?.({ allow: ["^sk_test_", "EXAMPLE$"] })).toBeNull();
  });

  it("refuses nested unbounded repetition and patterns that do not compile", () => {
    expect(unsafePatternProblem("^(a+)+$")).toMatch(/repeats a group that itself repeats/);
    expect(unsafePatternProblem("(x|xy*)*z")).toMatch(/repeats a group/);
    expect(unsafePatternProblem("([a-z")).toMatch(/is not a valid regular expression/);
    expect(noHardcodedSecret.meta.checkOptions?.({ allow: ["ok", "(\\w+\\s?)*$"] })).toMatch(/repeats a group/);
  });
});
