// Every private-key format the secrets pack detects, in one call over a file's text.
import { findAgeKeys } from "./age.js";
import { findEncodedPemKeys, findPemKeys } from "./pem.js";
import { findPuttyKeys } from "./putty.js";
import type { PrivateKeyMatch } from "./types.js";

export type { PrivateKeyMatch } from "./types.js";

/** Private keys in `text`, in file order. Each detector checks a literal keyword before any regex. */
export function findPrivateKeys(text: string): PrivateKeyMatch[] {
  return [...findPemKeys(text), ...findEncodedPemKeys(text), ...findPuttyKeys(text), ...findAgeKeys(text)].sort(
    (a, b) => a.start - b.start,
  );
}
