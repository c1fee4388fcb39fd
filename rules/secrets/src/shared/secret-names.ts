// Whether an identifier or a config key names a credential: `DATABASE_PASSWORD`, `apiKey`,
// `client_secret` do; `passwordLabel`, `tokenUrl`, `secretQuestionPrompt`, `keyName` do not.

/** Words that name a credential on their own. */
const SECRET_WORDS = new Set([
  "password",
  "passwd",
  "passwort",
  "pwd",
  "pass",
  "passphrase",
  "secret",
  "token",
  "credential",
  "credentials",
  "creds",
  "apikey",
  "privatekey",
  "secretkey",
  "accesskey",
  "salt",
  "pat",
]);

/** Words that name a credential when followed by "key" (`api_key`, `signingKey`). */
const KEY_QUALIFIERS = new Set([
  "api",
  "access",
  "private",
  "secret",
  "auth",
  "signing",
  "encryption",
  "master",
  "session",
  "account",
  "service",
  "admin",
  "shared",
  "storage",
  "client",
  "app",
  "application",
  "license",
  "hmac",
  "jwt",
  "webhook",
  "write",
  "root",
  "cookie",
  "crypt",
  "cipher",
  "aes",
  "in", // WordPress LOGGED_IN_KEY
  "nonce",
  "secure",
]);

/** Words that may follow a credential word and still name the credential itself. */
const NEUTRAL_SUFFIXES = new Set([
  "value",
  "val",
  "str",
  "string",
  "raw",
  "b64",
  "base64",
  "hex",
  "encoded",
  "plain",
  "plaintext",
  "data",
  "bytes",
  "base",
  "in",
  "key",
  "keys",
  "live",
  "prod",
  "production",
  "staging",
  "stage",
  "dev",
  "primary",
  "secondary",
  "current",
  "old",
  "new",
  "v1",
  "v2",
  "v3",
]);

/** Leading words that turn a credential word into a setting about credentials (`showPassword`, `maxTokens`). */
const SETTING_PREFIXES = new Set([
  "is",
  "has",
  "show",
  "hide",
  "use",
  "enable",
  "enabled",
  "disable",
  "require",
  "required",
  "allow",
  "toggle",
  "min",
  "max",
  "num",
  "count",
  "total",
  "forgot",
  "reset",
  "validate",
  "verify",
  "check",
  "should",
  "can",
  "no",
  "csrf",
  "xsrf",
  "next",
  "page",
  "continuation",
  "cancel",
  "cancellation",
  "public",
  "publishable",
  "anon",
]);

/** Splits `apiKey`, `API_KEY`, `api-key`, `APIKey`, `db.password` into lower-case words. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

/**
 * True when `name` names a credential: it contains a credential word (or "<qualifier> key"), the
 * words after the last one are neutral (`SECRET_KEY_BASE`, `passwordValue`), and it does not start
 * with a word that makes it a setting (`showPassword`, `maxTokens`).
 */
export function isSecretName(name: string): boolean {
  const words = withoutPublicPrefix(splitWords(name));
  if (words.length === 0 || words.length > 8) return false;
  if (SETTING_PREFIXES.has(words[0] ?? "")) return false;
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    const singular = word.endsWith("s") && word !== "pass" && word !== "creds" ? word.slice(0, -1) : word;
    if (SECRET_WORDS.has(word) || SECRET_WORDS.has(singular)) last = i;
    else if ((word === "key" || word === "keys") && i > 0 && KEY_QUALIFIERS.has(words[i - 1] ?? "")) last = i;
  }
  if (last < 0) return false;
  // "pat" and "pass" are credential words only as the whole last word (GITHUB_PAT, DB_PASS).
  const term = words[last] ?? "";
  if ((term === "pat" || term === "pass") && last !== words.length - 1) return false;
  return words.slice(last + 1).every((word) => NEUTRAL_SUFFIXES.has(word) || /^\d+$/.test(word));
}

// Framework prefixes that expose a variable to the browser say nothing about what it holds.
const PUBLIC_PREFIXES = [
  ["next", "public"],
  ["react", "app"],
  ["expo", "public"],
  ["vite"],
  ["gatsby"],
  ["nuxt", "public"],
];

function withoutPublicPrefix(words: string[]): string[] {
  for (const prefix of PUBLIC_PREFIXES) {
    if (words.length > prefix.length && prefix.every((word, i) => words[i] === word)) return words.slice(prefix.length);
  }
  return words;
}

const PASSWORD_WORDS = new Set(["password", "passwords", "passwd", "passwort", "pwd", "pass", "passphrase"]);

/** True when `name` names a password a person chose (`newPassword`, `DB_PASS`), not a generated key. */
export function isPasswordName(name: string): boolean {
  return splitWords(name).some((word) => PASSWORD_WORDS.has(word));
}
