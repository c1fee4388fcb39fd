// Every private-key format the secrets pack detects, in one call over a file's text.
import { catalogueScannerIfBuilt } from "../detectors/scan.js";
import { findAgeKeys } from "./age.js";
import { PRIVATE_KEY_MARKERS } from "./markers.js";
import { findEncodedPemKeys, findPemKeys } from "./pem.js";
import { findPuttyKeys } from "./putty.js";
import type { PrivateKeyMatch } from "./types.js";

export type { PrivateKeyMatch } from "./types.js";

/** Private keys in `text`, in file order. Each detector checks a literal keyword before any regex. */
export function findPrivateKeys(text: string): PrivateKeyMatch[] {
  if (!mayHoldMarker(text)) return [];
  return [...findPemKeys(text), ...findEncodedPemKeys(text), ...findPuttyKeys(text), ...findAgeKeys(text)].sort(
    (a, b) => a.start - b.start,
  );
}

let markerIds: Set<number> | undefined;

/**
 * False when the catalogue scanner's pass over `text` (made for the other secrets rules) found no
 * marker in any case: then no finder's own case-sensitive search could find one. True otherwise,
 * and when no pass was made for this text: the finders search for their markers themselves.
 */
function mayHoldMarker(text: string): boolean {
  // Not built for this rule alone (`--only secrets/no-private-key`): no pass, and no table to build.
  const scanner = catalogueScannerIfBuilt();
  const hits = scanner?.passDoneFor(text);
  if (scanner === undefined || hits === undefined) return true;
  markerIds ??= new Set(
    PRIVATE_KEY_MARKERS.map((marker) => {
      const id = scanner.keywordId(marker);
      if (id < 0) throw new Error(`The catalogue scanner does not look for "${marker}".`);
      return id;
    }),
  );
  for (let i = 0; i < hits.count; i++) if (markerIds.has(hits.keywords[i] ?? -1)) return true;
  return false;
}
