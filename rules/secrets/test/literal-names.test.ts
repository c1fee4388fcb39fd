// no-generic-secret's script prefilter asks of a credential-shaped literal that the name the rule
// would judge it by could be a secret name (couldBeNamedSecret): scripts whose such literals are all
// named otherwise are not parsed, and every literal the rule reports still passes.
import { describe, expect, it } from "vitest";
import { couldBeNamedSecret } from "../src/shared/literal-names.js";
import {
  couldHoldSecret,
  hasCandidateLiteral,
  inValuePosition,
  nearSecretWord,
  scriptCouldHoldSecret,
} from "../src/shared/prefilter.js";
import { lintFiles } from "./helpers/lint.js";
import { fakeToken } from "./helpers/sample.js";

const token = fakeToken("", 24, 29);
const rules = { "no-generic-secret": undefined };

// What the gate asked before names were read: a secret-like word near a credential-shaped literal
// in a value's position (scriptCouldHoldSecret without couldBeNamedSecret passes all of these).
const otherwiseNamed = {
  "a property named otherwise near a token": `const apiToken = await issue();\nexpect(body).toEqual({ requestId: '${token}' });\n`,
  "a typed constant whose type is no name": `const logKey: LogKey = '${token}';\n`,
  "a prefix constant": `const secret = read();\nexport const trustedDeviceCookiePrefix = '${token}';\n`,
  "a later argument of a call that is no login": `const auth = setup();\nrecord('auth', '${token}');\n`,
  "a login word that is not called": `const keys = ['Interaction.SignIn.Submit',\n  '${token}'];\n`,
  "a JSX attribute": `<TokenView path="${token}" />\n`,
  "a comparison": `const token = read();\nif (token === '${token}') stop();\n`,
  "a compound assignment": `let secret = '';\nsecret += '${token}';\n`,
  "a quoted key named otherwise": `const apiKeys = {\n  'ExchangeTokenBy.Code': '${token}',\n};\n`,
};

// Literals the rule reports, written every way the name can stand before them.
const secretNamed = {
  "a typed constant": `const apiKey: ApiKey = '${token}';\n`,
  "a quoted key": `const headers = { 'x-api-key': '${token}' };\n`,
  "a computed string key": `const headers = { ['x-api-key']: '${token}' };\n`,
  "a member assigned by string": `headers['client_secret'] = '${token}';\n`,
  "a private field": `class A {\n  #secret = '${token}';\n  reset() { this.#secret = '${token}'; }\n}\n`,
  "a class field with modifiers": `class A {\n  private readonly signingKey: string = '${token}';\n}\n`,
  "a default in a destructuring": `const { clientSecret = '${token}' } = options;\n`,
  "a parameter default": `function connectTo(host, password = '${token}') {}\n`,
  "a value on the next line": `export const clientSecret =\n  '${token}';\n`,
  "a key and its value on two lines": `const config = {\n  clientSecret:\n    '${token}',\n};\n`,
  "a comment between key and value": `const config = { clientSecret: /* prod */ '${token}' };\n`,
  "a login call's password": `await client.login('ops', '${token}');\n`,
  "an optional login call": `await client.login?.('ops', '${token}');\n`,
  "a login call by string member": `await client['login']('ops', '${token}');\n`,
  "a template literal": `const apiToken = \`${token}\`;\n`,
  "a name after a string closing one begun on an earlier line": `const s = \`a\nb\`; const apiToken = '${token}';\n`,
};

describe("couldBeNamedSecret", () => {
  it("drops literals near a secret-like word that the rule would judge by another name", async () => {
    for (const [what, text] of Object.entries(otherwiseNamed)) {
      // The gate before names were read let each through…
      const quote = text.indexOf(token) - 1;
      expect(couldHoldSecret(text) && hasCandidateLiteral(text), what).toBe(true);
      expect(inValuePosition(text, quote) && nearSecretWord(text, quote), what).toBe(true);
      // …and now does not.
      expect(scriptCouldHoldSecret(text, undefined), what).toBe(false);
      expect(await lintFiles({ files: { "src/a.tsx": text }, rules }), what).toEqual([]);
    }
  });

  it("keeps every literal the rule reports by a secret name or a login call, and the rule reports it", async () => {
    for (const [what, text] of Object.entries(secretNamed)) {
      expect(scriptCouldHoldSecret(text, undefined), what).toBe(true);
      const findings = await lintFiles({ files: { "src/a.ts": text }, rules });
      expect(findings.length, what).toBeGreaterThan(0);
      expect(
        findings.every((f) => f.ruleId === "secrets/no-generic-secret"),
        what,
      ).toBe(true);
    }
  });

  it("answers yes where the text cannot tell: a line comment before the value, a block comment before a colon", () => {
    const at = (text: string) => couldBeNamedSecret(text, text.lastIndexOf("'"), 0);
    expect(at("const x = // the production one\n  '")).toBe(true);
    expect(at("const x = { requestId /* or the secret */: '")).toBe(true);
    // An assignment continued from an earlier line (`} = '…'` after a multi-line type).
    expect(at("const x: {\n  a: string;\n} = '")).toBe(true);
    expect(at("const x: Brand<string>= '")).toBe(true);
    // A computed name is no name the rule reads.
    expect(at("const x = { [field]: '")).toBe(false);
  });
});
