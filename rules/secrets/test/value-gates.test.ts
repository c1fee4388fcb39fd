// Tests of how the secrets pack judges values: a password in a config or data file is whatever a
// person chose (no entropy gate), code keeps the strict gate, references and identifiers are not
// passwords; provider detectors keep to their syntax (a comma is not an assignment), and JWTs only
// a local development server accepts are not credentials.
import { describe, expect, it } from "vitest";
import { catalogueScanner } from "../src/detectors/scan.js";
import { isTranslationFile } from "../src/shared/human-values.js";
import { looksLikePasswordValue } from "../src/shared/secret-values.js";
import { lintFiles } from "./helpers/lint.js";
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
