// The split of --shard i/n: every file in exactly one shard, the same whatever order the files are
// listed in (directory order differs between machines), balanced by size.
import { describe, expect, it } from "vitest";
import { assignShards, shardOfUnread } from "../../src/engine/shard.js";

/** A deterministic spread of sizes: many small sources, some large files (lock files, dumps). */
function corpus(count: number): { path: string; size: number }[] {
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: count }, (_, i) => ({
    path: `services/s${i % 37}/src/file-${i}.ts`,
    size: next() < 0.02 ? Math.floor(next() * 400_000) : Math.floor(next() * 6_000),
  }));
}

describe("assignShards", () => {
  it("puts every file in exactly one shard, 0 ≤ shard < n", () => {
    const files = corpus(1_000);
    for (const total of [1, 2, 3, 7, 64]) {
      const shards = assignShards(files, total);
      expect(shards).toHaveLength(files.length);
      for (const shard of shards) expect(shard >= 0 && shard < total && Number.isInteger(shard)).toBe(true);
    }
  });

  it("does not depend on the order the files are listed in", () => {
    const files = corpus(500);
    const reversed = [...files].reverse();
    const byPath = (list: typeof files, shards: number[]) => new Map(list.map((f, i) => [f.path, shards[i]]));
    expect(byPath(reversed, assignShards(reversed, 3))).toEqual(byPath(files, assignShards(files, 3)));
  });

  it("balances the shards' weights (size plus a fixed cost a file) within 1%", () => {
    const files = corpus(10_000);
    for (const total of [2, 4, 7]) {
      const shards = assignShards(files, total);
      const loads = new Array<number>(total).fill(0);
      files.forEach((file, i) => {
        loads[shards[i] as number] = (loads[shards[i] as number] as number) + 2048 + file.size;
      });
      const mean = loads.reduce((a, b) => a + b, 0) / total;
      expect(Math.max(...loads) / mean).toBeLessThan(1.01);
    }
  });

  it("places an unread file by its path alone", () => {
    expect(shardOfUnread("a/b.ts", 4)).toBe(shardOfUnread("a/b.ts", 4));
    const counts = new Array<number>(4).fill(0);
    for (let i = 0; i < 400; i++) counts[shardOfUnread(`x/${i}`, 4)]++;
    for (const count of counts) expect(count).toBeGreaterThan(50);
  });
});
