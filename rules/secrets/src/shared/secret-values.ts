// Whether a literal assigned to a secret-named key looks like a real credential: long enough,
// random enough, and not a placeholder, a reference, a label, a path or a word.
import { characterClasses, shannonEntropy } from "./entropy.js";
import { isHumanText, isIdentifierLike, isOrderedSequence } from "./human-values.js";
import { isPlaceholder } from "./placeholders.js";

export interface ValueGate {
  /** Shortest value that can be a credential (default 8). */
  minLength?: number;
  /** Entropy (bits per character) the value must reach (default 3). */
  minEntropy?: number;
}

// Code written where a value goes: a call (`get_token_auth_header()`, `sqlc.narg(`) or a query
// parameter (`@accessToken::bytea`, `:password`), as docs and SQL files hold them.
const EXPRESSION = /^[A-Za-z_$][\w$.]*\(|^[@:][A-Za-z_]\w*(?:::\w+)?$/;

/** True when `value` could be a real credential rather than a placeholder or an ordinary string. */
export function looksLikeSecretValue(value: string, gate: ValueGate = {}): boolean {
  const minLength = gate.minLength ?? 8;
  const minEntropy = gate.minEntropy ?? 3;
  if (value.length < minLength || value.length > 4096) return false;
  if (isPlaceholder(value) || EXPRESSION.test(value)) return false;
  // Prose, UI labels and sentences: a credential has no spaces, no letters beyond ASCII
  // (`Contraseña`), and is not a label of words (`App-Geheimnis`).
  if (/\s/.test(value) || isHumanText(value)) return false;
  // Typed along the keyboard or the alphabet (`abcd1234`, `1234asd$`): a stand-in, never generated.
  if (isOrderedSequence(value)) return false;
  // URLs are judged by no-credentials-in-url; paths and file names point at a secret, they are not one.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(value)) return false;
  if (/\.(?:pem|key|crt|cer|p12|pfx|json|ya?ml|txt|env|cfg|conf|ini)$/i.test(value)) return false;
  // The name of another variable or a constant (`DB_PASSWORD`, `auth.token`), a number, a boolean.
  if (/^[A-Z][A-Z0-9_]*$/.test(value) || /^[a-z]+(?:[._-][a-z]+)*$/.test(value)) return false;
  if (/^[0-9.,:+-]+$/.test(value)) return false;
  // Words only: letters without digits or symbols are a word or a label, unless long and random.
  if (/^[A-Za-z]+$/.test(value) && (value.length < 20 || shannonEntropy(value) < 4)) return false;
  if (characterClasses(value) < 2) return false;
  return shannonEntropy(value) >= minEntropy;
}

// What a config value can be that is not a password: a boolean, a number, or an identifier
// naming something else (an environment variable, a key path, a camel-cased symbol).
const BOOLEAN = /^(?:true|false|yes|no|on|off|enabled?|disabled?)$/i;
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
const KEY_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:[.:][A-Za-z_][A-Za-z0-9_]*)+$/;

/** Capitalised words joined by dashes (`Olive-Garden7`): how people build passwords, not identifiers. */
function isPassphrase(value: string): boolean {
  return /^[A-Z][a-z]+[-_][A-Z][a-z]/.test(value);
}

/**
 * True when `value`, held by a password-named key of a config or data file, is a password. People
 * choose passwords, so entropy says nothing: any value of six or more characters counts unless it
 * is a placeholder, a reference (`${X}`, `{X}`, `%X%`, `<X>`), a boolean, a number, an identifier,
 * human text, a path or a URL. A spelled-out one (`OwnerPassword123!`) is still the password.
 */
export function looksLikePasswordValue(value: string): boolean {
  if (value.length < 6 || value.length > 256) return false;
  if (isPlaceholder(value) || EXPRESSION.test(value)) return false;
  if (BOOLEAN.test(value) || /^[0-9.,:+-]+$/.test(value)) return false;
  if (ENV_NAME.test(value) || KEY_PATH.test(value) || (isIdentifierLike(value) && !isPassphrase(value))) return false;
  if (/\s/.test(value) || isHumanText(value)) return false;
  return !(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(value));
}
