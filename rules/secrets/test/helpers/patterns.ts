// The regular expressions the secrets rules run over file text, for the ReDoS tests, and a
// structural check: no unbounded quantifier over a group that itself holds a quantifier.
import { catalogue } from "../../src/detectors/catalogue/index.js";
import { ASSIGNMENT, PHP_DEFINE } from "../../src/shared/assignments.js";
import { URL_WITH_PASSWORD } from "../../src/shared/credential-urls.js";

/**
 * The pattern with every counted repetition shrunk (`{40}` to `{2}`, `{0,30}` to `{0,2}`): ambiguity,
 * which is what makes backtracking explode, depends on the pattern's shape, not on its counts, and
 * the small form lets recheck's exact automaton checker decide in milliseconds.
 */
export function shrinkCounts(source: string): string {
  return source.replace(/\{(\d+)(,(\d*))?\}/g, (_match, _low, comma, high) =>
    comma ? (high === "" ? "+" : "{0,2}") : "{2}",
  );
}

export const patterns: [string, string, string][] = [
  ...catalogue.map((d) => [`detector ${d.id}`, d.pattern, d.flags ?? ""] as [string, string, string]),
  ["credential URL", URL_WITH_PASSWORD.source, ""],
  ["assignment line", ASSIGNMENT.source, "m"],
  ["PHP define", PHP_DEFINE.source, ""],
];

/** True when an unbounded quantifier (`*`, `+`, `{n,}`) applies to a group containing a quantifier. */
export function hasNestedUnboundedQuantifier(source: string): boolean {
  const stack: { quantified: boolean }[] = [];
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === "\\") {
      i++;
      continue;
    }
    if (char === "[") {
      // Skip the class: quantifier characters inside it are literals.
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
      continue;
    }
    if (char === "(") stack.push({ quantified: false });
    else if (char === ")") {
      const group = stack.pop();
      const rest = source.slice(i + 1);
      const unbounded = /^(?:[*+]|\{\d+,\})/.test(rest);
      if (group?.quantified && unbounded) return true;
      if (stack.length > 0 && (group?.quantified || /^(?:[*+?]|\{\d+(?:,\d*)?\})/.test(rest))) {
        const parent = stack[stack.length - 1];
        if (parent) parent.quantified = true;
      }
    } else if ((char === "*" || char === "+" || char === "?" || char === "{") && stack.length > 0) {
      const parent = stack[stack.length - 1];
      if (parent && char !== "?") parent.quantified = true;
    }
  }
  return false;
}
