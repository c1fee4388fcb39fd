// Where the per-file phase spends its time, for --debug: each rule's and extractor's own time
// and each parser's, as ESLint's TIMING=1 gives per rule. Time is exclusive: a parse a rule asks
// for is the parser's, not the rule's, so the first rule to need a tree is not blamed for it.
// Only made with --debug, so a normal run does not read the clock around every visitor.

export interface Stopwatch {
  /** Runs `work` as `id`'s, adding its time, minus what nested measured work took, to `id`. */
  time<T>(id: string, work: () => T): T;
  /** The `count` ids with the most time, slowest first, in whole milliseconds. */
  slowest(count: number): { id: string; ms: number }[];
}

export function createStopwatch(now: () => number = () => performance.now()): Stopwatch {
  const totals = new Map<string, number>();
  // For each measurement in progress, the time its nested measurements have taken so far.
  const nested: number[] = [];
  return {
    time(id, work) {
      const started = now();
      nested.push(0);
      try {
        return work();
      } finally {
        const elapsed = now() - started;
        const inner = nested.pop() ?? 0;
        totals.set(id, (totals.get(id) ?? 0) + elapsed - inner);
        if (nested.length > 0) nested[nested.length - 1] = (nested[nested.length - 1] ?? 0) + elapsed;
      }
    },
    slowest(count) {
      return [...totals]
        .sort((a, b) => b[1] - a[1])
        .slice(0, count)
        .map(([id, ms]) => ({ id, ms: Math.round(ms) }));
    },
  };
}
