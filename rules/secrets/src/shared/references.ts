// References to a value kept elsewhere (`${DB_PASSWORD}`, `$DB_PASSWORD`, `%DB_PASSWORD%`): the
// only placeholders a credential file has, where any plain word is the password itself.

const REFERENCE = /^(?:\$\{[^{}\s]{1,200}\}|\$[A-Za-z_][A-Za-z0-9_]{0,200}|%[A-Za-z_][A-Za-z0-9_]{0,200}%)$/;

export function isReference(value: string): boolean {
  return REFERENCE.test(value.trim());
}
