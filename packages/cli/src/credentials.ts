// Masks what looks like a credential in text deploylint shows but did not write itself: a
// pre-deploy command line and its output, and settings printed by --print-config. It errs on the side
// of masking: a hidden harmless word costs nothing, a printed password cannot be taken back.

export const MASK = "****";

// Flags whose value is a credential: --password=x, --db-token x, --api-key=x, --auth x.
const CREDENTIAL_WORD =
  "(?:password|passwd|pass|pwd|token|secret|api-?key|apikey|auth|credentials?|private-?key|access-?key)";
const CREDENTIAL_FLAG = new RegExp(
  `(--?[A-Za-z0-9_-]*${CREDENTIAL_WORD}[A-Za-z0-9_-]*)(=|[ \\t]+)(?!-)("[^"]*"|'[^']*'|[^\\s'"]+)`,
  "gi",
);
// Assignments of credential-named variables: TOKEN=x, export DB_PASSWORD='x', PGPASSWORD=x.
const CREDENTIAL_ASSIGNMENT =
  /\b([A-Za-z0-9_]*(?:TOKEN|SECRET|PASS(?:WORD|WD)?|PWD|KEY|AUTH|CREDENTIALS?)[A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s'"]+)/gi;
// mysql/mariadb's glued password: -pS3cret (a space would make it the database name).
const GLUED_PASSWORD = /(^|\s)-p(?=[^\s-])([^\s'"]+|"[^"]*"|'[^']*')/g;
// scheme://user:password@host, and scheme://token@host (a token as the user name).
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@:'"]*)(?::([^\s/@'"]*))?@/gi;
// A long run of token characters that mixes letters and digits: an API key, a JWT, a hash.
const TOKEN_LIKE = /[A-Za-z0-9+_=~-]{20,}/g;

/** `text` with every credential-looking token replaced by ****. */
export function maskCredentials(text: string): string {
  return text
    .replace(URL_USERINFO, (_all, scheme: string, user: string, password: string | undefined) => {
      if (password !== undefined) return `${scheme}${user}:${MASK}@`;
      return user.length >= 16 || looksRandom(user) ? `${scheme}${MASK}@` : `${scheme}${user}@`;
    })
    .replace(GLUED_PASSWORD, (_all, before: string) => `${before}-p${MASK}`)
    .replace(CREDENTIAL_FLAG, (_all, flag: string, separator: string) => `${flag}${separator}${MASK}`)
    .replace(CREDENTIAL_ASSIGNMENT, (_all, name: string) => `${name}=${MASK}`)
    .replace(TOKEN_LIKE, (token) => (looksRandom(token) ? MASK : token));
}

/** A key whose value is a credential whatever it looks like (hashSalt, apiToken, dbPassword). */
export function isCredentialKey(key: string): boolean {
  return /password|passwd|secret|token|salt|credential|private.?key|api.?key|access.?key|auth/i.test(key);
}

// Random-looking: a long hex string (a hash, a hex key), or lower case, upper case and digits mixed
// and close to uniformly spread (Shannon entropy per character), so words, dated file names and
// version numbers stay readable.
function looksRandom(token: string): boolean {
  if (/^[0-9a-f]{32,}$/i.test(token)) return true;
  if (token.length < 20 || !/[a-z]/.test(token) || !/[A-Z]/.test(token) || !/\d/.test(token)) return false;
  const counts = new Map<string, number>();
  for (const char of token) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / token.length;
    entropy -= p * Math.log2(p);
  }
  return entropy >= 3.5;
}
