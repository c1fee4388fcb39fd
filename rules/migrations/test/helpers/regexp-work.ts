// Test helpers for the pack's cost tests (issue 17): what regular-expression work a piece of code does,
// counted rather than timed.

/** How many RegExp objects `work` constructs (literals are built once at load and not counted). */
export function regexpsBuiltBy(work: () => unknown): number {
  const Original = globalThis.RegExp;
  let built = 0;
  globalThis.RegExp = class Counted extends Original {
    constructor(...args: ConstructorParameters<typeof Original>) {
      super(...args);
      built++;
    }
  } as RegExpConstructor;
  try {
    work();
  } finally {
    globalThis.RegExp = Original;
  }
  return built;
}

/** How many times `work` runs a regular expression (test, exec, match, matchAll, replace) over `text`. */
export function scansOf(text: string, work: () => unknown): number {
  const proto = RegExp.prototype;
  const originals = { test: proto.test, exec: proto.exec };
  let scans = 0;
  proto.test = function (this: RegExp, input: string) {
    if (input === text) scans++;
    return originals.test.call(this, input);
  };
  proto.exec = function (this: RegExp, input: string) {
    if (input === text) scans++;
    return originals.exec.call(this, input);
  };
  try {
    work();
  } finally {
    proto.test = originals.test;
    proto.exec = originals.exec;
  }
  return scans;
}
