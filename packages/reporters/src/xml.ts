// XML 1.0 text for any string: characters XML 1.0 cannot carry at all (most C0 controls, lone
// surrogates, U+FFFE/U+FFFF) are dropped, markup characters become entity references.

const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripForbidden(text: string): string {
  return text.replace(FORBIDDEN, "");
}

export function escapeText(text: string): string {
  return stripForbidden(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r/g, "&#13;");
}

/** Attribute values also keep their quotes, tabs and line breaks (a parser would normalise them to spaces). */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}
