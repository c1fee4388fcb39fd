// Migration versions order as ICU's numeric collation orders them, and the collator (whose first
// construction loads ICU's collation data) is made only for a version that is not plain digits.
import { afterEach, describe, expect, it, vi } from "vitest";
import { compareVersions } from "../../src/model/version-order.js";

const ICU = new Intl.Collator("en", { numeric: true });

/** A small seeded generator, so a failure names a pair that fails again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function plainVersion(next: () => number): string {
  const groups = 1 + Math.floor(next() * 4);
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) {
    if (g > 0) parts.push("-._"[Math.floor(next() * 3)] ?? "-");
    // Short groups of few digits, often with leading zeros, so equal values and prefixes are common.
    const length = 1 + Math.floor(next() * 4);
    let digits = "";
    for (let d = 0; d < length; d++) digits += next() < 0.4 ? "0" : String(Math.floor(next() * 3));
    parts.push(digits);
  }
  return parts.join("");
}

describe("compareVersions", () => {
  it("orders plain versions as ICU's numeric collation does", () => {
    const next = random(17);
    const versions = ["", "0", "00", "1", "01", "9", "10", "20240101120000", "2018-01-14-171611", "1.2.3"];
    for (let i = 0; i < 3000; i++) versions.push(plainVersion(next));
    for (let i = 0; i < 20000; i++) {
      const a = versions[Math.floor(next() * versions.length)] ?? "";
      const b = versions[Math.floor(next() * versions.length)] ?? "";
      expect([a, b, Math.sign(compareVersions(a, b))]).toEqual([a, b, ICU.compare(a, b)]);
    }
  });

  it("leaves other versions to the collator", () => {
    for (const [a, b] of [
      ["v1.2", "v1.10"],
      ["1.2-beta", "1.2"],
      ["1a", "1B"],
      ["1".repeat(70), `${"1".repeat(69)}2`],
    ] as const) {
      expect(Math.sign(compareVersions(a, b))).toBe(ICU.compare(a, b));
    }
  });
});

describe("loading the migrations model", () => {
  const Original = Intl.Collator;
  afterEach(() => {
    Intl.Collator = Original;
    vi.resetModules();
  });

  it("makes no collator at load nor for plain versions", async () => {
    vi.resetModules();
    let made = 0;
    Intl.Collator = class Counted extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        made++;
      }
    } as typeof Intl.Collator;
    const { byVersion, isHistory } = await import("../../src/model/index.js");
    expect(isHistory("20240101", "20240102")).toBe(true);
    expect(isHistory("2018-01-14-171611", null)).toBe(false);
    const sorted = [
      { version: "10", key: "b" },
      { version: "9", key: "a" },
    ].sort(byVersion);
    expect(sorted.map((m) => m.version)).toEqual(["9", "10"]);
    expect(made).toBe(0);
    // A version of another shape still gets ICU's order.
    expect(isHistory("v1.10", "v1.9")).toBe(false);
    expect(made).toBe(1);
  });
});
