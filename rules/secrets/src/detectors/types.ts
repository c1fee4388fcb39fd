// A detector of the no-hardcoded-secret catalogue: one credential type, described as data.

export interface Detector {
  /** Stable id, e.g. "github-pat"; users allow or mention it by this name. */
  id: string;
  /** Who issues the credential, e.g. "GitHub"; safe to print. */
  provider: string;
  /** What it is, e.g. "personal access token"; safe to print. */
  secret: string;
  /** Where the format is documented (the provider's docs, or the scanner rule it was checked against). */
  source: string;
  /**
   * The format as a regular expression source, run over one line at a time (not the file). The
   * credential is capture group 1 when the pattern has one, else the whole match.
   */
  pattern: string;
  flags?: string;
  /** Lower-case literals, one of which must occur on the line before the pattern runs. */
  keywords: string[];
  /** Shannon entropy (bits per character) the credential must reach, for loose formats. */
  minEntropy?: number;
  /** Documented example values that are not credentials (e.g. AKIAIOSFODNN7EXAMPLE). */
  examples?: string[];
  /** Only in files whose base name matches (credential files such as `.netrc`, `.pgpass`). */
  paths?: RegExp;
  /**
   * A file-level detector: runs on every file whose relative path matches, over the whole text,
   * without a keyword (what the file is makes it a credential file). With the `m` flag `^`/`$`
   * are its lines; without it, the whole file (a Rails master.key is the key and nothing else).
   */
  files?: RegExp;
  /**
   * Which values count as placeholders. "references": only `${X}`, `$X`, `%X%` — in a credential
   * file a plain word is the password itself (`.pgpass` holding `postgres` still logs in).
   */
  placeholders?: "references";
  /** A check beyond the pattern (a checksum, a decodable structure); false drops the candidate. */
  verify?: (secret: string) => boolean;
  /** The format itself repeats a character (Twitter bearer tokens, Dropbox keys): skip the repeated-run placeholder test. */
  repeats?: boolean;
  /** Lower than error for credentials that reach only sandboxes (Stripe test keys). */
  severity?: "warn";
}

/** A credential found in a text: offsets of the credential itself, never printed. */
export interface SecretMatch {
  detector: Detector;
  /** The credential (for masking and hashing only; never printed or stored). */
  value: string;
  start: number;
  end: number;
  /**
   * The value has the provider's shape but an obviously dummy body (a documented example,
   * `hf_xxxx…`, `AAAA…`, `…EXAMPLE`): no-hardcoded-secret reports it as info, other rules skip it.
   */
  dummy?: true;
}
