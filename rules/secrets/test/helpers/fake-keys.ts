// Fake but realistic-looking private keys for tests: random bytes in each format's envelope, from a
// seeded generator so every run sees the same text. None of them is a usable key.

/** xorshift32: deterministic bytes, so a failing case can be reproduced. */
export function randomBytes(length: number, seed: number): Uint8Array {
  let state = seed >>> 0 || 1;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

/** Base64 of `length` random bytes after a DER-looking prefix, as PEM wraps it (64 per line). */
export function pemBody(length: number, seed: number, prefix: number[] = [0x30, 0x82, 0x04, 0xa4]): string {
  const bytes = new Uint8Array([...prefix, ...randomBytes(length, seed)]);
  return wrap(base64(bytes), 64);
}

export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines.join("\n");
}

export function pem(label: string, body: string, headers = ""): string {
  return `-----BEGIN ${label}-----\n${headers}${body}\n-----END ${label}-----\n`;
}

/** A PPK file; `version` 2 or 3. */
export function putty(version: 2 | 3, seed: number): string {
  const publicLines = wrap(base64(randomBytes(51, seed)), 64).split("\n");
  const privateLines = wrap(base64(randomBytes(36, seed + 1)), 64).split("\n");
  return [
    `PuTTY-User-Key-File-${version}: ssh-ed25519`,
    "Encryption: none",
    "Comment: deploy@ci",
    `Public-Lines: ${publicLines.length}`,
    ...publicLines,
    `Private-Lines: ${privateLines.length}`,
    ...privateLines,
    `Private-MAC: ${Buffer.from(randomBytes(32, seed + 2)).toString("hex")}`,
    "",
  ].join("\n");
}

const BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GENERATOR[i] ?? 0;
  }
  return chk;
}

/** Encodes bytes as Bech32 (BIP 173) with a valid checksum. */
export function bech32(hrp: string, bytes: Uint8Array): string {
  const words: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      words.push((acc >>> bits) & 31);
    }
  }
  if (bits > 0) words.push((acc << (5 - bits)) & 31);
  const codes = Array.from(hrp, (c) => c.charCodeAt(0));
  const expanded = [...codes.map((c) => c >>> 5), 0, ...codes.map((c) => c & 31)];
  const mod = polymod([...expanded, ...words, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${[...words, ...checksum].map((w) => BECH32[w]).join("")}`;
}

/** An age X25519 identity with a valid checksum. */
export function ageKey(seed: number): string {
  return bech32("age-secret-key-", randomBytes(32, seed)).toUpperCase();
}

/** Every run of `size` characters of `secret`, to check that output shows none of them. */
export function windows(secret: string, size: number): string[] {
  const compact = secret.replace(/[^A-Za-z0-9+/=]/g, "");
  const result: string[] = [];
  for (let i = 0; i + size <= compact.length; i++) result.push(compact.slice(i, i + size));
  return result;
}
