// A matching sample for every catalogue detector: generated from its pattern, or built by hand
// where a detector verifies structure a random string cannot have (base64 "user:pass", JWT JSON).
import { catalogue } from "../../src/detectors/catalogue/index.js";
import type { Detector } from "../../src/detectors/types.js";
import { fakeToken, sample } from "./sample.js";

function base64url(value: string): string {
  return Buffer.from(value).toString("base64url");
}

/** A signed-looking JWT with a fake signature (never issued by anyone). */
export function fakeJwt(payload: Record<string, unknown>, seed = 7): string {
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  return `${header}.${base64url(JSON.stringify(payload))}.${fakeToken("", 43, seed, "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789_-")}`;
}

const HANDMADE: Record<string, () => string> = {
  // Its verify step (a password, not an identifier) rejects some strings a pattern can generate.
  "connection-string-password": () =>
    `Server=sql.corp.dev;Database=Shop;User Id=shop;Password=${fakeToken("", 16, 41)}!;`,
  "docker-config-auth": () => `"auth": "${Buffer.from(`deploy:${fakeToken("", 20, 3)}`).toString("base64")}"`,
  jwt: () => fakeJwt({ sub: "svc-deploy", role: "service_role", iat: 1700000000 }),
  // Its value class allows 8 characters, too short for its entropy gate: a generated sample could fail it.
  "snowflake-credential": () => `SNOWFLAKE_PASSWORD=${fakeToken("", 24, 31)}`,
};

/** Base names the credential-file detectors run in. */
export function fileFor(detector: Detector): string {
  if (!detector.paths) return "config.txt";
  for (const name of [".pgpass", ".netrc", ".my.cnf", ".htpasswd"]) if (detector.paths.test(name)) return name;
  throw new Error(`No file name for ${detector.id}`);
}

/** The line a detector must find: a generated or handmade credential in its usual context. */
export function sampleFor(detector: Detector): string {
  const handmade = HANDMADE[detector.id];
  if (handmade) return handmade();
  return sample(detector.pattern, catalogue.indexOf(detector) + 1);
}
