// Building blocks for catalogue patterns: a prefixed token, a value next to a provider's name,
// and common value shapes. Every piece is bounded, so no pattern can backtrack catastrophically.

/** Characters a regular expression gives a meaning, escaped in a literal. */
const SPECIAL = ".*+?^$(){}|[]\\";

/** A case-insensitive name without the `i` flag (which would also loosen the value's class). */
export function caseless(name: string): string {
  // By character code: ~250 names are built when the catalogue loads, on every run, and a regular
  // expression per character cost that load milliseconds.
  let source = "";
  for (let i = 0; i < name.length; i++) {
    const char = name[i] ?? "";
    const code = name.charCodeAt(i);
    const lowerCode = code | 0x20;
    if (lowerCode >= 97 && lowerCode <= 122) {
      source += `[${String.fromCharCode(lowerCode)}${String.fromCharCode(lowerCode - 32)}]`;
    } else if (code === 95 || code === 45 || code === 32) source += "[_.-]?";
    else source += SPECIAL.includes(char) ? `\\${char}` : char;
  }
  return source;
}

/** A literal prefix for a regular expression. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A token with a literal prefix, e.g. `token("ghp_", "[A-Za-z0-9]{36}")`: not preceded or
 * followed by a character that would make it part of a longer word.
 */
export function token(prefix: string, body: string): string {
  return `(?<![A-Za-z0-9_])(${literal(prefix)}${body})(?![A-Za-z0-9_])`;
}

/**
 * A value assigned to a name that mentions the provider, in any common syntax:
 * `TWILIO_AUTH_TOKEN=…`, `twilioToken: "…"`, `"twilio_token": "…"`, `twilio_token := "…"`,
 * `:twilio_token => "…"`. The value is group 1.
 */
export function named(names: string[], value: string): string {
  const name = names.map(caseless).join("|");
  // After a comma (`define('ALIYUN_SECRET', '…')`) the value must be quoted: unquoted, the next
  // word is another argument or import (`aliyunConfigGuard, sendSmsVerifyCodeResponseGuard`).
  return `(?:${name})[\\w.-]{0,30}[\\s'"\`]{0,3}(?::=|=>|=|:|,(?=[ \\t]{0,5}['"\`]))[\\s'"\`]{0,5}(${value})(?![\\w+/=-])`;
}

export const HEX32 = "[a-f0-9]{32}";
export const HEX40 = "[a-f0-9]{40}";
export const HEX64 = "[a-f0-9]{64}";
export const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

/**
 * A name's first two words as a `named` pattern writes them (joined by nothing, `_`, `.` or `-`):
 * the keywords of a name whose first word alone (`co`, `es`, `dd`) is on most lines of code, where
 * the detector would run on every such line for nothing.
 */
export function leadingPair(name: string): string[] {
  const [first = "", second] = name.toLowerCase().split(/[_ -]/);
  return second === undefined ? [first] : ["", "_", ".", "-"].map((separator) => `${first}${separator}${second}`);
}

/**
 * The prefilter keywords of a `named` detector: the longest word of each name, in lower case (the
 * line must hold it; the pattern then checks the whole name, whatever its separators).
 */
export function keywordsOf(names: string[]): string[] {
  const words = names.map((name) =>
    name
      .toLowerCase()
      .split(/[_ -]/)
      .reduce((best, word) => (word.length > best.length ? word : best), ""),
  );
  return [...new Set(words)];
}
