// JSON Web Tokens that carry a signature: a bearer credential whatever service issued it.
import type { Detector } from "../types.js";

function decodeSegment(segment: string): unknown {
  const text = Buffer.from(segment.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  return JSON.parse(text);
}

/**
 * A JWT is reported when its header names a signing algorithm (not "none"), its payload is a JSON
 * object, and it is not a public-by-design token (Supabase "anon" keys are meant for browsers).
 */
function isSignedCredential(jwt: string): boolean {
  const [header, payload, signature] = jwt.split(".");
  if (!header || !payload || !signature || signature.length < 16) return false;
  try {
    const head = decodeSegment(header) as { alg?: unknown };
    const body = decodeSegment(payload) as { role?: unknown } | null;
    if (typeof head?.alg !== "string" || head.alg.toLowerCase() === "none") return false;
    if (typeof body !== "object" || body === null) return false;
    return body.role !== "anon";
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
