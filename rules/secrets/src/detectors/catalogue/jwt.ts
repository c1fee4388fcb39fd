// JSON Web Tokens that carry a signature: a bearer credential whatever service issued it.
import type { Detector } from "../types.js";

function decodeSegment(segment: string): unknown {
  const text = Buffer.from(segment.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  return JSON.parse(text);
}

// Hosts that only reach the machine the token is used on, or that no one can own (RFC 2606/6761).
const LOCAL_HOST =
  /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|[\w.-]*\.(?:localhost|test|example|invalid|local)|(?:[\w-]+\.)*example\.(?:com|org|net))$/i;

/** The host of a URL or `host:port` claim, or null when the claim is neither. */
function hostOf(claim: string): string | null {
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/:?#\s]+)/i.exec(claim);
  return match?.[1] ?? null;
}

/**
 * True when the token names who issued it and who accepts it, and every one of those is a local or
 * reserved host (hatchet's auth-disabled token: `iss` and `aud` `http://localhost:8888`): only a
 * server on the developer's own machine takes it.
 */
function isLocalDevelopmentToken(body: { iss?: unknown; aud?: unknown }): boolean {
  const claims = [body.iss, ...(Array.isArray(body.aud) ? body.aud : [body.aud])].filter((c) => c !== undefined);
  if (claims.length === 0 || body.aud === undefined) return false;
  return claims.every((claim) => {
    const host = typeof claim === "string" ? hostOf(claim) : null;
    return host !== null && LOCAL_HOST.test(host);
  });
}

/**
 * A JWT is reported when its header names a signing algorithm (not "none"), its payload is a JSON
 * object, and it is not a public-by-design token (Supabase "anon" keys are meant for browsers) or
 * a token only a local development server accepts.
 */
function isSignedCredential(jwt: string): boolean {
  const [header, payload, signature] = jwt.split(".");
  if (!header || !payload || !signature || signature.length < 16) return false;
  try {
    const head = decodeSegment(header) as { alg?: unknown };
    const body = decodeSegment(payload) as { role?: unknown; iss?: unknown; aud?: unknown } | null;
    if (typeof head?.alg !== "string" || head.alg.toLowerCase() === "none") return false;
    if (typeof body !== "object" || body === null) return false;
    return body.role !== "anon" && !isLocalDevelopmentToken(body);
  } catch {
    // Not base64url JSON: a look-alike, not a token.
    return false;
  }
}

export const jwt: Detector[] = [
  {
    id: "jwt",
    provider: "JSON Web Token",
    secret: "signed token",
    source: "https://datatracker.ietf.org/doc/html/rfc7519#section-3",
    pattern:
      "(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{10,2000}\\.eyJ[A-Za-z0-9_-]{10,8000}\\.[A-Za-z0-9_-]{16,1000})(?![A-Za-z0-9_-])",
    keywords: ["eyj"],
    minEntropy: 4,
    examples: [
      // jwt.io's example token.
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    ],
    verify: isSignedCredential,
  },
];
