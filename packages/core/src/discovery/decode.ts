// Bytes to text for the engine. A gate must not give up on a file because of one stray byte:
// invalid UTF-8 is decoded lossily, UTF-16 and UTF-32 are decoded when a byte-order mark names
// them, and only content that really is not text is refused, with the reason.

/** How far into a file the binary heuristics look (git sniffs the same 8 KiB for a NUL). */
export const SNIFF_BYTES = 8192;

/**
 * In a file whose kind says it is text (a .sql, a .env), the share of NUL and control bytes in
 * the first 8 KiB above which it is binary. A NUL in a comment is one byte in thousands;
 * compressed or random bytes (a PNG, a gzip stream) are about 10 %, a SQLite database more.
 */
const BINARY_SHARE = 0.05;

/** "encrypted": a git-crypt file checked out without its key; not text, and deliberately so. */
export type DecodeFailure = "binary" | "not-decodable" | "encrypted";
export type DecodeResult = { ok: true; text: string } | { ok: false; reason: DecodeFailure; detail: string };

export interface DecodeOptions {
  /**
   * The file's kind or owner says it is text: one NUL does not make it binary (only a high share
   * of NUL and control bytes does). Otherwise any NUL in the first 8 KiB does, as in git.
   */
  textExpected?: boolean;
}

export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  if (startsWith(bytes, GIT_CRYPT_MAGIC)) return { ok: false, reason: "encrypted", detail: "git-crypt" };
  const bom = byteOrderMark(bytes);
  if (bom === "utf-8") return { ok: true, text: lossyUtf8(bytes.subarray(3)) };
  if (bom === "utf-16le") return { ok: true, text: utf16(bytes.subarray(2), "le") };
  if (bom === "utf-16be") return { ok: true, text: utf16(bytes.subarray(2), "be") };
  if (bom === "utf-32le") return { ok: true, text: utf32(bytes.subarray(4), "le") };
  if (bom === "utf-32be") return { ok: true, text: utf32(bytes.subarray(4), "be") };
  if (options.textExpected && !bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    // Most files: no NUL, so not UTF-16, and the control-byte share is settled by one native search
    // of the text (see withoutControls), where a loop over each file's 8 KiB ran unoptimised
    // through much of a run. The slow path below still judges any file that holds a control byte.
    const text = lossyUtf8(bytes);
    return withoutControls(text) ? { ok: true, text } : (refusal(bytes, options) ?? { ok: true, text });
  }
  return refusal(bytes, options) ?? { ok: true, text: lossyUtf8(bytes) };
}

/** The control characters controlShare counts (BINARY_CONTROL, as characters; NUL included). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for.
const CONTROL_CHARACTER = /[\0-\x08\x0e-\x1a\x1c-\x1f]/;

/**
 * Whether the first SNIFF_BYTES bytes decoded to `text` hold no byte controlShare counts, so that
 * their share is 0. Those bytes decode to at most SNIFF_BYTES characters (no UTF-8 sequence and
 * no replaced byte gives more characters than it has bytes), all within the text's first
 * SNIFF_BYTES; and a control byte is ASCII, always decoded to itself and nothing else to one.
 */
function withoutControls(text: string): boolean {
  return !CONTROL_CHARACTER.test(text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text);
}

/** One character per byte (latin1), for a regular expression over bytes: CONTROL_CHARACTER then finds exactly the bytes controlShare counts. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

/** Why bytes without a byte-order mark are not text, or null when they are (read as UTF-8). */
function refusal(bytes: Uint8Array, options: DecodeOptions): (DecodeResult & { ok: false }) | null {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (!options.textExpected) {
    if (sample.includes(0)) return { ok: false, reason: "binary", detail: "NUL bytes in the first 8 KiB" };
    return null;
  }
  // Most files hold neither a NUL (so not UTF-16) nor a control byte (so a share of 0), settled by
  // two native searches: a skimmed file (skimText) comes here without a decoded text, and the byte
  // loops below ran unoptimised over the first 8 KiB of every file a run only skims.
  if (!sample.includes(0) && !CONTROL_CHARACTER.test(latin1(sample))) return null;
  // UTF-16 without a byte-order mark is text, but guessing its byte order is not decoding it.
  if (looksLikeUtf16(sample)) {
    return { ok: false, reason: "not-decodable", detail: "UTF-16 without a byte-order mark" };
  }
  const share = controlShare(sample);
  if (share > BINARY_SHARE) {
    return {
      ok: false,
      reason: "binary",
      detail: `${Math.round(share * 100)} % NUL or control bytes in the first 8 KiB`,
    };
  }
  return null;
}

/**
 * decodeText for a file whose text matters only if it mentions `needle` (plain ASCII): the same
 * refusals, but text without the needle is never decoded (`skimmed`, and its text is empty). In
 * UTF-8 an ASCII byte only ever stands for itself, so looking for the needle's bytes finds every
 * place the decoded text would hold it; a file with a byte-order mark is decoded as usual.
 */
