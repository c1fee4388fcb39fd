// Bytes to text: lossy UTF-8 that keeps positions, byte-order marks, and when text is not text.
import { afterEach, describe, expect, it, vi } from "vitest";
import { regexRunsBy } from "../../../../test/support/regexp-work.js";
import { decodeText, lossyUtf8, SNIFF_BYTES, skimText } from "../../src/discovery/decode.js";

const text = "SELECT 'é', '😀';\n";

function utf16be(value: string): Buffer {
  return Buffer.from(value, "utf16le").swap16();
}

function utf32(value: string, littleEndian: boolean): Buffer {
  const points = [...value].map((c) => c.codePointAt(0) as number);
  const out = Buffer.alloc(points.length * 4);
  for (const [i, p] of points.entries()) {
    if (littleEndian) out.writeUInt32LE(p, i * 4);
    else out.writeUInt32BE(p, i * 4);
  }
  return out;
}

describe("decodeText", () => {
  it("decodes UTF-8, UTF-16 and UTF-32 by their byte-order marks", () => {
    const cases: [string, Buffer][] = [
      ["utf-8", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ["utf-16le", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
      ["utf-16be", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
      ["utf-32le", Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(text, true)])],
      ["utf-32be", Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(text, false)])],
    ];
    for (const [name, bytes] of cases) {
      expect({ name, result: decodeText(bytes) }).toEqual({ name, result: { ok: true, text } });
      expect({ name, result: decodeText(bytes, { textExpected: true }) }).toEqual({ name, result: { ok: true, text } });
    }
  });

  it("turns broken UTF-16 and UTF-32 units into U+FFFD instead of failing", () => {
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x62]))).toEqual({ ok: true, text: "a\uFFFD" });
    const bad32 = Buffer.concat([
      Buffer.from([0xff, 0xfe, 0, 0]),
      utf32("a", true),
      Buffer.from([0, 0, 0x11, 0]),
      Buffer.from([1]),
    ]);
    expect(decodeText(bad32)).toEqual({ ok: true, text: "a\uFFFD\uFFFD" });
  });

  it("keeps a NUL in a comment of a text file, but refuses a file of NUL and control bytes", () => {
    const sql = Buffer.from(`-- note \0 here\n${"SELECT 1;\n".repeat(20)}`);
    expect(decodeText(sql, { textExpected: true })).toEqual({ ok: true, text: sql.toString() });
    expect(decodeText(sql)).toMatchObject({ ok: false, reason: "binary" });
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect(decodeText(random, { textExpected: true })).toMatchObject({ ok: false, reason: "binary" });
  });

  it("does not guess the byte order of UTF-16 without a byte-order mark", () => {
    expect(decodeText(Buffer.from("ALTER TABLE t DROP COLUMN c;\n", "utf16le"), { textExpected: true })).toEqual({
      ok: false,
      reason: "not-decodable",
      detail: "UTF-16 without a byte-order mark",
    });
  });

  // A file expected to be text and without a NUL is decoded first and its text searched once for
  // control characters; only one that holds some has its bytes counted. Both ways must agree with
  // counting the bytes of every file, the way the share is defined.
  it("judges control bytes as a count over the first 8 KiB would, around multi-byte and invalid UTF-8", () => {
    const pieces = [
      Buffer.from("SELECT 1;\n"),
      Buffer.from("é😀€"),
      Buffer.from([0xc3]),
      Buffer.from([0xf0, 0x9f]),
      Buffer.from([0x80, 0xff]),
      Buffer.from([0x01]),
      Buffer.from([0x1b, 0x09, 0x0c]),
      Buffer.from([0x7f, 0x1f, 0x0e]),
      Buffer.from([0x00]),
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const verdicts = new Set<string>();
    for (let round = 0; round < 400; round++) {
      const parts: Buffer[] = [];
      const controlRate = random() * 0.15;
      // Mostly around the 8 KiB edge, where a control byte just past it must not count.
      const length = SNIFF_BYTES - 64 + Math.floor(random() * 128) + (round % 4 === 0 ? -8000 : 0);
      let size = 0;
      while (size < length) {
        const piece = (
          random() < controlRate ? pieces[5 + Math.floor(random() * 4)] : pieces[Math.floor(random() * 5)]
        ) as Buffer;
        parts.push(piece);
        size += piece.length;
      }
      const bytes = Buffer.concat(parts);
      const result = decodeText(bytes, { textExpected: true });
      expect(result, `round ${round}`).toEqual(countedDecode(bytes));
      verdicts.add(result.ok ? "text" : result.reason);
      // A skimmed file (no needle in it) is refused or accepted alike, its text left undecoded.
      const counted = countedDecode(bytes);
      expect(skimText(bytes, "deploylint-", { textExpected: true }), `round ${round}, skimmed`).toEqual(
        counted.ok ? { ok: true, text: "", skimmed: true } : counted,
      );
    }
    expect([...verdicts].sort()).toEqual(["binary", "text"]);
  });

  it("settles a skimmed file without NUL or control bytes by one search, not a count of its bytes", () => {
    const bytes = Buffer.from("KEY=value\n".repeat(2000));
    // Two runs: skimText's check of its needle, and the one search for control bytes.
    expect(
      regexRunsBy(() =>
        expect(skimText(bytes, "deploylint-", { textExpected: true })).toEqual({ ok: true, text: "", skimmed: true }),
      ),
    ).toBe(2);
  });

  it("settles a text file without NUL or control bytes by one search of its text, not a count of its bytes", () => {
    const bytes = Buffer.from("KEY=value\n".repeat(2000));
    expect(regexRunsBy(() => expect(decodeText(bytes, { textExpected: true })).toMatchObject({ ok: true }))).toBe(1);
  });

  it("recognises a git-crypt file", () => {
    const locked = Buffer.concat([Buffer.from("\0GITCRYPT\0"), Buffer.alloc(40, 0x9c)]);
    expect(decodeText(locked, { textExpected: true })).toMatchObject({ ok: false, reason: "encrypted" });
  });
});

