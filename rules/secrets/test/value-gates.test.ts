// Tests of how the secrets pack judges values: a password in a config or data file is whatever a
// person chose (no entropy gate), code keeps the strict gate, references and identifiers are not
// passwords; provider detectors keep to their syntax (a comma is not an assignment), and JWTs only
// a local development server accepts are not credentials.
import { describe, expect, it } from "vitest";
import { catalogueScanner } from "../src/detectors/scan.js";
import { isTranslationFile } from "../src/shared/human-values.js";
import { looksLikePasswordValue, looksLikeSecretValue } from "../src/shared/secret-values.js";
import { severityForPath } from "../src/shared/test-paths.js";
import { pem, pemBody } from "./helpers/fake-keys.js";
import { lintFiles } from "./helpers/lint.js";
import { fakeToken } from "./helpers/sample.js";
import { fakeJwt } from "./helpers/samples.js";

describe("passwords in config and data files", () => {
  it.each(["sunshine99", "Kitten-4ever", "correcthorse", "OwnerPassword123!", "8491Zz"])(
    "%s is a password",
    (value) => {
      expect(looksLikePasswordValue(value)).toBe(true);
    },
  );

  it.each([
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a ${VAR} reference written in config, not a JS template.
    "${DB_PASSWORD}",
    "{DB_PASSWORD}",
    "%DB_PASSWORD%",
    "<db-password>",
    "true",
    "disabled",
    "123456789",
    "DB_PASSWORD",
    "db.password",
    "passwordResetToken",
    "mysql_native_password",
    "changeme",
    "p0stgr3s",
    "xxxxxxxx",
    "abc12",
    "Mot de passe",
    "Contraseña",
    "/run/secrets/db_password",
  ])("%s is not", (value) => {
    expect(looksLikePasswordValue(value)).toBe(false);
  });

  it("reports a low-entropy password in YAML, JSON, INI and dotenv, but not the same literal in code", async () => {
    const files = {
      "config/db.yaml": "database:\n  password: sunshine99\n",
      "config/app.json": '{ "smtp_password": "Kitten-4ever" }\n',
      "conf/app.ini": "[db]\npasswd = correcthorse\n",
      "deploy/app.env": "DB_PASS=sunshine99\n",
      "src/db.ts": 'export const password = "sunshine99";\n',
    };
    const findings = await lintFiles({ files, rules: { "no-generic-secret": undefined } });
    expect(findings.map((f) => `${f.file}:${f.line}`).sort()).toEqual([
      "conf/app.ini:2",
      "config/app.json:1",
      "config/db.yaml:2",
      "deploy/app.env:1",
    ]);
  });

  it("leaves translation catalogues to the strict gate (`Wachtwoord` is Dutch for password)", async () => {
    expect(isTranslationFile("public/locales/nl/common.json")).toBe(true);
    expect(isTranslationFile("src/i18n/de.json")).toBe(true);
    expect(isTranslationFile("config/db.json")).toBe(false);
    expect(isTranslationFile("src/db.ts")).toBe(false);
    const files = { "lang/nl.json": '{ "password": "Wachtwoord", "confirm_password": "Herhaal1" }\n' };
    expect(await lintFiles({ files, rules: { "no-generic-secret": undefined } })).toEqual([]);
  });
});

describe("provider detectors", () => {
  it("do not read the next import of a comma list as a value (logto's aliyun connector)", () => {
    const line = "import { aliyunSmsMasConfigGuard, sendSmsVerifyCodeResponseGuard } from './types.js';\n";
    expect(catalogueScanner().scan(line, { path: "src/index.ts" })).toEqual([]);
  });

  it("still read a quoted argument after a comma (PHP define)", () => {
    const line = "define('ALIYUN_ACCESS_KEY_SECRET', 'q8Zr2LmX7vKp4Wn9Tb3Yc6Hd1Gf5Js');\n";
    const found = catalogueScanner().scan(line, { path: "wp-config.php" });
    expect(found.map((m) => m.detector.id)).toEqual(["alibaba-access-key-secret"]);
  });

  it("do not report a JWT whose issuer and audience are local hosts (hatchet's auth-disabled token)", () => {
    const local = fakeJwt({ aud: "http://localhost:8888", iss: "http://localhost:8888", sub: "tenant" });
    const remote = fakeJwt({ aud: "https://api.acme-corp.io", iss: "http://localhost:8888", sub: "tenant" });
    const ids = (token: string) => catalogueScanner().scan(`${token}\n`, { path: "keyset/token.jwt" });
    expect(ids(local)).toEqual([]);
    expect(ids(remote).map((m) => m.detector.id)).toEqual(["jwt"]);
  });
});

