// The literal each private-key finder looks for before any expression (PEM's `PRIVATE KEY`, its
// base64 `-----BEGIN`, PuTTY's and age's headers), in lower case as the catalogue scanner's pass
// finds its keywords. The pass looks for them too, so a file's one pass over its text tells
// no-private-key that it holds none, where each finder searched the whole text for its own.

export const PRIVATE_KEY_MARKERS: readonly string[] = [
  "private key",
  "ls0tls1crudjti",
  "putty-user-key-file-",
  "age-secret-key-1",
];
