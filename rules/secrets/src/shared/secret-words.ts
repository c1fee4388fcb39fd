// The words the generic layer (no-generic-secret and its script prefilter) looks for in a text.
// The catalogue scanner finds them in the pass it makes over every file for its own keywords
// (see word-hits.ts), so a file is read once for all of them, not once more per search.

/** Words near which a script literal can be named as a secret (prefilter's NEAR_LITERAL, and the names the rule adds). */
export const NEAR_WORDS = [
  "pass",
  "secret",
  "token",
  "key",
  "cred",
  "salt",
  "pwd",
  "auth",
  "login",
  "logon",
  "connect",
  "bind",
  "pat",
  "sign_in",
  "signin",
  "mysqli",
] as const;

/** Words every name isSecretName accepts holds (passwd, apikey, creds, `_auth`, GITHUB_PAT …): a text line without one names no secret. */
export const NAME_WORDS = ["pass", "pwd", "secret", "token", "cred", "key", "salt", "pat", "auth"] as const;

/** Words near which a credential can be assigned or passed: a file without one is not read further (`pat` as a whole word only). */
export const HINT_WORDS = [
  "pass",
  "secret",
  "token",
  "key",
  "cred",
  "salt",
  "pwd",
  "pat",
  "auth",
  "login",
  "logon",
  "connect",
  "bind",
] as const;

/** Every login callee of login-calls.ts starts with one of these (`authenticate` with `auth`, `bind_s` with `bind`). */
export const CALLEE_WORDS = [
  "login",
  "logon",
  "signin",
  "sign_in",
  "auth",
  "bind",
  "simple_bind",
  "starttls_login",
  "connect",
  "real_connect",
  "mysqli",
  "mysql_connect",
  "ftp_login",
] as const;

/** All of them, once each: the catalogue scanner's extra keywords. */
export const GENERIC_WORDS: readonly string[] = [
  ...new Set<string>([...NEAR_WORDS, ...NAME_WORDS, ...HINT_WORDS, ...CALLEE_WORDS]),
];
