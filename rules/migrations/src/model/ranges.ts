// Which section (or changeset) holds an offset. Sections come from markers in file order, so they
// are sorted and disjoint, and a binary search answers: scanning every section per statement made a
// Liquibase file of many changesets quadratic. Overlapping ranges (none are built today) fall back
// to the scan, which gives the same answer.
import type { OffsetRange } from "@deploylint/core/rule-api";

export interface Ranged {
  range: OffsetRange;
}

function sortedAndDisjoint(items: readonly Ranged[]): boolean {
  for (let i = 1; i < items.length; i++) {
    const previous = items[i - 1] as Ranged;
    const current = items[i] as Ranged;
    if (previous.range.start > current.range.start || previous.range.end > current.range.start) return false;
  }
  return true;
}

const holds = (item: Ranged, offset: number) => offset >= item.range.start && offset < item.range.end;

/** A lookup equal to `offset => items.find(item => item holds offset)`, in O(log n) per call. */
export function rangeFinder<T extends Ranged>(items: readonly T[]): (offset: number) => T | undefined {
  if (!sortedAndDisjoint(items)) return (offset) => items.find((item) => holds(item, offset));
  return (offset) => {
    // The last item starting at or before the offset is the only one that can hold it.
    let low = 0;
    let high = items.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((items[mid] as T).range.start <= offset) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    const item = items[found];
    return item !== undefined && holds(item, offset) ? item : undefined;
  };
}

/** For each item, the indexes of `operations` that start inside it (the same as one filter per item). */
export function indexesInside(items: readonly Ranged[], operations: readonly Ranged[]): number[][] {
  if (!sortedAndDisjoint(items)) {
    return items.map((item) =>
      operations.flatMap((operation, index) => (holds(item, operation.range.start) ? [index] : [])),
    );
  }
  const buckets = new Map<Ranged, number[]>(items.map((item) => [item, []]));
  const find = rangeFinder(items);
  operations.forEach((operation, index) => {
    const item = find(operation.range.start);
    if (item !== undefined) buckets.get(item)?.push(index);
  });
  return items.map((item) => buckets.get(item) ?? []);
}
