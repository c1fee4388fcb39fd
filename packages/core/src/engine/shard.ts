// Which files a shard of a run lints (--shard i/n). Every machine of a CI matrix must compute the
// same split from the same checkout, so it depends only on the relative POSIX paths and the sizes
// of the files, never on absolute paths, directory order or the machine.
import { createHash } from "node:crypto";

export interface ShardSpec {
  /** 1-based: 1 ≤ index ≤ total. */
  index: number;
  total: number;
}

/**
 * A file costs its reading and parsing (about its size) plus a fixed part (a read, a plan, the
 * rules' set-up), so a shard of many tiny files is not mistaken for an idle one.
 */
const PER_FILE_WEIGHT = 2048;

/** A hash of the path that every machine and OS computes alike (paths are `/`-separated). */
export function pathHash(path: string): string {
  return createHash("sha1").update(path, "utf8").digest("hex");
}

/**
 * Splits files into `total` shards balanced by weight: heaviest first, each to the lightest shard so
 * far (ties: the lower shard), equal weights ordered by the path's hash so that neighbouring files
 * (one service's sources) spread over the shards. Returns each file's 0-based shard, in input order.
 */
export function assignShards(files: readonly { path: string; size: number }[], total: number): number[] {
  const order = files
    .map((file, position) => ({ position, weight: PER_FILE_WEIGHT + file.size, hash: pathHash(file.path) }))
    .sort((a, b) => b.weight - a.weight || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  const shardOf = new Array<number>(files.length);
  const loads = new LightestFirst(total);
  for (const item of order) shardOf[item.position] = loads.add(item.weight);
  return shardOf;
}

/** Files discovery left out (ignored, unreadable): never read, so their hash alone places them. */
export function shardOfUnread(path: string, total: number): number {
  return Number.parseInt(pathHash(path).slice(0, 8), 16) % total;
}

/**
 * A min-heap of shards by load, ties broken by index: O(log n) a file, so a split of 100,000 files
 * into hundreds of shards costs nothing next to linting them.
 */
class LightestFirst {
  private readonly heap: { load: number; index: number }[];

  constructor(count: number) {
    this.heap = Array.from({ length: count }, (_, index) => ({ load: 0, index }));
  }

  /** Adds `weight` to the lightest shard and returns its index. */
  add(weight: number): number {
    const top = this.heap[0] as { load: number; index: number };
    top.load += weight;
    this.siftDown(0);
    return top.index;
  }

  private lighter(a: number, b: number): boolean {
    const x = this.heap[a] as { load: number; index: number };
    const y = this.heap[b] as { load: number; index: number };
    return x.load < y.load || (x.load === y.load && x.index < y.index);
  }

  private siftDown(start: number): void {
    let at = start;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let smallest = at;
      if (left < this.heap.length && this.lighter(left, smallest)) smallest = left;
      if (right < this.heap.length && this.lighter(right, smallest)) smallest = right;
      if (smallest === at) return;
      const swap = this.heap[at] as { load: number; index: number };
      this.heap[at] = this.heap[smallest] as { load: number; index: number };
      this.heap[smallest] = swap;
      at = smallest;
    }
  }
}
