// Baseline-ready fingerprints: stable when unrelated lines move, because they hash the rule, the
// file and the finding's own text (never its line number), plus an occurrence index. Never a
// secret's value: see fingerprintSource.
import { createHash } from "node:crypto";

export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

/**
 * The id git gives this content (sha1 of "blob <bytes>\\0<content>"), used as the cache key so that a
 * file's cached result can be found from git's index without reading the file.
 */
export function contentKey(text: string): string {
  return createHash("sha1")
    .update(`blob ${Buffer.byteLength(text, "utf8")}\0`)
    .update(text, "utf8")
    .digest("hex");
}

/** Whitespace-insensitive form of a span, so re-indentation keeps a fingerprint. */
export function normaliseSpan(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The text a file finding's fingerprint hashes. Usually the span's text, so the fingerprint survives
 * unrelated edits; but a fast hash of text that holds a secret lets anyone with the report confirm
 * a guessed value. So a rule that reports secrets is fingerprinted by its `fingerprintText` (the key
 * or detector) or its message id; a finding in a dotenv file, where every value may be a
 * secret, by its message, which names keys and never values; and an SQL span without its literals.
 */
export function fingerprintSource(options: {
  fingerprintText: string | undefined;
  reportsSecrets: boolean;
  kind: string;
  messageId: string;
  message: string;
  spanText: () => string;
}): string {
  if (options.fingerprintText !== undefined) return options.fingerprintText;
  if (options.reportsSecrets) return options.messageId;
  if (options.kind === "dotenv") return options.message;
  // A statement's string literals may be values (UPDATE users SET password = '…'); the rest of
  // the statement identifies the finding as well.
  if (options.kind === "sql") return withoutSqlLiterals(options.spanText());
  return options.spanText();
}

/** SQL text with every string literal ('…', E'…', $tag$…$tag$) replaced by '…'. */
export function withoutSqlLiterals(text: string): string {
  return text.replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$|\b[eE]'(?:[^'\\]|''|\\.)*'|'(?:[^']|'')*'/g, "'…'");
}

/**
 * Assigns fingerprints in place. Findings must already be in their final order, so the
 * occurrence index (the n-th identical finding in a file) is deterministic.
 */
export function assignFingerprints<T extends { ruleId: string; file: string; spanHash: string }>(
  findings: T[],
): (T & { fingerprint: string })[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const key = `${finding.ruleId}\0${finding.file}\0${finding.spanHash}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return { ...finding, fingerprint: hashText(`${key}\0${occurrence}`) };
  });
}
