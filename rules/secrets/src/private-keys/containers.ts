// Binary key and password stores, by file type: a PKCS #12 bundle or a Java key store holds a
// private key, a KeePass database and a browser's login database hold passwords. Their bytes are
// never read (the engine routes them as kind "binary"); what the file is makes it a finding.

const BY_EXTENSION: Record<string, string> = {
  ".p12": "PKCS #12 key bundle",
  ".pfx": "PKCS #12 key bundle",
  ".jks": "Java KeyStore",
  ".jceks": "Java KeyStore (JCEKS)",
  ".keystore": "Java or Android keystore",
  ".bks": "Bouncy Castle keystore",
  ".kdbx": "KeePass password database",
  ".kdb": "KeePass password database",
};

const BY_NAME: Record<string, string> = {
  "login data": "Chromium saved-password database",
  "login data for account": "Chromium saved-password database",
};

// A trust store holds only public CA certificates (truststore.jks, cacerts): nothing secret.
const TRUST_STORE = /trust|cacerts/;

/** The container format a binary file's path names, or null. */
export function keyContainerOf(path: string): string | null {
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  if (TRUST_STORE.test(base)) return null;
  const dot = base.lastIndexOf(".");
  return BY_NAME[base] ?? (dot > 0 ? (BY_EXTENSION[base.slice(dot)] ?? null) : null);
}
