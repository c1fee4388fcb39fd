// Decides whether the text between a key's header and its end is real key material (base64 of a
// reasonable length) rather than a placeholder, a regex or an elided example.

/** A line break written as an escape inside a string literal: `\n`, `\r\n`, or double-escaped `\\n`. */
const ESCAPED_BREAK = /(?:\\+[rn])+/g;
/**
 * An encapsulated header line: RFC 1421 (legacy encrypted PEM: `Proc-Type: 4,ENCRYPTED`, `DEK-Info: …`)
 * and RFC 4880 section 6.2 armor headers (`Version: …`, `Comment: …`).
 */
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*: \S/;
/** How a key body is wrapped when pasted into code, YAML or a comment: quotes, concatenation, indentation. */
const WRAPPING = /["'`,;()[\]\s]/g;
const COMMENT_MARKER = /^(?:#|\/\/|\*|--)+/;
const BASE64 = /^[A-Za-z0-9+/=]*$/;
/** Random base64 of 40+ characters shows far more distinct characters; "AAAA…" or "xxxx…" do not. */
const MIN_DISTINCT = 16;

/** Turns escaped line breaks into real ones, so a key in a string literal reads like a key in a file. */
export function unescapeBreaks(text: string): string {
  return text.replace(ESCAPED_BREAK, "\n");
}

/**
 * The base64 characters of a key body, or null when the segment is not one: it holds anything but
 * base64, wrapping and header lines (`...`, `<your key>`, `${KEY}`, a regex), is shorter than
 * `minLength`, or is too repetitive to be random.
 */
export function readKeyBody(segment: string, minLength: number): string | null {
  let body = "";
  for (const rawLine of unescapeBreaks(segment).split(/\r\n|\r|\n/)) {
    const trimmed = rawLine.trim().replace(COMMENT_MARKER, "").trim();
    if (HEADER_LINE.test(trimmed)) continue;
    const line = trimmed.replace(WRAPPING, "");
    if (!BASE64.test(line)) return null;
    body += line;
  }
  if (body.length < minLength) return null;
  if (new Set(body).size < MIN_DISTINCT) return null;
  return body;
}
