// no-generic-secret's script prefilter (meta.prefilter): scripts whose only long literals are module
// names, identifiers or prose are not parsed; every script the rule reports still passes it.
import { describe, expect, it, vi } from "vitest";
import { scansOf } from "../../../test/support/regexp-work.js";
import { mayHaveInlineSites } from "../src/ci/sites.js";
import { KeywordMatcher } from "../src/detectors/keywords.js";
import {
  hasCandidateLiteral,
  inValuePosition,
  nearSecretWord,
  scriptCouldHoldSecret,
  secretWordEnds,
} from "../src/shared/prefilter.js";
import { lintFiles } from "./helpers/lint.js";
import { fakeToken, prng } from "./helpers/sample.js";

const token = fakeToken("", 24, 17);

describe("no-generic-secret script prefilter", () => {
  it("lets no script through whose long literals are module names, identifiers, paths or prose", () => {
    const imports = [
      "import { createMockUtils } from '@logto/shared/esm';",
      'import type { Token } from "@silverhand/essentials";',
      "import '#src/env-set/index.js';",
      "const kit = await import('@logto/connector-kit');",
      "const { key } = require('@logto/core-kit');",
      "const tokenKey = 'i18nextLogtoUiLng';",
      "const password = 'PASSWORD_RESET_SALT';",
      "const label = 'Reset your password';",
      "const path = './secrets/token.json';",
    ].join("\n");
    expect(scriptCouldHoldSecret(imports, undefined)).toBe(false);
  });

  it("lets a credential-shaped literal through in any quote, even after another literal on the line", () => {
    for (const quote of ["'", '"', "`"]) {
      expect(hasCandidateLiteral(`const apiToken = ${quote}${token}${quote};`)).toBe(true);
      expect(hasCandidateLiteral(`const apiToken = 'a'+${quote}${token}${quote};`)).toBe(true);
    }
    // A value exported from a module named like a credential is still a value, not a module name.
    expect(hasCandidateLiteral(`export const apiToken = "${token}"; // from "@x/y"`)).toBe(true);
  });

  it("lets a literal with escapes through when its raw text is long enough, whatever it decodes to", () => {
    expect(hasCandidateLiteral(String.raw`const secret = "\x41\x42\x43\x44";`)).toBe(true);
    expect(hasCandidateLiteral(String.raw`const secret = "\n";`)).toBe(false);
  });

  it("follows the rule's minLength and minEntropy options", () => {
    const short = "const secret = 'q7Zp2x';";
    expect(hasCandidateLiteral(short)).toBe(false);
    expect(scriptCouldHoldSecret(short, { minLength: 6, minEntropy: 2 })).toBe(true);
  });

  it("asks the credential-shaped literal itself to have a secret-like word just before it", () => {
    // A word near a short literal and a generated-looking id far from any word: nothing the rule reports.
    const far = `const tokenKind = 'bearer-token';\n\n\nexport const requestId = '${token}';\n`;
    expect(hasCandidateLiteral(far)).toBe(true);
    expect(scriptCouldHoldSecret(far, undefined)).toBe(false);
    // The same literal named on its own line, or on the line before, is let through.
    expect(
      scriptCouldHoldSecret(`const tokenKind = 'bearer-token';\nexport const apiToken = '${token}';\n`, undefined),
    ).toBe(true);
    expect(scriptCouldHoldSecret(`export const clientSecret =\n  '${token}';\n`, undefined)).toBe(true);
  });

  it("counts the names the rule reports that the file test lacks: pat, signin(, mysqli(", () => {
    const at = (line: string) => line.length;
    expect(nearSecretWord("const githubPat = '", at("const githubPat = "))).toBe(true);
    expect(nearSecretWord("await client.signin('ops', '", at("await client.signin('ops', "))).toBe(true);
    expect(nearSecretWord("mysqli('db', 'root', '", at("mysqli('db', 'root', "))).toBe(true);
    expect(nearSecretWord("const pattern = '", at("const pattern = "))).toBe(false);
    // Two stretches of 200 characters at most, as NEAR_LITERAL allows.
    expect(nearSecretWord(`const password = ${" ".repeat(201)}'`, at(`const password = ${" ".repeat(201)}`))).toBe(
      false,
    );
  });

  // The words are found once per text and each literal looks up the nearest: the same answer as
  // searching the 408 characters before the literal with one expression (the previous way, kept
  // here as the reference), on texts built to put words, line breaks and quotes at every distance.
  it("answers as a search of the text before the literal does", () => {
    const before =
      /(?:pass|secret|token|key|cred|salt|pwd|auth|login|logon|connect|bind|pat(?![a-z])|sign_?in|mysqli)[^\n]{0,200}(?:\n[^\n]{0,200})?$/i;
    const reference = (text: string, quote: number) => before.test(text.slice(Math.max(0, quote - 408), quote));
    const random = prng(17);
    const pieces = [
      "pat",
      "Path",
      "PAT",
      "sign_in",
      "SignIn",
      "key",
      "mysqli",
      "connect",
      "x",
      " ",
      "\n",
      "\r\n",
      "'",
      "=",
    ];
    let compared = 0;
    for (let round = 0; round < 1500; round++) {
      let text = "";
      while (text.length < 900) {
        const piece = pieces[Math.floor(random() * pieces.length)] ?? "";
        // Runs of filler put words and breaks at distances around the 200-character limits.
        text += random() < 0.3 ? " ".repeat(Math.floor(random() * 230)) : piece;
      }
      const ends = secretWordEnds(text);
      // At every quote: what follows a word that ends at the quote is the quote, never a letter.
      for (let quote = text.indexOf("'"); quote !== -1; quote = text.indexOf("'", quote + 1)) {
        expect(nearSecretWord(text, quote, ends), `${JSON.stringify(text)} at ${quote}`).toBe(reference(text, quote));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1500);
  });

  // QUOTED's lookbehind and lookahead ran at every quote of a script; its place is tested first now.
  it("reads a literal only at a quote in a value's place near a secret-like word", () => {
    const literals = Array.from({ length: 60 }, (_, i) => `const label${i} = "Zq${i}xW7vLp9mRt";`).join("\n");
    const text = `const apiKeyName = 'k';\n\n${literals}\nconst apiToken = "${token}";\n`;
    let found = false;
    const runs = scansOf(text, () => {
      found = hasCandidateLiteral(text, {}, true);
    });
    expect(found).toBe(true);
    // The two quotes after \`apiKeyName = \` and \`apiToken = \`, and the words' pass: not one run per quote.
    expect(runs).toBeLessThan(10);
  });

  // A script has many literals; the text before each one was searched again with a regular expression.
  it("finds the secret-like words of a script in one pass, whatever its number of literals", () => {
    const literals = Array.from({ length: 40 }, (_, i) => `const label${i} = "Zq${i}xW7vLp9mRt";`).join("\n");
    const passes = vi.spyOn(KeywordMatcher.prototype, "collect");
    const exec = vi.spyOn(RegExp.prototype, "exec");
    const test = vi.spyOn(RegExp.prototype, "test");
    try {
      expect(hasCandidateLiteral(`const apiKeyName = 'k';\n\n${literals}`, {}, true)).toBe(false);
      expect(passes).toHaveBeenCalledTimes(1);
      // No search of the text before a literal for the words (their list ends with the names the rule adds).
      const searches = [...exec.mock.contexts, ...test.mock.contexts].filter(
        (re) => re instanceof RegExp && re.source.includes("mysqli"),
      );
      expect(searches).toEqual([]);
    } finally {
      passes.mockRestore();
      exec.mockRestore();
      test.mockRestore();
    }
  });

  it("asks the literal to stand where the rule reads a value: after =, :, a later argument's comma, or a comment", () => {
    // Each case ends with the literal's opening quote and one character of it.
    const at = (code: string) => inValuePosition(code, code.length - 2);
    for (const value of [
      "const apiKey = 'x",
      "const apiKey: string = 'x",
      "  password: 'x",
      "client.login(user, 'x",
      "const apiKey = ('x",
      "const apiKey =\n  'x",
      "const apiKey = /* rotated */ 'x",
      "const apiKey =\n  // rotated yearly\n  'x",
      "const apiKey = // rotated yearly\n  'x",
    ])
      expect(at(value), value).toBe(true);
    for (const other of [
      "if (token.startsWith('x",
      "const hint = 'Send a refresh token with `x",
      "'x",
      "expect(secret).toEqual(\n  'x",
      "return 'x",
    ])
      expect(at(other), other).toBe(false);
  });

  it("does not parse a script whose secret-worded literals are call arguments or prose", () => {
    const call = `expect(sign(token)).toEqual('${token}');\n`;
    expect(hasCandidateLiteral(call)).toBe(true);
    expect(scriptCouldHoldSecret(call, undefined)).toBe(false);
    const prose = `const hint = 'Logto issues a refresh token whatever \`prompt=consent\` says';\n`;
    expect(scriptCouldHoldSecret(prose, undefined)).toBe(false);
  });

  it("does not parse a script whose credential-shaped literals are far from every secret-like word", async () => {
    const rules = { "no-generic-secret": undefined };
    // A syntax error shows whether the file was parsed: a parsed file reports it.
    const far = `const tokenKind = 'bearer-token';\n\n\nexport const requestId = '${token}';\nconst broken = ;\n`;
    expect(await lintFiles({ files: { "src/ids.ts": far }, rules })).toEqual([]);
    const near = far.replace("requestId", "apiToken");
    const findings = await lintFiles({ files: { "src/ids.ts": near }, rules });
    expect(findings.map((f) => f.ruleId)).toEqual(["deploylint/parse-error"]);
  });

  it("keeps the rule's findings in scripts beside module imports", async () => {
    const file = `import { sign } from '@logto/shared/esm';\nexport const signingSecret = '${token}';\n`;
    const findings = await lintFiles({ files: { "src/sign.ts": file }, rules: { "no-generic-secret": undefined } });
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([["secrets/no-generic-secret", 2]]);
    const imported = "import { sign } from '@logto/shared/esm';\nexport const signingSecret = sign;\n";
    expect(await lintFiles({ files: { "src/sign.ts": imported }, rules: { "no-generic-secret": undefined } })).toEqual(
      [],
    );
  });
});

describe("no-inline-secret-in-ci yaml prefilter", () => {
  it("does not parse YAML that is neither CI, compose nor a Kubernetes Secret (a lockfile that does not parse gives nothing)", async () => {
    const broken = "lockfileVersion: '9.0'\npackages: [unclosed\n";
    const rules = { "no-inline-secret-in-ci": undefined };
    expect(await lintFiles({ files: { "pnpm-lock.yaml": broken }, rules })).toEqual([]);
    // The same text in a workflow with a pair the rule could report is parsed, and its syntax error reported.
    const files = { ".github/workflows/ci.yml": `env:\n  API_TOKEN: ${token}\n${broken}` };
    expect((await lintFiles({ files, rules })).map((f) => f.ruleId)).toEqual(["deploylint/parse-error"]);
  });

  it("does not parse a GitHub workflow whose secret-named keys hold references and settings", async () => {
    const workflow = [
      "env:",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template.
      "  API_TOKEN: ${{ secrets.API_TOKEN }}",
      "  TOKEN_FILE: ./secrets/token.txt",
      "jobs:",
      "  deploy:",
      "    steps:",
      "      - uses: actions/checkout@v4",
      "        with:",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template.
      "          token: ${{ github.token }}",
      "          fetch-depth: 0",
      "broken: [unclosed",
    ].join("\n");
    const rules = { "no-inline-secret-in-ci": undefined, "no-shared-credentials-across-environments": undefined };
    expect(await lintFiles({ files: { ".github/workflows/deploy.yml": workflow }, rules })).toEqual([]);
    // A job with an environment is read for the credentials it shares with other environments.
    const withEnvironment = workflow.replace("    steps:", "    environment: production\n    steps:");
    const findings = await lintFiles({ files: { ".github/workflows/deploy.yml": withEnvironment }, rules });
    expect(findings.map((f) => f.ruleId)).toEqual(["deploylint/parse-error"]);
  });

  it("still reports a workflow's inline secret written as a number, judged as JavaScript prints it", async () => {
    const workflow = "env:\n  API_TOKEN: 98127346509182736450918\n";
    const findings = await lintFiles({
      files: { ".github/workflows/ci.yml": workflow },
      rules: { "no-inline-secret-in-ci": undefined },
    });
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([["secrets/no-inline-secret-in-ci", 2]]);
  });

  it("does not parse YAML that names a secret but is no Kubernetes Secret (an OpenAPI schema)", () => {
    const schema = "components:\n  schemas:\n    ClientSecret:\n      properties:\n        data: { type: string }\n";
    expect(mayHaveInlineSites(schema, "api/openapi.yaml")).toBe(false);
    // A backslash outside double quotes escapes nothing; inside them it could spell `Secret`.
    const kind = "kind: Service\ndata: {}\n";
    expect(mayHaveInlineSites(`${kind}pattern: ^\\d+$\n`, "deploy/svc.yaml")).toBe(false);
    expect(mayHaveInlineSites(`${kind}pattern: "^\\d+$"\n`, "deploy/svc.yaml")).toBe(true);
    expect(mayHaveInlineSites(`kind: Secret\n${schema}`, "api/openapi.yaml")).toBe(true);
    // Without the word `kind`, only an escaped key could be it.
    const shell = 'steps:\n  - run: |\n      echo "ok" \\\n        && grep -E "^v[0-9]\\.x"\n# Secret data\n';
    expect(mayHaveInlineSites(shell, "deploy/steps.yaml")).toBe(false);
    expect(mayHaveInlineSites('"k\\x69nd": Secret\ndata: {}\n', "deploy/steps.yaml")).toBe(true);
  });

  it("reports a Kubernetes Secret whose kind is spelled with an escape", async () => {
    const secret = `apiVersion: v1\nkind: "Sec\\x72et"\nstringData:\n  API_TOKEN: "${token}"\n`;
    const findings = await lintFiles({
      files: { "deploy/api.yaml": secret },
      rules: { "no-inline-secret-in-ci": undefined },
    });
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([["secrets/no-inline-secret-in-ci", 4]]);
  });

  it("still reports a Kubernetes Secret's inline data wherever the file lives", async () => {
    const secret = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\nstringData:\n  API_TOKEN: "${token}"\n`;
    const findings = await lintFiles({
      files: { "deploy/api.yaml": secret },
      rules: { "no-inline-secret-in-ci": undefined },
    });
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([["secrets/no-inline-secret-in-ci", 6]]);
  });
});

describe("secrets:env-secret yaml prefilter", () => {
  const rules = { "no-shared-credentials-across-environments": undefined };

  it("does not parse YAML that can hold no inline site (a lockfile that does not parse gives nothing)", async () => {
    const broken = "lockfileVersion: '9.0'\npackages: [unclosed\n";
    expect(await lintFiles({ files: { "pnpm-lock.yaml": broken }, rules })).toEqual([]);
    const compose = await lintFiles({ files: { "docker-compose.prod.yml": broken }, rules });
    expect(compose.map((f) => f.ruleId)).toEqual(["deploylint/parse-error"]);
  });

  it("still reads the credentials of compose overrides and Kubernetes Secrets", async () => {
    const compose = (name: string) => `services:\n  api:\n    environment:\n      API_SECRET: "${name}"\n`;
    const secret = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\nstringData:\n  API_TOKEN: "${token}"\n`;
    const findings = await lintFiles({
      files: {
        "docker-compose.staging.yml": compose(token),
        "docker-compose.production.yml": compose(token),
        "k8s/overlays/staging/secret.yaml": secret,
        "k8s/overlays/production/secret.yaml": secret,
      },
      rules,
    });
    expect(findings.map((f) => f.file).sort()).toEqual([
      "docker-compose.production.yml",
      "docker-compose.staging.yml",
      "k8s/overlays/production/secret.yaml",
      "k8s/overlays/staging/secret.yaml",
    ]);
  });
});
