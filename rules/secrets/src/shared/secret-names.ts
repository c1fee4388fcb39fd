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

/**
 * Credential words that end a compound written as one word (`dbpasswd`, `FTPPASSWORD`,
 * `clientsecret`, `authtoken`): configs and PHP often glue a qualifier to the word.
 */
const COMPOUND_ENDINGS = ["passphrase", "password", "passwort", "passwd", "secret", "token", "apikey", "pwd"];
/** "pass" ends a compound only after these (`dbpass`, `smtppass`): `bypass`, `compass` are words. */
const PASS_HEADS = new Set([
  "db",
  "ftp",
  "sftp",
  "smtp",
  "sql",
  "mysql",
  "pg",
  "admin",
  "root",
  "user",
  "mail",
  "ldap",
]);
/** Heads that make the compound something other than the credential (`oldpwd`: the previous directory). */
const COMPOUND_NOT_SECRET = new Set(["old", "by", "com", "sur", "over", "under", "cross", "id"]);

/** The credential word a one-word compound ends with (`dbpasswd` → "passwd"), or null. */
function compoundTerm(word: string): string | null {
  for (const ending of COMPOUND_ENDINGS) {
    if (word.length <= ending.length || !word.endsWith(ending)) continue;
    const head = word.slice(0, -ending.length);
    if (!/^[a-z]{1,12}$/.test(head) || SETTING_PREFIXES.has(head) || COMPOUND_NOT_SECRET.has(head)) return null;
    return ending;
  }
  if (word.length > 4 && word.endsWith("pass") && PASS_HEADS.has(word.slice(0, -4))) return "pass";
  return null;
}

const SECRET_NAME_HINT = /pass|pwd|secret|token|cred|key|salt|pat|auth/i;

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
  // Every name accepted below holds one of these (each credential word, compound ending, "key" and
  // bare "auth" does, and words are pieces of the name): one native test settles most names of a
  // file (`id`, `displayName`, JSON data keys) without splitting them into words.
  if (!SECRET_NAME_HINT.test(name)) return false;
  const words = withoutPublicPrefix(splitWords(name));
  if (words.length === 0 || words.length > 8) return false;
  if (SETTING_PREFIXES.has(words[0] ?? "")) return false;
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    const singular = word.endsWith("s") && word !== "pass" && word !== "creds" ? word.slice(0, -1) : word;
    if (SECRET_WORDS.has(word) || SECRET_WORDS.has(singular) || compoundTerm(word) !== null) last = i;
    else if ((word === "key" || word === "keys") && i > 0 && KEY_QUALIFIERS.has(words[i - 1] ?? "")) last = i;
  }
  // `auth` alone (`_auth` in .npmrc, `"auth"` in a Docker config.json) holds base64 `user:password`;
  // the rule checks that shape, since `auth: "jwt"` is a setting (see isBareAuthName).
  if (isBareAuthName(name)) return true;
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

/** True when `name` names a password a person chose (`newPassword`, `DB_PASS`, `dbpasswd`), not a generated key. */
export function isPasswordName(name: string): boolean {
  return splitWords(name).some((word) => PASSWORD_WORDS.has(word) || PASSWORD_WORDS.has(compoundTerm(word) ?? ""));
}

/** `auth`, `_auth`, `AUTH`: the name alone, whose value is a credential only in the `user:password` base64 form. */
export function isBareAuthName(name: string): boolean {
  return /^_{0,2}auth$/i.test(name);
}

/** Base64 of `user:password`, the form `auth` values take (npm's `_auth`, Docker's `auths`). */
export function isBasicAuthBlob(value: string): boolean {
  if (!/^[A-Za-z0-9+/]{8,1000}={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  const decoded = atob(value);
  return /^[\x21-\x7e]{1,200}:[\x20-\x7e]{1,200}$/.test(decoded);
}
