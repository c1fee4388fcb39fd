// age identities (X25519 secret keys): `AGE-SECRET-KEY-1` and 58 Bech32 characters.
import { isValidBech32 } from "./bech32.js";
import type { PrivateKeyMatch } from "./types.js";

/**
 * Format from the age v1 specification (https://age-encryption.org/v1, "X25519 recipient type":
 * Bech32, HRP "AGE-SECRET-KEY-", 32-byte key) and gitleaks' age-secret-key rule
 * (`AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}`, cmd/generate/config/rules/age.go).
 * The Bech32 checksum is verified, so made-up strings in docs do not count.
 */
const AGE_IDENTITY = /(?<![0-9A-Z-])AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![0-9A-Z])/g;
const PREFIX_LENGTH = "AGE-SECRET-KEY-1".length;

export function findAgeKeys(text: string): PrivateKeyMatch[] {
  if (!text.includes("AGE-SECRET-KEY-1")) return [];
  const found: PrivateKeyMatch[] = [];
  for (const match of text.matchAll(AGE_IDENTITY)) {
    if (!isValidBech32(match[0])) continue;
    const start = match.index;
    found.push({ kind: "age secret key", start, end: start + PREFIX_LENGTH, material: match[0] });
  }
  return found;
}
