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

/** How many times `work` runs a regular expression (test, exec, and what calls them) over `text`. */
export function scansOf(text: string, work: () => unknown): number {
  const proto = RegExp.prototype;
  const originals = { test: proto.test, exec: proto.exec };
  let scans = 0;
  // test() and replace() call exec() themselves: one scan is counted once, at the outermost call.
  let depth = 0;
  const counted = <A extends unknown[], R>(original: (this: RegExp, ...args: A) => R) =>
    function (this: RegExp, ...args: A): R {
      if (depth === 0 && args[0] === text) scans++;
      depth++;
      try {
        return original.apply(this, args);
      } finally {
        depth--;
      }
    };
  proto.test = counted(originals.test);
  proto.exec = counted(originals.exec);
  try {
    work();
  } finally {
    proto.test = originals.test;
    proto.exec = originals.exec;
  }
  return scans;
}

/** How many times `work` runs any regular expression (test or exec, counted at the outermost call). */
export function regexRunsBy(work: () => unknown): number {
  const proto = RegExp.prototype;
  const originals = { test: proto.test, exec: proto.exec };
  let runs = 0;
  let depth = 0;
  const counted = <A extends unknown[], R>(original: (this: RegExp, ...args: A) => R) =>
    function (this: RegExp, ...args: A): R {
      if (depth === 0) runs++;
      depth++;
      try {
        return original.apply(this, args);
      } finally {
        depth--;
      }
    };
  proto.test = counted(originals.test);
  proto.exec = counted(originals.exec);
  try {
    work();
  } finally {
    proto.test = originals.test;
    proto.exec = originals.exec;
  }
  return runs;
}
