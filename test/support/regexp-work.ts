// What regular-expression work a piece of code does, counted rather than timed: the cost tests'
// way (issue 17) to show a pattern is built once, not per call, or that a text is scanned once.

/** Swaps globalThis.RegExp for a subclass that counts constructions, for the span of `work`. */
function countingConstructions(): { built: () => number; restore: () => void } {
  const Original = globalThis.RegExp;
  let built = 0;
  globalThis.RegExp = class Counted extends Original {
    constructor(...args: ConstructorParameters<typeof Original>) {
      super(...args);
      built++;
    }
  } as RegExpConstructor;
  return { built: () => built, restore: () => (globalThis.RegExp = Original) };
}

/** How many RegExp objects `work` constructs (literals are built once at load and not counted). */
export function regexpsBuiltBy(work: () => unknown): number {
  const counter = countingConstructions();
  try {
    work();
  } finally {
    counter.restore();
  }
  return counter.built();
}

/** regexpsBuiltBy for work that is asynchronous (a whole lint run). */
export async function regexpsBuiltByAsync(work: () => Promise<unknown>): Promise<number> {
  const counter = countingConstructions();
  try {
    await work();
  } finally {
    counter.restore();
  }
  return counter.built();
}

/**
 * How many times `work` runs a regular expression (test or exec; test() and replace() call exec()
 * themselves, so a run is counted once, at the outermost call); over `text` only, when it is given.
 */
export function regexRunsBy(work: () => unknown, text?: string): number {
  const proto = RegExp.prototype;
  const originals = { test: proto.test, exec: proto.exec };
  let runs = 0;
  let depth = 0;
  const counted = <A extends unknown[], R>(original: (this: RegExp, ...args: A) => R) =>
    function (this: RegExp, ...args: A): R {
      if (depth === 0 && (text === undefined || args[0] === text)) runs++;
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

/** How many times `work` runs a regular expression over `text` (regexRunsBy for that text). */
export function scansOf(text: string, work: () => unknown): number {
  return regexRunsBy(work, text);
}
