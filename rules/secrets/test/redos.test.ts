// Catastrophic backtracking, structurally: no pattern the rules run over file text puts an unbounded
// quantifier over a group that itself holds a quantifier (star height 1). redos-recheck.test.ts
// checks the same patterns with recheck.
import { describe, expect, it } from "vitest";
import { hasNestedUnboundedQuantifier, patterns } from "./helpers/patterns.js";

describe("ReDoS, structural", () => {
  it("the check catches the classic shapes", () => {
    expect(hasNestedUnboundedQuantifier("(a+)+")).toBe(true);
    expect(hasNestedUnboundedQuantifier("(?:[a-z]{2,5})*x")).toBe(true);
    expect(hasNestedUnboundedQuantifier("(?:-[0-9]{10,13}){3}")).toBe(false);
    expect(hasNestedUnboundedQuantifier("ghp_[A-Za-z0-9]{36}")).toBe(false);
  });

  it.each(patterns)("%s has star height 1", (_name, source) => {
    expect(hasNestedUnboundedQuantifier(source)).toBe(false);
  });
});
