// no-generic-secret's JSON prefilter: a JSON file is parsed only when some pair has a secret-named
// key and a string value that could be a credential; every JSON finding of the rule still passes.
import { describe, expect, it } from "vitest";
import { scansOf } from "../../../test/support/regexp-work.js";
import { jsonCouldHoldSecret } from "../src/shared/json-prefilter.js";
import { lintFiles } from "./helpers/lint.js";
import { fakeToken } from "./helpers/sample.js";

const token = fakeToken("", 28, 41);
const rules = { "no-generic-secret": undefined };
// A missing comma: a parsed file reports it, so the finding shows whether the file was parsed.
const broken = '\n{"a": 1 "b": 2}\n';

describe("no-generic-secret JSON prefilter", () => {
  it("does not parse a translation catalogue whose password keys hold prose", async () => {
    const catalogue = '{\n  "password": "Passwort",\n  "new-password": "Neues Passwort",\n  "token": "Zugang"\n}';
    expect(jsonCouldHoldSecret(catalogue, {}, "public/intl/messages/de-DE.json")).toBe(false);
    const files = { "public/locales/de/common.json": `${catalogue}${broken}` };
    expect(await lintFiles({ files, rules })).toEqual([]);
  });

  // Both value tests refuse a value with whitespace first: its key is never split into words.
  it("does not read the key of a pair whose value holds whitespace", () => {
    const key = "newPassword";
    const catalogue = `{"${key}": "Confirm the new password", "${key}2": "Bitte bestätigen"}`;
    expect(scansOf(key, () => jsonCouldHoldSecret(catalogue, {}, "config/labels.json"))).toBe(0);
    expect(jsonCouldHoldSecret(catalogue, {}, "config/labels.json")).toBe(false);
    // The same key with a value that could be a password is read, and the file passes.
    expect(jsonCouldHoldSecret(`{"${key}": "Vr7#kq!Lm2zp"}`, {}, "config/labels.json")).toBe(true);
  });

  it("does not parse JSON whose secret-named keys hold no string or a setting", async () => {
    const schema =
      '{"properties": {"apiKey": {"type": "string"}, "tokenUrl": "https://example.com/oauth/token", "secret": true}}';
    expect(jsonCouldHoldSecret(schema)).toBe(false);
    expect(await lintFiles({ files: { "schemas/client.json": `${schema}${broken}` }, rules })).toEqual([]);
  });

  it("parses and reports a config's chosen password and a generated key, keys escaped or not", async () => {
    const config = `{\n  "db": { "password": "Vr7#kq!Lm2zp" },\n  "api\\u004bey": "${token}"\n}\n`;
    expect(jsonCouldHoldSecret(config, {}, "config/production.json")).toBe(true);
    const findings = await lintFiles({ files: { "config/production.json": config }, rules });
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([
      ["secrets/no-generic-secret", 2],
      ["secrets/no-generic-secret", 3],
    ]);
  });

  it("parses a catalogue's generated-looking secret, and text that does not decode as JSON", async () => {
    const catalogue = `{"apiKey": "${token}"}`;
    expect(jsonCouldHoldSecret(catalogue, {}, "public/locales/en/common.json")).toBe(true);
    // An escape JSON cannot decode: the text is let through, and the parse reports it.
    const bad = '{"password": "\\x41", "apiKey": 1}';
    expect(jsonCouldHoldSecret(bad)).toBe(true);
    const findings = await lintFiles({ files: { "config/bad.json": bad }, rules });
    expect(findings.map((f) => f.ruleId)).toEqual(["deploylint/parse-error"]);
  });
});
