// The order of migration versions: ICU's numeric collation ("en", numeric), so 9 < 10 and
// 20240101 < 20240102. Creating the first Intl.Collator of a process loads ICU's collation data
// (~8 ms, at module load that was paid by every run, with or without a migration), so the collator
// is made on first need, and the versions tools actually write (digits, optionally in groups split
// by - . or _: 20240101120000, 000001, 2018-01-14-171611, 1.2.3, 1_2) are compared without it, in
// the order ICU gives them (test/version-order.test.ts checks that against the collator itself).

let collator: Intl.Collator | undefined;

/** Negative, zero or positive as ICU's numeric collation orders the two versions. */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  // A migration without a version sorts as the empty string, before every version.
  if (a === "" && isPlain(b)) return -1;
  if (b === "" && isPlain(a)) return 1;
  const plain = comparePlainVersions(a, b);
  if (plain !== null) return plain;
  collator ??= new Intl.Collator("en", { numeric: true });
  return collator.compare(a, b);
}

// Digit groups split by single separators. ICU weighs a digit group by its value (leading zeros
// dropped) only up to 254 digits, hence the length cap, far above any real version.
const PLAIN = /^[0-9]+(?:[-._][0-9]+)*$/;
const MAX_PLAIN_LENGTH = 64;
// The separators' primary weights in ICU's root collation: _ before - before .
const SEPARATOR_RANK: Readonly<Record<string, number>> = { _: 0, "-": 1, ".": 2 };

/**
 * The comparison for two plain versions, or null when either is not one. Digits, hyphen, full stop
 * and low line differ only at ICU's primary level, and the groups alternate digits, separator,
 * digits in both, so comparing group by group is comparing primary weights: numbers by value,
 * separators by rank, and a version that is a prefix of the other first.
 */
function comparePlainVersions(a: string, b: string): number | null {
  if (!isPlain(a) || !isPlain(b)) return null;
  const left = a.split(/([-._])/);
  const right = b.split(/([-._])/);
  const shared = Math.min(left.length, right.length);
  for (let i = 0; i < shared; i++) {
    const x = left[i] ?? "";
    const y = right[i] ?? "";
    const order = i % 2 === 0 ? compareDigits(x, y) : (SEPARATOR_RANK[x] ?? 0) - (SEPARATOR_RANK[y] ?? 0);
    if (order !== 0) return Math.sign(order);
  }
  return Math.sign(left.length - right.length);
}

function isPlain(version: string): boolean {
  return version.length <= MAX_PLAIN_LENGTH && PLAIN.test(version);
}

/** Two runs of ASCII digits by value. */
function compareDigits(x: string, y: string): number {
  const a = x.replace(/^0+/, "");
  const b = y.replace(/^0+/, "");
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
