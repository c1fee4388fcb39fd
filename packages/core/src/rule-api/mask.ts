// Safe forms of secret values for the rule API: a masked form for messages, a short hash for
// fingerprints, baselines and cross-file comparison. A secret's value is never printed or stored.
import { createHash } from "node:crypto";

/** Shown after the revealed prefix, whatever the value's length, so the length stays hidden. */
const MASK = "****…";
const MAX_REVEALED = 4;
const MIN_LENGTH_TO_REVEAL = 8;

/**
 * A masked form safe to print, e.g. "sk_l****…". Reveals at most 4 characters and at most a quarter
 * of the value (nothing below 8 characters), because a short secret's prefix is most of the secret.
 * Characters are code points, so a surrogate pair is never split into an unprintable half.
 */
export function maskSecret(value: string): string {
  const chars = Array.from(value);
  if (chars.length < MIN_LENGTH_TO_REVEAL) return MASK;
  const prefix = chars.slice(0, Math.min(MAX_REVEALED, Math.floor(chars.length / 4)));
  // A line break or control character in a message would break one-line output formats.
  if (prefix.some((char) => /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(char))) return MASK;
  return `${prefix.join("")}${MASK}`;
}

/**
 * A fingerprint of a secret: the first 16 hex characters of sha256, over `salt`, a NUL separator and
 * the value (so salt "ab" + value "c" and salt "a" + value "bc" differ). The same value and salt give
 * the same hash in every file and run, which is what cross-file comparison needs; a salt keeps the
 * hashes of low-entropy values from being looked up in a precomputed table.
 */
export function hashSecret(value: string, salt?: string): string {
  const hash = createHash("sha256");
  if (salt !== undefined) hash.update(salt).update("\u0000");
  return hash.update(value).digest("hex").slice(0, 16);
}
