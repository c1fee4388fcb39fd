// Whether a script is worth parsing for no-generic-secret (the rule's meta.prefilter). Parsing is
// most of a big run's time, and most scripts that mention a secret-like word hold no literal the
// rule could report, so two cheap passes over the text decide first. Each is a necessary condition
// of a finding: a script failing either is one the rule would judge and find nothing in.
import { isIdentifierLike, isJwtShaped, spellsCredentialWord } from "./human-values.js";
import { looksLikeSecretValue, type ValueGate } from "./secret-values.js";

// A secret-like word with a candidate literal (a quote and six non-space characters) on its line or the next.
export const NEAR_LITERAL =
  /(?:pass|secret|token|key|cred|salt|pwd|auth|login|logon|connect|bind)[^\n]{0,200}(?:\n[^\n]{0,200})?["'`][^"'`\s]{6}/i;

export function couldHoldSecret(text: string): boolean {
  return NEAR_LITERAL.test(text);
}

// Every quote that could open a string literal, with the raw text up to the same quote when that
// text has no whitespace (a value with whitespace is never a credential; an escape may hide one,
// so `\` and the character after it are taken as they come). The lookahead consumes nothing, so a
// quote closing one literal never swallows the quote opening the next. Quotes after `from`,
// `import` and `require(` open module names, which no assignment or login call holds.
const QUOTED = /(?<!\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(["'`])(?=((?:(?!\1)[^\s\\]|\\(?:\r\n|[\s\S]))+)\1)/g;

/**
 * Whether some string literal of the script passes the value tests no-generic-secret applies to a
 * literal in code (looksLikeSecretValue with the rule's gate, not an identifier or a spelled-out
 * stand-in, not a JWT). Keep the two in step: a test the rule drops must go here too. A literal
 * written with escapes is kept whenever its raw text is long enough (escapes only shorten it).
 */
export function hasCandidateLiteral(text: string, gate: ValueGate = {}): boolean {
  const minLength = gate.minLength ?? 8;
  QUOTED.lastIndex = 0;
  for (let match = QUOTED.exec(text); match !== null; match = QUOTED.exec(text)) {
    const raw = match[2] ?? "";
    if (raw.length < minLength) continue;
    if (raw.includes("\\")) return true;
    if (!looksLikeSecretValue(raw, gate)) continue;
    if (isIdentifierLike(raw) || spellsCredentialWord(raw) || isJwtShaped(raw)) continue;
    return true;
  }
  return false;
}

/** The script prefilter of no-generic-secret, with the rule's options for its value gate. */
export function scriptCouldHoldSecret(text: string, options: ValueGate | undefined): boolean {
  return couldHoldSecret(text) && hasCandidateLiteral(text, options ?? {});
}
