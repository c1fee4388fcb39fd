// URLs with a password in their user-info part (`postgres://user:pass@host`), found in any text.
import { isPlaceholder, unleet } from "./placeholders.js";

export interface CredentialUrl {
  scheme: string;
  host: string;
  /** The password as written (for masking and hashing only). */
  password: string;
  /** Offsets of the whole URL up to the host, and of the password. */
  start: number;
  end: number;
  passwordStart: number;
  passwordEnd: number;
}

// scheme://user:password@host — each part bounded and made of characters the next part cannot
// start with, so the pattern runs in linear time. `jdbc:` prefixes are part of the scheme.
export const URL_WITH_PASSWORD =
  /(?<![A-Za-z0-9+.-])((?:jdbc:)?[A-Za-z][A-Za-z0-9+.-]{1,30}):\/\/([^\s:/@'"`<>]{0,128}):([^\s/@'"`<>]{1,256})@([A-Za-z0-9.[\]_-]{1,255})/g;

/**
 * Passwords that stand in for one: shorter than four characters (`pw`, `p`), one repeated
 * character (`xxxx`, `****`), anything spelling the word password (`mypassword`, `passw0rd`), the
 * user's name, a reference (`{DB_PASSWORD}`, `${DB_PASSWORD}`) or a local-development default.
 */
export function isPlaceholderPassword(password: string, user: string): boolean {
  if (password.length < 4 || /^(.)\1*$/.test(password)) return true;
  if (/passw(?:or)?d/.test(unleet(password))) return true;
  if (isPlaceholder(password)) return true;
  if (password === user) return true;
  return /^(?:secret|pwd|user|changeme|hunter2)$/i.test(password);
}

// A comment line (`#`, `//`, `/*`, `*`, `--`, `;`, `<!--`, `REM`): what follows is prose unless it
// is a commented-out setting (`# DATABASE_URL=postgres://…`), which is still a live password.
const COMMENT_LINE = /^[ \t]*(?:#|\/\/|\/\*|\*|--|;|<!--|rem\b)/i;
const COMMENTED_SETTING =
  /^[ \t]*(?:#|\/\/|\/\*|\*|--|;|<!--|rem\b)[ \t]*(?:export[ \t]+)?["']?[A-Za-z_][\w.-]*["']?[ \t]*(?:=|:)[ \t]*["'`]?$/i;

/** True when the URL at `start` sits in a prose comment (an example in a sentence), not in a setting. */
export function isInProseComment(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const before = text.slice(lineStart, start);
  return COMMENT_LINE.test(before) && !COMMENTED_SETTING.test(before);
}

// URL_WITH_PASSWORD tried at one offset. A search of the whole text starts a scheme at every letter
// of it (most of this rule's time on a repository of code); every URL holds a `://` right after its
// scheme, and a scheme (with `jdbc:`) is at most 36 characters, so only the offsets just before each
// `://` can start one.
const URL_AT = new RegExp(URL_WITH_PASSWORD.source, "y");
const SCHEME_REACH = "jdbc:".length + 31;
/** URL_WITH_PASSWORD's part after `://` (user, `:`, password, `@`, host), tried at one offset. */
const SEPARATOR_SOURCE = String.raw`:\/\/`;
const USER_INFO_AT = new RegExp(
  URL_WITH_PASSWORD.source.slice(URL_WITH_PASSWORD.source.indexOf(SEPARATOR_SOURCE) + SEPARATOR_SOURCE.length),
  "y",
);

/**
 * The matches a global search of URL_WITH_PASSWORD finds, in order: for each `://`, the first offset
 * before it where the expression matches, after the end of the previous match. No part of a URL
 * after its scheme holds a `:` followed by `//`, so each match holds exactly one `://`.
 */
export function* urlsWithPassword(text: string): Generator<RegExpExecArray> {
  let resume = 0;
  for (let separator = text.indexOf("://"); separator !== -1; separator = text.indexOf("://", separator + 1)) {
    // What follows the `://` of a match is the same wherever its scheme starts: one test of it
    // settles a URL without a password (nearly all: `https://registry.yarnpkg.com/…`, ~2,000 in
    // one lockfile) before the up to 36 offsets a scheme could start at are tried.
    USER_INFO_AT.lastIndex = separator + 3;
    if (!USER_INFO_AT.test(text)) continue;
    for (let start = Math.max(resume, separator - SCHEME_REACH); start < separator; start++) {
      URL_AT.lastIndex = start;
      const match = URL_AT.exec(text);
      if (match === null) continue;
      resume = start + match[0].length;
      yield match;
      break;
    }
  }
}

/** URLs in `text` that carry a real-looking password. */
export function findCredentialUrls(text: string): CredentialUrl[] {
  if (!text.includes("://") || !text.includes("@")) return [];
  const found: CredentialUrl[] = [];
  for (const m of urlsWithPassword(text)) {
    const [whole, scheme = "", user = "", password = "", host = ""] = m;
    if (isPlaceholderPassword(decodeSafely(password), user)) continue;
    // A `$` or `%` right before `@` is an unexpanded shell or printf reference.
    if (/^\$|^%[sd]$/.test(password)) continue;
    const passwordStart = m.index + scheme.length + 3 + user.length + 1;
    found.push({
      scheme: scheme.toLowerCase(),
      host,
      password,
      start: m.index,
      end: m.index + whole.length,
      passwordStart,
      passwordEnd: passwordStart + password.length,
    });
  }
  return found;
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // A lone `%` is not an escape: the password is what is written.
    return value;
  }
}
