// Whether a script is worth parsing for no-generic-secret: one pass of one regular expression
// looks for a secret-like word with a candidate literal (a quote and six non-space characters)
// on its line or the next. Scripts without one cannot produce a finding, so they are not parsed.

export const NEAR_LITERAL =
  /(?:pass|secret|token|key|cred|salt|pwd|auth|login|logon|connect|bind)[^\n]{0,200}(?:\n[^\n]{0,200})?["'`][^"'`\s]{6}/i;

export function couldHoldSecret(text: string): boolean {
  return NEAR_LITERAL.test(text);
}
