// Tests of Bech32 checksum verification against BIP 173's published test vectors.
import { describe, expect, it } from "vitest";
import { isValidBech32 } from "../../src/private-keys/bech32.js";
import { ageKey } from "../helpers/fake-keys.js";

describe("isValidBech32", () => {
  it("accepts BIP 173's valid vectors", () => {
    for (const valid of [
      "A12UEL5L",
      "a12uel5l",
      "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
      "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
      "?1ezyfcl",
    ]) {
      expect(isValidBech32(valid), valid).toBe(true);
    }
  });

  it("rejects a changed character, mixed case, a bad data character and a short checksum", () => {
    for (const invalid of ["A12UEL5M", "A12uEL5L", "x1b4n0q5v", "li1dgmt3", "pzry9x0s0muk", "A1G7SGD8"]) {
      expect(isValidBech32(invalid), invalid).toBe(false);
    }
  });

  it("accepts an age identity and rejects it with one character changed", () => {
    const key = ageKey(1);
    expect(key).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(isValidBech32(key)).toBe(true);
    expect(isValidBech32(`${key.slice(0, 20)}${key[20] === "Q" ? "P" : "Q"}${key.slice(21)}`)).toBe(false);
  });
});
