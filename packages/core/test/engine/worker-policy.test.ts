// The automatic worker policy: the main thread alone for small runs and on machines of two cores or
// fewer (where the pool cost more CPU and memory than it saved), else a worker per core but the
// main thread's, which lints too. Identical results with and without workers: test/e2e/engine-paths.
import { describe, expect, it } from "vitest";
import { neededKinds } from "../../src/engine/needed-kinds.js";
import { autoWorkers } from "../../src/engine/run.js";

describe("autoWorkers", () => {
  it("keeps small runs and two-core machines on the main thread", () => {
    expect(autoWorkers(399, 8)).toBe(0);
    expect(autoWorkers(10_000, 2)).toBe(0);
    expect(autoWorkers(10_000, 1)).toBe(0);
  });

  it("uses a worker per core but the main thread's, and no more than the run fills", () => {
    expect(autoWorkers(10_000, 4)).toBe(3);
    expect(autoWorkers(10_000, 8)).toBe(7);
    expect(autoWorkers(400, 8)).toBe(2);
  });
});

describe("neededKinds", () => {
  const plan = {
    kinds: new Set(["sql", "script", "yaml"]),
    embedded: new Set(["sql"]),
    embeddingKinds: new Set(["script"]),
  };

  it("names only the planned kinds a batch holds", () => {
    expect([...neededKinds(["a.yaml", "b.md", "c.json"], plan)]).toEqual(["yaml"]);
  });

  it("adds the embedded languages when a file that can hold one is in the batch", () => {
    expect([...neededKinds(["m.ts"], plan)].sort()).toEqual(["script", "sql"]);
  });
});