describe("lossyUtf8", () => {
  it("replaces each invalid byte with one U+FFFD, so later columns stay put", () => {
    // TextDecoder would merge E9 A9 (a truncated three-byte sequence) into one U+FFFD.
    expect(lossyUtf8(Buffer.from([0xe9, 0xa9, 0x61]))).toBe("\uFFFD\uFFFDa");
    expect(lossyUtf8(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xc3, 0xa9]))).toBe("caf\uFFFD é");
    // Overlong forms and UTF-16 surrogates encoded in UTF-8 are not well-formed either.
    expect(lossyUtf8(Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]))).toBe("\uFFFD".repeat(5));
    expect(lossyUtf8(Buffer.from([0xf0, 0x9f, 0x98, 0x80, 0xf4, 0x90, 0x80, 0x80]))).toBe(`😀${"\uFFFD".repeat(4)}`);
  });
});

describe("start-up", () => {
  const Original = globalThis.TextDecoder;
  afterEach(() => {
    globalThis.TextDecoder = Original;
    vi.resetModules();
  });

  it("makes the UTF-16 decoder (ICU's) only for a UTF-16 file", async () => {
    const labels: string[] = [];
    globalThis.TextDecoder = class Counted extends Original {
      constructor(label?: string, options?: ConstructorParameters<typeof Original>[1]) {
        super(label, options);
        labels.push(label ?? "utf-8");
      }
    };
    vi.resetModules();
    const fresh = await import("../../src/discovery/decode.js");
    fresh.decodeText(Buffer.from(text));
    expect(labels).not.toContain("utf-16le");
    const decoded = fresh.decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect(decoded).toMatchObject({ text });
    expect(labels.filter((label) => label === "utf-16le")).toHaveLength(1);
  });
});

/** decodeText for a file expected to be text and without a byte-order mark, by its definition: the bytes counted. */
function countedDecode(bytes: Buffer): ReturnType<typeof decodeText> {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let evenNul = 0;
  let oddNul = 0;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i] as number;
    if (byte === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
    if (byte < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(byte)) controls++;
  }
  const pairs = sample.length / 2;
  const [more, fewer] = evenNul > oddNul ? [evenNul, oddNul] : [oddNul, evenNul];
  if (sample.length >= 8 && more / pairs > 0.4 && fewer / pairs < 0.05) {
    return { ok: false, reason: "not-decodable", detail: "UTF-16 without a byte-order mark" };
  }
  const share = sample.length === 0 ? 0 : controls / sample.length;
  if (share > 0.05) {
    return {
      ok: false,
      reason: "binary",
      detail: `${Math.round(share * 100)} % NUL or control bytes in the first 8 KiB`,
    };
  }
  return { ok: true, text: lossyUtf8(bytes) };
}
