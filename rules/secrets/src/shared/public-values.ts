// Whether a dotenv entry is a public default, the kind Next.js wants committed in `.env`,
// `.env.development` and `.env.production`: a browser-bound NEXT_PUBLIC_ value, a URL without
// credentials, a boolean, a number, or a plain setting under a name that is not a credential's.
import { exposedSecret } from "../rules/no-public-secret.js";
import { isPlaceholder } from "./placeholders.js";
import { isSecretName } from "./secret-names.js";
import { looksLikeSecretValue } from "./secret-values.js";

const BOOLEAN = /^(?:true|false|yes|no|on|off|enabled?|disabled?)$/i;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
// Query parameters that carry a credential in a URL (`?apikey=`, `&access_token=`, `?sig=`).
const SECRET_QUERY = /[?&](?:[\w-]*(?:key|token|secret|password|passwd|pwd|sig|signature|auth)[\w-]*)=[^&#\s]/i;

/**
 * True when `value` under `name` is public: it can sit in a committed defaults file because it is
 * shipped to every browser anyway (NEXT_PUBLIC_, unless the name says secret, as no-public-secret
 * judges it) or it is no credential at all. A secret-named entry is public only as a placeholder.
 */
export function isPublicDefault(name: string, value: string): boolean {
  if (isPlaceholder(value)) return true;
  // Next.js inlines NEXT_PUBLIC_ values into the JavaScript it sends to the browser: committing one
  // reveals nothing the deployed site does not. A provider token there is still reported by
  // no-hardcoded-secret, and a secret-named one by no-public-secret.
  if (name.startsWith("NEXT_PUBLIC_")) return exposedSecret(name) === null;
  if (isSecretName(name)) return false;
  if (BOOLEAN.test(value) || NUMBER.test(value)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return isUrlWithoutCredentials(value) || isSentryDsn(value);
  return !looksLikeSecretValue(value);
}

/**
 * A Sentry DSN (`https://<public key>@o1.ingest.sentry.io/2`): its user part is a public key that
 * only lets a client submit events, and Sentry's docs call DSNs safe to keep public. No password.
 */
function isSentryDsn(value: string): boolean {
  return /^https:\/\/[0-9a-f]{32}@[a-z0-9.-]{1,100}\.sentry\.io\/\d{1,20}$/.test(value);
}

/** A URL with no user information (`user:pass@`, `token@`) and no credential in its query string. */
function isUrlWithoutCredentials(value: string): boolean {
  const authority = value.slice(value.indexOf("://") + 3).split(/[/?#]/, 1)[0] ?? "";
  return !authority.includes("@") && !SECRET_QUERY.test(value);
}
