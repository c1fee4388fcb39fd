// Issue 13: the operation model is linear in the number of operations. Structural checks, not
// timings: a counting proxy measures how many operations a helper reads, and each helper is
// compared with the plain per-operation rescan it replaced (kept here as the specification).
import { describe, expect, it } from "vitest";
import type { OperationFact } from "../../src/model/facts.js";
import { indexesInside, rangeFinder } from "../../src/model/ranges.js";
import { rebuildOperations } from "../../src/model/rebuild.js";
import { unreversed } from "../../src/model/reversal.js";
import { upOperations } from "../../src/model/scope.js";
import type { Migration, Operation } from "../../src/model/types.js";
import { DownIndex, rebuiltTables, undoRequirement } from "../../src/model/undo.js";

const TABLES = ["a", "b", "c", "a_new", "b_old"];

/** A pseudo-random but repeatable sequence of table-level operations. */
function operations(count: number, seed = 7): Operation[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const pick = () => TABLES[next(TABLES.length)] as string;
  return Array.from({ length: count }, (_, i): Operation => {
    const range = { start: i * 10, end: i * 10 + 9 };
    const base = { section: "up", range, statementIndex: i, statementKind: "x", node: null };
    switch (next(5)) {
      case 0:
        return { ...base, type: "create_table", table: pick() } as unknown as Operation;
      case 1:
        return { ...base, type: "drop_table", table: pick() } as unknown as Operation;
      case 2:
        return { ...base, type: "rename_table", table: pick(), to: pick() } as unknown as Operation;
      case 3:
        return { ...base, type: "create_index", table: pick(), name: `i${next(4)}` } as unknown as Operation;
      default:
        return { ...base, type: "drop_index", table: pick(), name: `i${next(4)}` } as unknown as Operation;
    }
  });
}

/** The array behind a proxy that counts reads of its elements (slice, some and for…of all read them). */
function counted<T>(items: T[]): { items: T[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { items: proxy, reads: () => reads };
}

const migrationOf = (up: Operation[]) => ({ up }) as unknown as Migration;

// The rescans the model used before (quadratic), kept as the specification of the answers.
function rebuildSpec(ops: Operation[]): Set<number> {
  const exempt = new Set<number>();
  const created = new Set<string>();
  ops.forEach((op, i) => {
    if (op.type === "create_table") created.add(op.table);
    const later = ops.slice(i + 1);
    if (op.type === "drop_table") {
      const into = later.findIndex((o) => o.type === "rename_table" && o.to === op.table && created.has(o.table));
      if (into !== -1) exempt.add(i);
    }
    if (op.type === "rename_table" && !created.has(op.table)) {
      if (!later.some((o) => o.type === "create_table" && o.table === op.table)) return;
      exempt.add(i);
      const drop = later.findIndex((o) => o.type === "drop_table" && o.table === op.to);
      if (drop !== -1) exempt.add(i + 1 + drop);
    }
  });
  return exempt;
}

const N = 3_000;

describe("the migration model reads each operation a bounded number of times", () => {
  it("rebuildOperations: same answers as the rescan, in O(n) reads", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const ops = operations(400, seed);
      expect([...rebuildOperations(migrationOf(ops))].sort((x, y) => x - y)).toEqual(
        [...rebuildSpec(ops)].sort((x, y) => x - y),
      );
    }
    const { items, reads } = counted(operations(N));
    rebuildOperations(migrationOf(items));
    expect(reads()).toBeLessThanOrEqual(10 * N);
  });

  it("upOperations: newIndexes answers 'created earlier' without a snapshot per operation", () => {
    const ops = operations(400);
    const judged = upOperations(migrationOf(ops));
    judged.forEach(({ index }) => {
      const earlier = new Set(
        ops.slice(0, index).flatMap((op) => (op.type === "create_index" && op.name !== null ? [op.name] : [])),
      );
      for (const name of ["i0", "i1", "i2", "i3"]) expect(judged[index]?.newIndexes.has(name)).toBe(earlier.has(name));
    });
    const { items, reads } = counted(operations(N));
    upOperations(migrationOf(items));
    expect(reads()).toBeLessThanOrEqual(10 * N);
  });

  it("rebuiltTables and the down index: O(n) reads of the up and the down", () => {
    const facts = operations(N).map(
      (op) => ({ ...op, line: 1, col: 1, endLine: 1, endCol: 1, node: undefined }) as unknown as OperationFact,
    );
    const up = counted(facts);
    const rebuilt = rebuiltTables(up.items);
    const down = counted(facts.map((op) => ({ ...op }) as OperationFact).reverse());
    const index = new DownIndex(down.items);
    for (const op of up.items) undoRequirement(op, rebuilt)?.satisfied(index);
    expect(up.reads()).toBeLessThanOrEqual(10 * N);
    expect(down.reads()).toBeLessThanOrEqual(10 * N);
  });

  it("unreversed (renames followed, net-outs, default names, partition indexes): O(n) reads", () => {
    const facts = operations(N).map(
      (op, i) =>
        ({
          ...op,
          keyColumns: [`c${i % 3}`],
          keyKind: "index",
          line: 1,
          col: 1,
          endLine: 1,
          endCol: 1,
        }) as OperationFact,
    );
    const up = counted(facts);
    const down = counted(facts.map((op) => ({ ...op }) as OperationFact).reverse());
    unreversed(up.items, down.items, ({ table, columns }) => `${table}_${columns.join("_")}_idx`);
    expect(up.reads()).toBeLessThanOrEqual(10 * N);
    expect(down.reads()).toBeLessThanOrEqual(10 * N);
  });

  it("sections: operations bucketed by a binary search, same as one filter per section", () => {
    const sections = Array.from({ length: 500 }, (_, i) => ({ range: { start: i * 100, end: i * 100 + 90 } }));
    const ops = Array.from({ length: 5_000 }, (_, i) => ({ range: { start: i * 10, end: i * 10 + 5 } }));
    const spec = sections.map((s) =>
      ops.flatMap((op, i) => (op.range.start >= s.range.start && op.range.start < s.range.end ? [i] : [])),
    );
    const counter = counted(ops);
    expect(indexesInside(sections, counter.items)).toEqual(spec);
    expect(counter.reads()).toBeLessThanOrEqual(2 * ops.length);
    const find = rangeFinder(sections);
    expect(find(95)).toBeUndefined();
    expect(find(4_950)).toBe(sections[49]);
  });
});
