// secrets/no-generic-secret on the kinds of code real applications hold: translations, identifier
// constants, route maps, Go expressions, typed and spelled-out stand-ins, JWT fixtures, test users'
// passwords. Extracts written for these tests; each class has a real-looking credential beside it.
import { RuleTester } from "@deploylint/rule-tester";
import { describe, expect, it } from "vitest";
import pack from "../src/index.js";
import { isHumanText, isIdentifierLike, isOrderedSequence, spellsCredentialWord } from "../src/shared/human-values.js";
import { at, lintFiles } from "./helpers/lint.js";
import { fakeToken } from "./helpers/sample.js";

const token = fakeToken("", 32, 41);
const password = "Tr0ub4dor&3-prod-9Qz";

const localeJson = `{\n  "api_key": "${token}",\n  "password": "Contraseña",\n  "secret_key": "Clave-secreta"\n}\n`;
const localeTs = [
  "export const translation = {",
  "  password: 'Lösenord',",
  "  application_secret: 'App-Geheimnis',",
  "  created_password: 'Palavra-passe:',",
  "  private_key: 'OIDCプライベートキー',",
  `  signing_key: '${token}',`,
  "};",
  "",
].join("\n");
const constants = [
  "export const storageKey = 'i18nextLogtoUiLng';",
  "export const deviceFlowXsrfCookieKey = '_logto_device_flow_xsrf';",
  "export const importApiKeys = { apikey: 'apikeys:import' };",
  "export const operationIds = {",
  "  'patch /users/:userId/personal-access-tokens': 'UpdatePersonalAccessTokenByName',",
  "  'PATCH /users/:userId/password': 'User.Data.Updated',",
  "};",
  `export const sessionCookieKey = '${token}';`,
  "",
].join("\n");
const standIns = [
  "export const mockConfig = {",
  "  apikey: 'a123b456c789d0',",
  "  accessKeySecret: 'accessKeySecret+cltHAJ',",
  "  passwordOrApiKey: 'smsbao-api-key-or-md5-password',",
  "};",
  "const seedPassword = 'l0gt0_T3st_P@ssw0rd';",
  "const ownerPassword = 'OwnerPassword123!';",
  // A provider-style prefix names the credential, but the random rest keeps it a finding.
  `const integrationSecret = 'secret_${token}';`,
  "",
].join("\n");
const go = [
  "func authenticate(r *http.Request, cfg *Config) {",
  '\treqToken := r.Header.Get("Authorization")',
  "\toauth := Config{",
  "\t\tClientSecret: cfg.ClientSecret,",
  '\t\tToken: fmt.Sprintf("token-%d", id),',
  "\t}",
  `\tfallbackToken := "${token}"`,
  "}",
  "",
].join("\n");
const seedGo = `var users = []seed{\n\t{\n\t\temail:    "owner@example.com",\n\t\tpassword: "OwnerPassword123!",\n\t},\n}\n`;
// Unsigned (alg "none") and fake-signed JWTs: the JWT detector decodes them and reports neither.
const unsignedJwt = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.";
const fakeSignedJwt =
  "eyJhbGciOiJFUzI1NiIsImtpZCI6IlEzM09oZyJ9.eyJhdWQiOiJodHRwczovL2FwcC5sb2NhbCIsInN1YiI6InRlbmFudCJ9.abcdefg";
const jwtFixture = `const response = {\n  id_token: '${unsignedJwt}',\n  access_token: '${fakeSignedJwt}',\n};\n`;
const envWithSpelledPassword = "DB_PASSWORD=OwnerPassword123!\n";

/** The extract without its line holding the real-looking credential: what must stay silent. */
function quiet(text: string): string {
  return text
    .split("\n")
    .filter((line) => !line.includes(token))
    .join("\n");
}

const tester = new RuleTester({ pack });

tester.run("no-generic-secret", {
  valid: [
    {
      name: "translation values in a JSON locale file",
      filename: "public/locales/es/common.json",
      code: quiet(localeJson),
    },
    { name: "translation values in a TS module", filename: "src/locales/de/translation.ts", code: quiet(localeTs) },
    { name: "identifier constants, cookie names and route maps", filename: "src/consts.ts", code: quiet(constants) },
    { name: "typed and spelled-out stand-ins in a mock", filename: "src/connectors/mock.ts", code: quiet(standIns) },
    { name: "Go expressions after := and in struct literals", filename: "pkg/auth/handler.go", code: quiet(go) },
    { name: "a seed user's spelled-out password in Go", filename: "cmd/seed/seed-cypress.go", code: seedGo },
    { name: "JWT fixtures the JWT detector does not report", filename: "src/connector.ts", code: jwtFixture },
    {
      name: "a test user's password in a test file",
      filename: "src/routes/account.test.ts",
      code: "const password = '?sy8Q3z3_G';\nconst encryptedPassword = 'c465f66c6ac481a7a17e9ed5b4e2e7e7';\n",
    },
  ],
  invalid: [
    {
      name: "a credential in a locale file is still found",
      filename: "public/locales/es/common.json",
      code: localeJson,
      errors: [{ messageId: "generic", ...at(localeJson, `"${token}`) }],
    },
    {
      name: "a credential in a TS translation module is still found",
      filename: "packages/phrases/src/locales/de/translation.ts",
      code: localeTs,
      errors: [{ messageId: "generic", ...at(localeTs, `'${token}`) }],
    },
    {
      name: "a random cookie key beside identifier constants is still found",
      filename: "src/consts.ts",
      code: constants,
      errors: [{ messageId: "generic", ...at(constants, `'${token}`) }],
    },
    {
      name: "a prefixed random secret beside spelled-out stand-ins is still found",
      filename: "src/connectors/mock.ts",
      code: standIns,
      errors: [{ messageId: "generic", ...at(standIns, "'secret_") }],
    },
    {
      name: "a quoted credential in Go is still found",
      filename: "pkg/auth/handler.go",
      code: go,
      errors: [{ messageId: "generic", ...at(go, token) }],
    },
    {
      name: "a spelled-out password in a config file is the password itself",
      filename: "deploy/.env.production",
      code: envWithSpelledPassword,
      errors: [{ messageId: "generic", ...at(envWithSpelledPassword, "OwnerPassword123!") }],
    },
    {
      name: "a test password is reported when testPasswordSeverity asks for it",
      filename: "src/routes/account.test.ts",
      code: `const password = '${password}';\n`,
      options: { testPasswordSeverity: "warn" },
      errors: [{ messageId: "generic", line: 1, column: 18 }],
    },
  ],
});

describe("secrets/no-generic-secret in test files", () => {
  it("drops test passwords but keeps other credentials in test files at warn", async () => {
    const findings = await lintFiles({
      files: {
        "src/routes/account.test.ts": `const password = '${password}';\nconst apiToken = '${token}';\n`,
      },
      rules: { "no-generic-secret": undefined },
    });
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[2, "warn"]]);
  });
});

describe("human-value gates do not take random credentials for words", () => {
  const alphabets = {
    base62: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    hex: "0123456789abcdef",
    lowerAlphanumeric: "abcdefghijklmnopqrstuvwxyz0123456789",
    password: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*-_",
  };
  for (const [name, alphabet] of Object.entries(alphabets)) {
    it(`none of 2000 random ${name} tokens of 24 characters`, () => {
      const taken = Array.from({ length: 2000 }, (_, seed) => fakeToken("", 24, 1000 + seed, alphabet)).filter(
        (value) =>
          isHumanText(value) || isIdentifierLike(value) || isOrderedSequence(value) || spellsCredentialWord(value),
      );
      expect(taken).toEqual([]);
    });
  }
});
