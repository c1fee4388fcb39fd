// What a private-key detector returns: where the key's header is and what to fingerprint it by.

export interface PrivateKeyMatch {
  /** Human name of the format, e.g. "RSA private key"; safe to print. */
  kind: string;
  /** Offsets of the header (BEGIN line, PuTTY first line, age prefix): never any key material. */
  start: number;
  end: number;
  /**
   * The key material, for the finding's fingerprint only: the engine hashes it at once, so a
   * rotated key gets a new fingerprint and a baseline entry never hides a different key.
   */
  material: string;
}
