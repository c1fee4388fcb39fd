// Unit tests for the lossless text model of --fix: decode, edit, encode gives the same bytes.
import { describe, expect, it } from "vitest";
import { decodeForFix, encodeAfterFix, inLineEnding } from "../src/fix-text.js";

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe("decodeForFix", () => {
  it.each([
    ["empty", Buffer.alloc(0), "\n"],
    ["LF", Buffer.from("A=1\nB=2\n"), "\n"],
    ["CRLF without a final break", Buffer.from("A=1\r\nB=2"), "\r\n"],
    ["BOM, non-ASCII, CRLF", Buffer.concat([BOM, Buffer.from("# Grüße 🚀\r\nA=1\r\n")]), "\r\n"],
    ["a second BOM kept as text", Buffer.concat([BOM, BOM, Buffer.from("A=1\n")]), "\n"],
  ])("round-trips %s byte for byte", (_name, bytes, eol) => {
    const decoded = decodeForFix(bytes);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.eol).toBe(eol);
    expect(encodeAfterFix(decoded).equals(bytes)).toBe(true);
  });

  it("sets the BOM aside so offsets match the engine's text", () => {
    const decoded = decodeForFix(Buffer.concat([BOM, Buffer.from("A=1\n")]));
    expect(decoded).toMatchObject({ ok: true, bom: true, body: "A=1\n" });
  });

  it.each([
    ["UTF-32 (LE)", Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0]), /UTF-32 \(LE\)/],
    ["UTF-16 (BE)", Buffer.from([0xfe, 0xff, 0x00, 0x41]), /UTF-16 \(BE\)/],
    ["UTF-16 without a BOM", Buffer.from("A=1\n", "utf16le"), /NUL bytes/],
    ["a truncated sequence", Buffer.from([0x41, 0xe2, 0x82]), /not valid UTF-8/],
    ["mixed endings", Buffer.from("A\r\nB\n"), /mixes CRLF and LF/],
    ["a bare CR", Buffer.from("A\rB\r"), /carriage returns/],
  ])("refuses %s", (_name, bytes, reason) => {
    const decoded = decodeForFix(bytes);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toMatch(reason);
  });
});

describe("inLineEnding", () => {
  it("gives fix text the file's line ending", () => {
    expect(inLineEnding("\n# a\nA=\n", "\r\n")).toBe("\r\n# a\r\nA=\r\n");
    expect(inLineEnding("\n# a\nA=\n", "\n")).toBe("\n# a\nA=\n");
  });
});
