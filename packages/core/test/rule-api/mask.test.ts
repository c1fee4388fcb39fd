// Tests of the secret masking helpers: what a message may show and how fingerprints are hashed.
import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashSecret, maskSecret } from "../../src/rule-api/mask.js";

/** How many leading characters of `value` appear at the start of `masked`. */
function revealedPrefix(value: string, masked: string): number {
  let n = 0;
  while (n < value.length && masked[n] === value[n]) n++;
  return n;
}

describe("maskSecret", () => {
  it("shows the first four characters of a long value", () => {
    expect(maskSecret("sk_live_4eC39HqLyjWDarjtT1zdp7dc")).toBe("sk_l****…");
  });

  it("shows nothing of a value under eight characters", () => {
    for (const value of ["", "a", "hunter2", "1234567"]) expect(maskSecret(value)).toBe("****…");
  });

  it("shows fewer characters of short values", () => {
    expect(maskSecret("abcdefgh")).toBe("ab****…");
    expect(maskSecret("abcdefghijkl")).toBe("abc****…");
    expect(maskSecret("abcdefghijklmnop")).toBe("abcd****…");
  });

  it("gives the same suffix whatever the length, so the length is not revealed", () => {
    const masks = [16, 17, 40, 4000].map((n) => maskSecret("x".repeat(n)));
    expect(new Set(masks)).toEqual(new Set(["xxxx****…"]));
  });

  it("never contains more than four characters of the value", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-";
    for (let length = 0; length <= 64; length++) {
      const value = Array.from({ length }, (_, i) => alphabet[(i * 7 + length) % alphabet.length]).join("");
      const masked = maskSecret(value);
      expect(masked.endsWith("****…")).toBe(true);
      const shown = masked.slice(0, -"****…".length);
      expect(shown.length).toBeLessThanOrEqual(4);
      expect(value.startsWith(shown)).toBe(true);
      expect(revealedPrefix(value, masked)).toBeLessThanOrEqual(4);
    }
  });

  it("does not split a surrogate pair", () => {
    expect(maskSecret("🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑")).toBe("🔑🔑🔑🔑****…");
  });

  it("shows nothing when the prefix holds a line break or control character", () => {
    expect(maskSecret("ab\ncdefghijklmnop")).toBe("****…");
    expect(maskSecret("\u001b[31mdefghijklmnop")).toBe("****…");
  });
});

describe("hashSecret", () => {
  const KEY = "0f".repeat(32);

  it("is HMAC-SHA256 of the value under the key, never a plain hash of the value", () => {
    const expected = createHmac("sha256", KEY).update("s3cr3t-value").digest("hex").slice(0, 32);
    expect(hashSecret("s3cr3t-value", KEY)).toBe(expected);
    for (const algorithm of ["sha256", "sha1", "md5"])
      expect(createHash(algorithm).update("s3cr3t-value").digest("hex")).not.toContain(hashSecret("s3cr3t-value", KEY));
  });

  it("is stable for the same value and key and differs across values and keys", () => {
    expect(hashSecret("value", KEY)).toBe(hashSecret("value", KEY));
    expect(hashSecret("value", KEY)).not.toBe(hashSecret("value", "1e".repeat(32)));
    expect(hashSecret("value-a", KEY)).not.toBe(hashSecret("value-b", KEY));
  });

  it("refuses an empty key, which would make it a plain hash", () => {
    expect(() => hashSecret("value", "")).toThrow(/non-empty key/);
  });

  it("does not contain the value", () => {
    expect(hashSecret("deadbeefdeadbeef", KEY)).not.toContain("deadbeef");
  });
});
