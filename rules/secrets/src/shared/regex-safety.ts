// Safety of the regular expressions users give the secrets rules (`allow` patterns): they run
// over every line of every file, so one that backtracks catastrophically would hang a CI job.

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

/** Why a user's pattern is refused (does not compile, or can backtrack catastrophically), or null. */
export function unsafePatternProblem(pattern: string, flags = "u"): string | null {
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    return `"${pattern}" is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}.`;
  }
  if (hasNestedUnboundedQuantifier(pattern)) {
    return `"${pattern}" repeats a group that itself repeats (like (a+)+), which can backtrack for minutes on one line; rewrite it without the nested repetition.`;
  }
  return null;
}
