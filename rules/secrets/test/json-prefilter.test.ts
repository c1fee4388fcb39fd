// no-generic-secret's JSON prefilter: a JSON file is parsed only when some pair has a secret-named
// key and a string value that could be a credential; every JSON finding of the rule still passes.
import { describe, expect, it } from "vitest";
import { scansOf } from "../../../test/support/regexp-work.js";
import { isTranslationFile } from "../src/shared/human-values.js";
import { jsonAssignments } from "../src/shared/json-entries.js";
import { jsonCouldHoldSecret } from "../src/shared/json-prefilter.js";
import { isSecretName } from "../src/shared/secret-names.js";
import { looksLikePasswordValue, looksLikeSecretValue, type ValueGate } from "../src/shared/secret-values.js";
import { NAME_WORDS } from "../src/shared/secret-words.js";
import { lintFiles } from "./helpers/lint.js";
import { fakeToken, prng } from "./helpers/sample.js";

/** The prefilter as it was before it read the keyword pass: every pair's strings, then the tests. */
function referenceCouldHoldSecret(text: string, gate: ValueGate = {}, path = ""): boolean {
  const chosen = isTranslationFile(path) ? () => false : looksLikePasswordValue;
  try {
    return jsonAssignments(text).some(
      (pair) =>
        !/\s/.test(pair.value) &&
        isSecretName(pair.name) &&
        (chosen(pair.value) || looksLikeSecretValue(pair.value, gate)),
    );
  } catch {
    return true;
  }
}

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

  // A key without a NAME word (pass, pwd, secret, token, cred, key, salt, pat, auth) names no
  // secret: its pair is settled by the keyword pass, its value never taken out and tested.
  it("does not read the value of a pair whose key holds no secret-like word", () => {
    const value = "Vr7#kq!Lm2zp";
    const catalogue = `{"title": "${value}", "nested": {"label": "${value}"}}`;
    expect(scansOf(value, () => jsonCouldHoldSecret(catalogue, {}, "config/labels.json"))).toBe(0);
    expect(jsonCouldHoldSecret(catalogue, {}, "config/labels.json")).toBe(false);
    // The reference read it (its whitespace test runs on every value).
    expect(scansOf(value, () => referenceCouldHoldSecret(catalogue, {}, "config/labels.json"))).toBe(2);
    // Spelled with an escape, the key is decoded and read: "p\u0061ss" is "pass".
    expect(jsonCouldHoldSecret(`{"db_p\\u0061ss": "${value}"}`, {}, "config/db.json")).toBe(true);
  });

  it("answers as the reference does on generated JSON with escaped, secret-named and plain keys", () => {
    const random = prng(17);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    const keys = [
      ...NAME_WORDS,
      "PASSWORD",
      "dbPassword",
      "api_key",
      "API-KEY",
      "showPassword",
      "passwordHint",
      "author",
      "title",
      "path",
      "keyboard",
      "pa\\u0073s",
      "s\\u0065cret",
      'to\\"ken',
      "k\\x65y",
      "sAlT",
      "x_pat",
      "tokens",
      "",
    ];
    const values = [
      fakeToken("", 28, 3),
      "Vr7#kq!Lm2zp",
      "Your password",
      "changeme",
      "true",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a reference as a config file writes it.
      "${DB_PASSWORD}",
      "Passwort",
      "a\\u0020b",
      "bad\\q",
      "x",
      fakeToken("", 40, 9, "0123456789abcdef"),
    ];
    const paths = ["config/app.json", "public/locales/de/common.json", ""];
    const gates: ValueGate[] = [{}, { minLength: 4, minEntropy: 1 }];
    let accepted = 0;
    for (let n = 0; n < 600; n++) {
      const pairs = Array.from({ length: 1 + Math.floor(random() * 5) }, () => {
        const value = random() < 0.2 ? String(Math.floor(random() * 100)) : `"${pick(values)}"`;
        return `${random() < 0.3 ? "\n  " : ""}"${pick(keys)}"${pick(["", " ", "\n"])}:${pick(["", " "])}${value}`;
      });
      const text =
        random() < 0.5 ? `{${pairs.join(", ")}}` : `[{${pairs.join(",")}}, {"x": {${pairs.reverse().join(",")}}}]`;
      const gate = pick(gates);
      const path = pick(paths);
      const expected = referenceCouldHoldSecret(text, gate, path);
      if (expected) accepted++;
      expect([text, jsonCouldHoldSecret(text, gate, path)]).toEqual([text, expected]);
    }
    // Both answers were met often.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(500);
  });
});
