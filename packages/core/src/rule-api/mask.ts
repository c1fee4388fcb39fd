// Safe forms of secret values for the rule API: a masked form for messages and a keyed hash for
// cross-file comparison. A secret's value is never printed or stored, and fingerprints never derive
// from it (a secret finding's fingerprint names the key or detector instead).
import { createHmac } from "node:crypto";

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
 * A keyed hash of a secret value for cross-file comparison (the same credential in two environments'
 * files): HMAC-SHA256 under `key`, 32 hex characters. An unkeyed or merely salted hash of a password
 * is confirmed by hashing a dictionary; without the key nothing can be confirmed. The engine binds
 * the run's key (kept beside the cache, or random per run) as `ctx.hashSecret` for extractors.
 */
export function hashSecret(value: string, key: string): string {
  if (key.length === 0)
    throw new Error("hashSecret needs a non-empty key: an unkeyed hash of a secret can be confirmed.");
  return createHmac("sha256", key).update(value).digest("hex").slice(0, 32);
}