describe("detector data follows the providers' current formats", () => {
  const ids = (text: string) =>
    catalogueScanner()
      .scan(`${text}\n`, { path: "deploy/config.txt" })
      .map((m) => (m.dummy ? `${m.detector.id} (dummy)` : m.detector.id));
  const jwtBody = fakeJwt({ iss: "github", aud: "installation", app: 123456 }).split(".");

  it.each([
    [
      "GitHub ghs_ in its stateless form (ghs_<app id>_<JWT>)",
      `GH_TOKEN=ghs_123456_${jwtBody.join(".")}`,
      "github-app-installation-token",
    ],
    ["GitHub ghs_ in its opaque form", `GH_TOKEN=${fakeToken("ghs_", 36, 41)}`, "github-app-installation-token"],
    ["an alphanumeric Shopify token", `SHOPIFY_TOKEN=${fakeToken("shpat_", 32, 42)}`, "shopify-access-token"],
    ["a Vercel personal token", `VERCEL_TOKEN=${fakeToken("vcp_", 48, 43)}`, "vercel-prefixed-token"],
    ["a Vercel API key", `key: ${fakeToken("vck_", 40, 44)}`, "vercel-prefixed-token"],
    ["a Cloudflare user token", `CLOUDFLARE_API_TOKEN=${fakeToken("cfut_", 48, 45)}`, "cloudflare-scannable-token"],
    ["a Cloudflare account token", `CF_TOKEN=${fakeToken("cfat_", 48, 46)}`, "cloudflare-scannable-token"],
    [
      "a Slack web client token",
      `token=xoxc-1234567890-1234567890-1234567890123-${fakeToken("", 64, 47, "0123456789abcdef")}`,
      "slack-client-token",
    ],
    [
      "a Slack session cookie",
      `d=xoxd-${fakeToken("", 120, 48)}%2F${fakeToken("", 60, 49)}%3D`,
      "slack-session-cookie",
    ],
    ["a Slack rotating bot token", `SLACK_BOT_TOKEN=xoxe.xoxb-1-${fakeToken("", 120, 50)}`, "slack-rotating-token"],
    [
      "a Tailscale OAuth client secret",
      `TS_OAUTH_SECRET=tskey-client-${fakeToken("", 11, 51)}-${fakeToken("", 30, 52)}`,
      "tailscale-key",
    ],
    [
      "a secp256k1 key as 0x hex beside its name",
      `DEPLOYER_PRIVATE_KEY=0x${fakeToken("", 64, 53, "0123456789abcdef")}`,
      "secp256k1-private-key",
    ],
    [
      "Hardhat's public default account key",
      "PRIVATE_KEY=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
      "secp256k1-private-key (dummy)",
    ],
  ])("%s", (_name, text, id) => {
    expect(ids(text)).toEqual([id]);
  });

  it("does not take a transaction hash without a key name for a private key", () => {
    expect(ids(`txHash: 0x${fakeToken("", 64, 54, "0123456789abcdef")}`)).toEqual([]);
  });
});

describe("PEM armour", () => {
  it("finds a private key whose armour has four dashes", async () => {
    const five = pem("RSA PRIVATE KEY", pemBody(600, 61));
    const four = five.replace(/-----/g, "----");
    const findings = await lintFiles({ files: { "keys/deploy.key": four }, rules: { "no-private-key": undefined } });
    expect(findings.map((f) => f.ruleId)).toEqual(["secrets/no-private-key"]);
  });
});

describe("code and names where a value goes", () => {
  it.each(["get_token_auth_header()", "sqlc.narg(", "@accessToken::bytea", ":password"])(
    "%s is an expression, not a credential",
    (value) => {
      expect(looksLikeSecretValue(value, { minLength: 6 })).toBe(false);
      expect(looksLikePasswordValue(value)).toBe(false);
    },
  );

  it("does not report a key whose value is its own name (logto's MauUsageWithM2MTokens)", async () => {
    const files = {
      "config/usage.yaml": "MauUsageWithM2MTokens: mauUsageWithM2MTokens\nsessionToken: mauUsageWithM2MTokens\n",
    };
    const findings = await lintFiles({ files, rules: { "no-generic-secret": undefined } });
    expect(findings.map((f) => f.line)).toEqual([2]);
  });
});

describe("test paths", () => {
  it.each(["src/mock.ts", "src/api.mock.ts", "src/mocks/keys.ts", "apps/web/e2e/login.ts", "cypress/support/users.js"])(
    "%s is a test path (findings lowered, test passwords off)",
    (path) => {
      expect(severityForPath(path, undefined)).toBe("warn");
    },
  );

  it("keeps ordinary source paths", () => {
    expect(severityForPath("src/mockingbird.ts", undefined)).toBeUndefined();
    expect(severityForPath("src/db.ts", undefined)).toBeUndefined();
  });
});
