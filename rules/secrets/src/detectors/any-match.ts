// One test of a path against many detectors' path expressions at once. Almost no file of a run is
// a credential file or one a path-limited detector reads (`.pgpass`, `.netrc`), yet every file's
// path went through each of those ~15 expressions, once per file for the catalogue scan and again
// for the pack's `owns`.

/** Sources that cannot be joined into one alternation unchanged: backreferences and named groups. */
const NOT_JOINABLE = /\\[1-9]|\\k<|\(\?<[^=!]/;

/**
 * A test that is true exactly when some of `patterns` matches `text`: their sources joined into
 * one alternation per set of flags, which matches where one of its alternatives does. Patterns
 * that do not join that way (or keep state between tests, `g` and `y`) are tested one by one.
 */
export function anyMatches(patterns: readonly RegExp[]): (text: string) => boolean {
  const alone: RegExp[] = [];
  const byFlags = new Map<string, string[]>();
  for (const pattern of patterns) {
    if (pattern.global || pattern.sticky || NOT_JOINABLE.test(pattern.source)) {
      alone.push(pattern);
      continue;
    }
    const sources = byFlags.get(pattern.flags) ?? [];
    sources.push(`(?:${pattern.source})`);
    byFlags.set(pattern.flags, sources);
  }
  const joined = [...byFlags].map(([flags, sources]) => new RegExp(sources.join("|"), flags));
  const tests = [...joined, ...alone];
  return (text) => {
    for (const test of tests) {
      test.lastIndex = 0;
      if (test.test(text)) return true;
    }
    return false;
  };
}
