// PuTTY private key files (.ppk, format versions 2 and 3), also when pasted into a string literal.
import { readKeyBody, unescapeBreaks } from "./body.js";
import type { PrivateKeyMatch } from "./types.js";

/**
 * First line of a PPK file, `PuTTY-User-Key-File-<version>: <algorithm>`; the private half follows
 * as `Private-Lines: <n>` and n lines of base64 (PuTTY manual, appendix C "PPK file format",
 * https://tartarus.org/~simon/putty-snapshots/htmldoc/AppendixC.html). Version 1 was never released.
 */
const HEADER = /(?<![\w-])PuTTY-User-Key-File-[23]: *[\w@.-]+/g;
const PRIVATE_LINES = /Private-Lines: *(\d{1,3})\r?\n/;
/** An Ed25519 private blob is 36 bytes (48 base64 characters); every other algorithm's is longer. */
const MIN_BODY = 44;
/** A PPK file is a few KB; the private lines follow the public ones closely. */
const MAX_DISTANCE = 32 * 1024;

export function findPuttyKeys(text: string): PrivateKeyMatch[] {
  if (!text.includes("PuTTY-User-Key-File-")) return [];
  const found: PrivateKeyMatch[] = [];
  for (const header of text.matchAll(HEADER)) {
    const start = header.index;
    const end = start + header[0].length;
    // Stop at the next key's header, so an empty key cannot borrow its neighbour's private lines.
    const next = text.indexOf("PuTTY-User-Key-File-", end);
    const window = unescapeBreaks(text.slice(end, Math.min(next === -1 ? text.length : next, end + MAX_DISTANCE)));
    const lines = PRIVATE_LINES.exec(window);
    if (lines === null) continue;
    const count = Number(lines[1]);
    const bodyLines = window
      .slice(lines.index + lines[0].length)
      .split(/\r?\n/)
      .slice(0, count);
    if (bodyLines.length < count) continue;
    const material = readKeyBody(bodyLines.join("\n"), MIN_BODY);
    if (material === null) continue;
    found.push({ kind: "PuTTY private key", start, end, material });
  }
  return found;
}
