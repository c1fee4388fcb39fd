// no-generic-secret's YAML prefilter (meta.prefilter.yaml): YAML whose secret-like keys hold no
// value the rule could report is not parsed; every file the rule reports in still passes it,
// whatever YAML syntax carries the pair.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { yamlAssignments } from "../src/shared/assignments.js";
import { isSecretName } from "../src/shared/secret-names.js";
import { looksLikePasswordValue, looksLikeSecretValue } from "../src/shared/secret-values.js";
import { yamlCouldHoldSecret } from "../src/shared/yaml-prefilter.js";
import { lintFiles } from "./helpers/lint.js";
import { fakeToken } from "./helpers/sample.js";

const token = fakeToken("", 24, 23);
const rules = { "no-generic-secret": undefined };

// Each file pairs a secret-named key with a credential in a way a line-by-line reading could miss.
const reported: Record<string, string> = {
  "plain on the key's line": `db:\n  password: ${token}\n`,
  "double quotes": `apiToken: "${token}"\n`,
  "single quotes with a doubled quote": `client_secret: 'a''${token}'\n`,
  "an anchor and a tag before the value": `signing_secret: &s !!str ${token}\n`,
  "a plain scalar on the next line, after a comment": `api_key:\n  # rotated monthly\n  ${token}\n`,
  "a quoted scalar on the next line": `api_key:\n  "${token}"\n`,
  "a block scalar with strip chomping": `api_key: |-\n  ${token}\n`,
  "a flow mapping": `smtp: {user: alerts, password: ${token}, port: 587}\n`,
  "a JSON-like flow mapping over lines": `{\n  "name": "svc",\n  "secretKey":"${token}"\n}\n`,
  "a quoted key with blanks": `"db password" : ${token}\n`,
  "an escape in the key": `"api\\x5fkey": ${token}\n`,
  "an explicit key": `? api_key\n: ${token}\n`,
  "a sequence item's map": `users:\n  - name: ci\n    token: ${token}\n`,
  "CRLF line breaks": `name: svc\r\napi_key:\r\n  ${token}\r\nport: 1\r\n`,
  "a public prefix": `NEXT_PUBLIC_API_SECRET: ${token}\n`,
  "a bare auth blob": `auth: ${btoa("deploy:Wq7-Zp2xKm")}\n`,
};

describe("no-generic-secret yaml prefilter", () => {
  for (const [how, text] of Object.entries(reported)) {
    it(`keeps a credential given by ${how}`, async () => {
      const findings = await lintFiles({ files: { "config/app.yaml": text }, rules });
      expect(findings.map((f) => f.ruleId)).toEqual(["secrets/no-generic-secret"]);
      expect(yamlCouldHoldSecret(text)).toBe(true);
    });
  }

  it("reads a quoted key at the very start of the file and ends", () => {
    expect(yamlCouldHoldSecret('"keyId": Wq7-Zp2xKm\n')).toBe(false);
    expect(yamlCouldHoldSecret(`"apiKey": ${token}\n`)).toBe(true);
  });

  it("follows the rule's minLength and minEntropy options", async () => {
    const text = "api_key: q7Zp\n";
    expect(yamlCouldHoldSecret(text)).toBe(false);
    expect(yamlCouldHoldSecret(text, { minLength: 4, minEntropy: 2 })).toBe(true);
    const findings = await lintFiles({
      files: { "config/app.yaml": text },
      rules: { "no-generic-secret": { minLength: 4, minEntropy: 2 } },
    });
    expect(findings.map((f) => f.ruleId)).toEqual(["secrets/no-generic-secret"]);
  });

  it("does not parse an OpenAPI schema whose secret-like keys hold types, references and prose", async () => {
    const schema = [
      "components:",
      "  securitySchemes:",
      "    apiKey:",
      "      type: apiKey",
      "      in: header",
      "      name: X-API-Key",
      "  schemas:",
      "    Token:",
      "      properties:",
      "        token:",
      "          type: string",
      "          description: The token shown once, at creation.",
      "        tokenId: { $ref: '#/components/schemas/TokenId' }",
      "        secretKey:",
      "          - $ref: '#/components/schemas/SecretKey'",
      "        password: *pw",
      "        passwordHint: Wq7-Zp2xKm",
      // A syntax error shows whether the file was parsed: a parsed file reports it.
      "broken: [unclosed",
    ].join("\n");
    expect(yamlCouldHoldSecret(schema)).toBe(false);
    expect(await lintFiles({ files: { "api/openapi.yaml": schema }, rules })).toEqual([]);
    const withSecret = schema.replace("description: The token shown once, at creation.", `example: ${token}`);
    expect(yamlCouldHoldSecret(withSecret)).toBe(false);
    const keyed = schema.replace("passwordHint: Wq7-Zp2xKm", `signingKey: ${token}`);
    expect(yamlCouldHoldSecret(keyed)).toBe(true);
    const findings = await lintFiles({ files: { "api/openapi.yaml": keyed }, rules });
    expect(findings.map((f) => f.ruleId)).toEqual(["deploylint/parse-error"]);
  });

  it("keeps every YAML and JSON file of this repository in which the rule could judge a pair", () => {
    const root = join(import.meta.dirname, "../../..");
    let judged = 0;
    for (const path of yamlAndJsonFiles(root)) {
      const text = readFileSync(path, "utf8");
      const documents = parseAllDocuments(text, { merge: true, prettyErrors: false, uniqueKeys: false });
      if (!Array.isArray(documents)) continue;
      for (const gate of [{}, { minLength: 1, minEntropy: 0 }]) {
        const judgeable = yamlAssignments(documents).filter(
          (a) => isSecretName(a.name) && (looksLikePasswordValue(a.value) || looksLikeSecretValue(a.value, gate)),
        );
        if (judgeable.length === 0) continue;
        judged++;
        expect({ file: relative(root, path), kept: yamlCouldHoldSecret(text, gate) }).toEqual({
          file: relative(root, path),
          kept: true,
        });
      }
    }
    // The repository's own fixtures hold such pairs: the check above is not vacuous.
    expect(judged).toBeGreaterThan(10);
  });
});

function* yamlAndJsonFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === ".git" || name === "dist" || name === "bundle") continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) yield* yamlAndJsonFiles(path);
    else if (/\.(?:ya?ml|json)$/.test(name) && stat.size < 1_000_000) yield path;
  }
}
