// PEM private key blocks: PKCS #1 (RSA), SEC 1 (EC), DSA, PKCS #8 (plain and encrypted), OpenSSH
// and OpenPGP armor, in files, in string literals with `\n` escapes, and base64-encoded once more.
import { readKeyBody } from "./body.js";
import type { PrivateKeyMatch } from "./types.js";

/**
 * The BEGIN line. Labels per RFC 7468 (PKCS #8 "PRIVATE KEY", "ENCRYPTED PRIVATE KEY"), RFC 8017 /
 * OpenSSL ("RSA PRIVATE KEY"), RFC 5915 ("EC PRIVATE KEY"), OpenSSH PROTOCOL.key ("OPENSSH PRIVATE
 * KEY") and RFC 4880 section 6.2 ("PGP PRIVATE KEY BLOCK"); the same family gitleaks' private-key
 * rule matches (`-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----`, cmd/generate/config/rules/privatekey.go).
 * Case-sensitive: encoders write upper case; lower-case text is prose.
 * The armour is five dashes by RFC 7468; keys pasted by hand or cut by a tool sometimes carry four,
 * and the body between them is the same private key, so four count too.
 */
const BEGIN = /-{4,5}BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY( BLOCK)?-{4,5}/g;
const END = /-{4,5}END ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY( BLOCK)?-{4,5}/g;
/** The smallest PEM private key, Ed25519 in PKCS #8, is 48 bytes: 64 base64 characters (gitleaks uses 64 too). */
const MIN_BODY = 64;
/** A 4096-bit RSA key is ~3.3 KB of PEM; PGP blocks with subkeys run to tens of KB. */
const MAX_DISTANCE = 64 * 1024;

/**
 * A PEM block base64-encoded again, as Kubernetes Secret `data:` and Helm values hold it: the
 * encoding of "-----BEGIN" when it starts the value (offset 0 mod 3, so the prefix is stable).
 */
const ENCODED_BEGIN = /LS0tLS1CRUdJTi[A-Za-z0-9+/]{60,}={0,2}/g;
const ENCODED_PREFIX_LENGTH = "LS0tLS1CRUdJTi".length;

const KINDS: Record<string, string> = {
  "": "PKCS #8 private key",
  "RSA ": "RSA private key",
  "EC ": "EC private key",
  "DSA ": "DSA private key",
  "OPENSSH ": "OpenSSH private key",
  "ENCRYPTED ": "encrypted PKCS #8 private key",
  "PGP ": "PGP private key block",
};

export function findPemKeys(text: string): PrivateKeyMatch[] {
  if (!text.includes("PRIVATE KEY")) return [];
  const ends = endLinesByLabel(text);
  const found: PrivateKeyMatch[] = [];
  for (const begin of text.matchAll(BEGIN)) {
    const label = begin[1] ?? "";
    const start = begin.index;
    const end = start + begin[0].length;
    const close = nextEnd(ends.get(`${label}${begin[2] ?? ""}`), end);
    if (close === undefined || close - end > MAX_DISTANCE) continue;
    const material = readKeyBody(text.slice(end, close), MIN_BODY);
    if (material === null) continue;
    found.push({ kind: KINDS[label] ?? `${label.trim()} private key`, start, end, material });
  }
  return found;
}

/**
 * Offsets of the END lines, by label, found in one pass: looking for the END of each BEGIN with
 * indexOf would rescan the rest of the file once per header (quadratic on a file of mentions).
 */
function endLinesByLabel(text: string): Map<string, { offsets: number[]; cursor: number }> {
  const ends = new Map<string, { offsets: number[]; cursor: number }>();
  for (const match of text.matchAll(END)) {
    const key = `${match[1] ?? ""}${match[2] ?? ""}`;
    const entry = ends.get(key) ?? { offsets: [], cursor: 0 };
    entry.offsets.push(match.index);
    ends.set(key, entry);
  }
  return ends;
}

/** The first END at or after `from`; headers come in file order, so the cursor only moves forward. */
function nextEnd(ends: { offsets: number[]; cursor: number } | undefined, from: number): number | undefined {
  if (ends === undefined) return undefined;
  while (ends.cursor < ends.offsets.length && (ends.offsets[ends.cursor] ?? 0) < from) ends.cursor++;
  return ends.offsets[ends.cursor];
}

/** PEM private keys that were base64-encoded as a whole (one value, no line breaks). */
export function findEncodedPemKeys(text: string): PrivateKeyMatch[] {
  if (!text.includes("LS0tLS1CRUdJTi")) return [];
  const found: PrivateKeyMatch[] = [];
  for (const token of text.matchAll(ENCODED_BEGIN)) {
    const decoded = decodeBase64(token[0]);
    const key = findPemKeys(decoded)[0];
    if (key === undefined) continue;
    const start = token.index;
    found.push({
      kind: `${key.kind} (base64-encoded)`,
      start,
      end: start + ENCODED_PREFIX_LENGTH,
      material: key.material,
    });
  }
  return found;
}

function decodeBase64(token: string): string {
  const unpadded = token.replace(/=+$/, "");
  // atob rejects a length of 1 mod 4; such a trailing character carries no whole byte anyway.
  const usable = unpadded.slice(0, unpadded.length - (unpadded.length % 4 === 1 ? 1 : 0));
  return atob(usable.padEnd(Math.ceil(usable.length / 4) * 4, "="));
}
