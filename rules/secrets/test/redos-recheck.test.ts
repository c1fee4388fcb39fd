// Catastrophic backtracking, by analysis: recheck (a ReDoS checker for ECMAScript regular
// expressions) proves every pattern the rules run over file text safe with its exact automaton
// checker. Counted repetitions are shrunk first (see shrinkCounts): the automaton of
// `[A-Za-z0-9]{2000}` is too large to build, and ambiguity does not depend on the counts.
import { checkSync } from "recheck";
import { describe, expect, it } from "vitest";
import { patterns, shrinkCounts } from "./helpers/patterns.js";

describe("ReDoS, recheck", () => {
  it("shrinking keeps the shapes recheck rejects", () => {
    expect(checkSync(shrinkCounts("^(?:a{1,30})+$"), "", { checker: "automaton" }).status).toBe("vulnerable");
    expect(checkSync(shrinkCounts("^(?:[a-z]{3,8}|[a-f]{4,9})*x$"), "", { checker: "automaton" }).status).toBe(
      "vulnerable",
    );
  });

  it.each(patterns)("%s is safe", (_name, source, flags) => {
    const result = checkSync(shrinkCounts(source), flags.replace(/[gdy]/g, ""), {
      checker: "automaton",
      timeout: 10_000,
    });
    const detail =
      result.status === "vulnerable"
        ? `${result.complexity.type}: ${result.attack.pattern}`
        : JSON.stringify(result.status === "unknown" ? result.error : "");
    expect(result.status, detail).toBe("safe");
  });
});