export function skimText(
  bytes: Uint8Array,
  needle: string,
  options: DecodeOptions = {},
): DecodeResult | { ok: true; text: ""; skimmed: true } {
  if (!/^[\x20-\x7e]+$/.test(needle))
    throw new Error(`internal error: skimText looks for printable ASCII, not "${needle}".`);
  const mentions = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, "latin1");
  if (mentions || byteOrderMark(bytes) !== null || startsWith(bytes, GIT_CRYPT_MAGIC)) {
    return decodeText(bytes, options);
  }
  return refusal(bytes, options) ?? { ok: true, text: "", skimmed: true };
}

// Every file git-crypt encrypts starts with "\0GITCRYPT\0" (https://github.com/AGWA/git-crypt).
const GIT_CRYPT_MAGIC = [0x00, 0x47, 0x49, 0x54, 0x43, 0x52, 0x59, 0x50, 0x54, 0x00];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

type Bom = "utf-8" | "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be";

function byteOrderMark(b: Uint8Array): Bom | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  // UTF-32 LE's mark starts with UTF-16 LE's, so it is tested first.
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return "utf-32le";
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return "utf-32be";
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  return null;
}

// Non-fatal UTF-16 LE: lone surrogates and an odd last byte become U+FFFD. ignoreBOM keeps a
// second U+FEFF as text (the first was already taken off). Made on the first UTF-16 file: unlike
// UTF-8's, this decoder is ICU's, and creating it cost every run ~0.3 ms at start-up.
let utf16le: InstanceType<typeof TextDecoder> | null = null;

function utf16(bytes: Uint8Array, order: "le" | "be"): string {
  utf16le ??= new TextDecoder("utf-16le", { ignoreBOM: true });
  if (order === "le") return utf16le.decode(bytes);
  // Swapped into little-endian: a TextDecoder for utf-16be needs full ICU, which not every Node has.
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1] as number;
    swapped[i + 1] = bytes[i] as number;
  }
  if (bytes.length % 2 === 1) swapped[bytes.length - 1] = bytes[bytes.length - 1] as number;
  return utf16le.decode(swapped);
}

/** UTF-32 (no TextDecoder supports it): a unit that is no scalar value, or a partial last unit, becomes U+FFFD. */
function utf32(bytes: Uint8Array, order: "le" | "be"): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  const units = Math.floor(bytes.length / 4);
  for (let i = 0; i < units; i++) {
    const code = view.getUint32(i * 4, order === "le");
    const valid = code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    chunk.push(valid ? code : 0xfffd);
    // String.fromCodePoint takes its arguments on the stack: bounded chunks.
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  if (bytes.length % 4 !== 0) chunk.push(0xfffd);
  parts.push(String.fromCodePoint(...chunk));
  return parts.join("");
}

const UTF8_FATAL = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * UTF-8 that never fails: each byte that is not part of a well-formed sequence becomes one
 * U+FFFD, so a stray Latin-1 "é" costs one character and every line and column after it is
 * where an editor shows it. (TextDecoder's own replacement may merge several bytes into one.)
 */
export function lossyUtf8(bytes: Uint8Array): string {
  try {
    return UTF8_FATAL.decode(bytes);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  const parts: string[] = [];
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    if ((bytes[i] as number) < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    parts.push(UTF8.decode(bytes.subarray(runStart, i)), "\uFFFD");
    i++;
    runStart = i;
  }
  parts.push(UTF8.decode(bytes.subarray(runStart)));
  return parts.join("");
}

const inRange = (value: number | undefined, low: number, high: number) =>
  value !== undefined && value >= low && value <= high;

/** Length of the well-formed UTF-8 sequence at `i` (Unicode table 3-7), or 0 when there is none. */
function sequenceLength(b: Uint8Array, i: number): number {
  const lead = b[i] as number;
  const cont = (offset: number) => inRange(b[i + offset], 0x80, 0xbf);
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0;
  if (lead === 0xe0) return inRange(b[i + 1], 0xa0, 0xbf) && cont(2) ? 3 : 0;
  if (lead === 0xed) return inRange(b[i + 1], 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (lead >= 0xe1 && lead <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (lead === 0xf0) return inRange(b[i + 1], 0x90, 0xbf) && cont(2) && cont(3) ? 4 : 0;
  if (lead >= 0xf1 && lead <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (lead === 0xf4) return inRange(b[i + 1], 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** ASCII-heavy UTF-16: NULs fill one byte position of most pairs and almost none of the other. */
function looksLikeUtf16(sample: Uint8Array): boolean {
  if (sample.length < 8) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  const pairs = sample.length / 2;
  const [more, fewer] = evenNul > oddNul ? [evenNul, oddNul] : [oddNul, evenNul];
  return more / pairs > 0.4 && fewer / pairs < 0.05;
}

/** 1 for NUL and the C0 controls plain text does not hold (all but tab, LF, VT, FF, CR and escape). */
const BINARY_CONTROL = Uint8Array.from({ length: 256 }, (_, byte) =>
  byte < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(byte) ? 1 : 0,
);

/** Share of NUL and C0 control bytes other than those of plain text (a table look-up per byte: every text file's first 8 KiB). */
function controlShare(sample: Uint8Array): number {
  if (sample.length === 0) return 0;
  let count = 0;
  for (let i = 0; i < sample.length; i++) count += BINARY_CONTROL[sample[i] as number] as number;
  return count / sample.length;
}
