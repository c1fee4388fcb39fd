// Values that stand in for a secret (templates, references, documentation words): never findings.

// A reference to a value that lives elsewhere: an environment variable, a template, a secret store.
const REFERENCE =
  /\$\{|\$\(|\{\{|\{%|^\$[A-Za-z_][A-Za-z0-9_]*$|^%[A-Za-z_]+%$|process\.env|import\.meta\.env|os\.environ|os\.getenv|ENV\[|ENV\.fetch|getenv\(|\bsecrets?\.|\bvault:|^arn:aws:secretsmanager|^(?:ref|secretref|valueFrom)\b/i;

// Words people write where a value should go. Random credentials practically never contain them.
const WORDS =
  /example|sample|dummy|placeholder|change[_ .-]?me|changeit|replace|your[_ .-]|redacted|insert[_ .-]|fake|lorem|foobar|todo|fixme|not[_ .-]?set|notasecret|secret[_ .-]?here|key[_ .-]?here|token[_ .-]?here|\bhere\b|\.\.\./i;

// Common defaults of local setups and documentation (compared as a whole value, lower-cased).
const DEFAULTS = new Set([
  "password",
  "passwd",
  "pass",
  "pwd",
  "secret",
  "token",
  "apikey",
  "api_key",
  "admin",
  "root",
  "postgres",
  "mysql",
  "guest",
  "test",
  "testing",
  "default",
  "none",
  "null",
  "nil",
  "undefined",
  "true",
  "false",
  "empty",
  "dev",
  "development",
  "local",
  "localhost",
  "user",
  "username",
  "letmein",
  "qwerty",
  "123456",
  "12345678",
]);

/** True when `value` is a placeholder, a reference or a documentation word rather than a credential. */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length === 0) return true;
  if (/^<[^<>]*>$/.test(trimmed) || /^\[[^[\]]*\]$/.test(trimmed)) return true;
  if (REFERENCE.test(trimmed) || WORDS.test(trimmed)) return true;
  if (DEFAULTS.has(trimmed.toLowerCase())) return true;
  if (/(.)\1{5,}/.test(trimmed)) return true;
  if (/^[*•x#.?_-]+$/i.test(trimmed)) return true;
  return false;
}
