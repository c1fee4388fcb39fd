// Values that stand in for a secret (templates, references, documentation words): never findings.

// A reference to a value that lives elsewhere: an environment variable, a template, a secret store.
const REFERENCE =
  /\$\{|\$\(|\{\{|\{%|^\$[A-Za-z_][A-Za-z0-9_]*$|^%[A-Za-z_]+%$|^\{[A-Za-z_][\w.-]*\}$|process\.env|import\.meta\.env|os\.environ|os\.getenv|ENV\[|ENV\.fetch|getenv\(|\bsecrets?\.|\bvault:|^arn:aws:secretsmanager|^(?:ref|secretref|valueFrom)\b/i;

// Words people write where a value should go. Random credentials practically never contain them.
const WORDS =
  /example|sample|dummy|placeholder|change[_ .-]?me|changeit|replace|your[_ .-]|redacted|insert[_ .-]|fake|lorem|foobar|todo|fixme|not[_ .-]?set|notasecret|secret[_ .-]?here|key[_ .-]?here|token[_ .-]?here|\bhere\b|\.\.\./i;

// Common defaults of local setups and documentation (compared as a whole value, lower-cased).
const DEFAULTS = new Set([
  "password",
  "passwd",
  "pass",
  "pwd",
  "secret",
  "token",
  "apikey",
  "api_key",
  "admin",
  "root",
  "postgres",
  "mysql",
  "guest",
  "test",
  "testing",
  "default",
  "none",
  "null",
  "nil",
  "undefined",
  "true",
  "false",
  "empty",
  "dev",
  "development",
  "local",
  "localhost",
  "user",
  "username",
  "letmein",
  "qwerty",
  "123456",
  "12345678",
]);

// Leetspeak people write defaults in (`p0stgr3s`, `s3cr3t`, `adm1n`): still the default word.
const LEET: Readonly<Record<string, string>> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
};

/** The value with leetspeak read back as letters, lower-cased. */
export function unleet(value: string): string {
  return value.toLowerCase().replace(LEET_CHARACTERS, (char) => LEET[char] ?? char);
}

const LEET_CHARACTERS = /[013457@$]/g;

// Lower-casing never shortens a string, nor does reading leetspeak back: a value longer than every
// default is none of them, unread (most values judged are long literals of code and config).
const LONGEST_DEFAULT = Math.max(...[...DEFAULTS].map((word) => word.length));

/**
 * True when runs of one repeated character (six or more) make up most of `value`: `xxxxxxxx`,
 * `hf_xxxxxxxxxxxxxxxxxxxxxxxx`, `AAAAAAAAAAAA-1`. A run inside a longer value is no sign: base64 of
 * DER (`MIIEvAIBADANBgkqhkiG9w0BAQEFAASC…`) and other real encodings have long `A` runs.
 */
export function isMostlyRepeated(value: string): boolean {
  const repeated = (value.match(/(.)\1{5,}/g) ?? []).reduce((sum, run) => sum + run.length, 0);
  return repeated * 2 > value.length;
}

/**
 * True when `value` is written as a stand-in, never typed as a password: a bracketed name
 * (`<password>`, `[token]`), a documentation word (`changeme`, `your_password`, `REDACTED`) or a
 * mask (`********`, `xxxxxxxx`). Narrower than isPlaceholder: common defaults (`postgres`, `admin`)
 * are not stand-ins, since in a credential file they are the password that logs in.
 */
export function isStandIn(value: string): boolean {
  const trimmed = value.trim();
  if (/^<[^<>]*>$/.test(trimmed) || /^\[[^[\]]*\]$/.test(trimmed)) return true;
  return WORDS.test(trimmed) || isMostlyRepeated(trimmed) || /^[*•x#.?_-]+$/i.test(trimmed);
}

/** True when `value` is a placeholder, a reference or a documentation word rather than a credential. */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length === 0) return true;
  if (/^<[^<>]*>$/.test(trimmed) || /^\[[^[\]]*\]$/.test(trimmed)) return true;
  if (REFERENCE.test(trimmed) || WORDS.test(trimmed)) return true;
  if (trimmed.length <= LONGEST_DEFAULT && (DEFAULTS.has(trimmed.toLowerCase()) || DEFAULTS.has(unleet(trimmed)))) {
    return true;
  }
  if (isMostlyRepeated(trimmed)) return true;
  if (/^[*•x#.?_-]+$/i.test(trimmed)) return true;
  return false;
}
