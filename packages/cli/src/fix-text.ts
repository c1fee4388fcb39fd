// The bytes of a file --fix edits, as text it can write back unchanged: a UTF-8 BOM is kept
// aside and restored, the line ending is read from the file and given to every line a fix adds.
// A file that would not survive the round trip (another encoding, invalid UTF-8, NUL bytes,
// line endings that disagree) is refused instead of rewritten.

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

// Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
const OTHER_BOMS: [string, number[]][] = [
  ["UTF-32 (LE)", [0xff, 0xfe, 0x00, 0x00]],
  ["UTF-32 (BE)", [0x00, 0x00, 0xfe, 0xff]],
  ["UTF-16 (LE)", [0xff, 0xfe]],
  ["UTF-16 (BE)", [0xfe, 0xff]],
];

export type LineEnding = "\n" | "\r\n";

export interface FixText {
  bom: boolean;
  /** The text after the BOM, as the engine saw it (its offsets are what range fixes point at). */
  body: string;
  eol: LineEnding;
}

export type Decoded = ({ ok: true } & FixText) | { ok: false; reason: string };

/** An empty text for a file --fix creates: UTF-8 without a BOM, LF line endings. */
export const NEW_FILE: FixText = { bom: false, body: "", eol: "\n" };

export function decodeForFix(bytes: Buffer): Decoded {
  for (const [name, mark] of OTHER_BOMS) {
    if (bytes.length >= mark.length && mark.every((byte, i) => bytes[i] === byte))
      return { ok: false, reason: `it is encoded as ${name}; --fix writes UTF-8 only` };
  }
  const bom = bytes.subarray(0, 3).equals(UTF8_BOM);
  const content = bom ? bytes.subarray(3) : bytes;
  if (content.includes(0)) return { ok: false, reason: "it holds NUL bytes (binary, or UTF-16 without a BOM)" };
  let body: string;
  try {
    // ignoreBOM keeps a second mark as text: only the first is set aside, as the engine does.
    body = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(content);
  } catch (error) {
    if (error instanceof TypeError) return { ok: false, reason: "it is not valid UTF-8" };
    throw error;
  }
  const eol = lineEnding(body);
  if (typeof eol === "object") return { ok: false, reason: eol.refused };
  return { ok: true, bom, body, eol };
}

export function encodeAfterFix(text: FixText): Buffer {
  const body = Buffer.from(text.body, "utf8");
  return text.bom ? Buffer.concat([UTF8_BOM, body]) : body;
}

/** A fix's text (written with `\n`, as rules do) in the file's line ending. */
export function inLineEnding(text: string, eol: LineEnding): string {
  return eol === "\n" ? text : text.replace(/\n/g, eol);
}

/** The file's one line ending, LF when it has no line break yet. */
function lineEnding(body: string): LineEnding | { refused: string } {
  let crlf = 0;
  let lf = 0;
  for (let i = body.indexOf("\r"); i !== -1; i = body.indexOf("\r", i + 1)) {
    if (body[i + 1] !== "\n")
      return { refused: "it has carriage returns that do not end a CRLF line; --fix cannot tell its line ending" };
    crlf++;
  }
  for (let i = body.indexOf("\n"); i !== -1; i = body.indexOf("\n", i + 1)) if (body[i - 1] !== "\r") lf++;
  if (crlf > 0 && lf > 0)
    return { refused: "it mixes CRLF and LF line endings; --fix cannot tell which the added lines should use" };
  return crlf > 0 ? "\r\n" : "\n";
}
