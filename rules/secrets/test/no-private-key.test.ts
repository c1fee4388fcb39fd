// Tests of secrets/no-private-key through the real engine: every key format, in files and in
// string literals, and the mentions, public halves and placeholders that are not keys.
import { type Finding, type ResolvedConfig, runLint } from "@deploylint/core";
import { RuleTester } from "@deploylint/rule-tester";
import { describe, expect, it, vi } from "vitest";
import pack from "../src/index.js";
import { DEFAULT_TEST_FILES, globToRegExp } from "../src/shared/test-paths.js";
import { ageKey, base64, pem, pemBody, putty, randomBytes, windows, wrap } from "./helpers/fake-keys.js";
import { lintFiles } from "./helpers/lint.js";

const rsaBody = pemBody(1188, 1);
const ecBody = pemBody(117, 2, [0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20]);
const pkcs8Body = pemBody(1212, 3, [0x30, 0x82, 0x04, 0xbe, 0x02, 0x01, 0x00]);
const ed25519Pkcs8Body = pemBody(44, 4, [0x30, 0x2e, 0x02, 0x01]);
const opensshBody = pemBody(
  396,
  5,
  [0x6f, 0x70, 0x65, 0x6e, 0x73, 0x73, 0x68, 0x2d, 0x6b, 0x65, 0x79, 0x2d, 0x76, 0x31, 0x00],
);
const encryptedBody = pemBody(1250, 6, [0x30, 0x82, 0x05, 0x2e]);
const pgpBody = pemBody(900, 7, [0x95, 0x05, 0x86]);
const age = ageKey(8);

const rsa = pem("RSA PRIVATE KEY", rsaBody);
const certificate = pem("CERTIFICATE", pemBody(800, 9, [0x30, 0x82, 0x03, 0x2c]));

/** `text` as a double-quoted literal with `\n` escapes, the way a key is pasted into code or JSON. */
function escaped(text: string): string {
  return text.replace(/\n/g, "\\n");
}

const tester = new RuleTester({ pack });

tester.run("no-private-key", {
  valid: [
    { name: "public key PEM", filename: "keys/jwt.pub.pem", code: pem("PUBLIC KEY", pemBody(290, 10)) },
    { name: "RSA public key PEM", filename: "keys/rsa.pub", code: pem("RSA PUBLIC KEY", pemBody(266, 11)) },
    {
      name: "OpenSSH public key",
      filename: "deploy/authorized_keys",
      code: `ssh-ed25519 ${base64(randomBytes(51, 12))} deploy@ci\n`,
    },
    { name: "certificate", filename: "certs/tls.crt", code: certificate },
    {
      name: "header mentioned in docs",
      filename: "docs/tls.md",
      code: "Paste the key, starting with `-----BEGIN RSA PRIVATE KEY-----`, into the secret store.\n",
    },
    {
      name: "regex in code",
      filename: "src/scan.ts",
      code: "export const PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]+?-----END [A-Z ]*PRIVATE KEY-----/g;\n",
    },
    {
      name: "regex with a base64 class",
      filename: "src/scan.ts",
      code: 'const re = new RegExp("-----BEGIN PRIVATE KEY-----\\\\n[A-Za-z0-9+/=\\\\n]{64,}\\\\n-----END PRIVATE KEY-----");\n',
    },
    { name: "elided body", filename: "docs/setup.md", code: pem("RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA...\n...\n...") },
    { name: "placeholder body", filename: "README.md", code: pem("PRIVATE KEY", "<your private key here>") },
    {
      name: "template placeholder",
      filename: "src/tls.ts",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the case is source code holding a template literal.
      code: "const key = `-----BEGIN PRIVATE KEY-----\n${KEY}\n-----END PRIVATE KEY-----`;\n",
    },
    { name: "repetitive placeholder", filename: "values.yaml", code: pem("EC PRIVATE KEY", wrap("X".repeat(200), 64)) },
    {
      name: "empty body",
      filename: "a.txt",
      code: "-----BEGIN OPENSSH PRIVATE KEY----------END OPENSSH PRIVATE KEY-----\n",
    },
    { name: "header line only", filename: "a.txt", code: pem("PRIVATE KEY", "Note: store the key in Vault") },
    { name: "body too short", filename: "a.pem", code: pem("PRIVATE KEY", base64(randomBytes(30, 13))) },
    {
      name: "BEGIN without END",
      filename: "a.pem",
      code: `-----BEGIN RSA PRIVATE KEY-----\n${rsaBody}\n`,
    },
    {
      name: "mismatched END label",
      filename: "a.pem",
      code: `-----BEGIN RSA PRIVATE KEY-----\n${rsaBody}\n-----END EC PRIVATE KEY-----\n`,
    },
    {
      name: "age public key and made-up identity",
      filename: "docs/sops.md",
      code: "Recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\nIdentity: AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ\n",
    },
    {
      name: "age identity with a broken checksum",
      filename: "keys.txt",
      code: `${age.slice(0, -1)}${age.endsWith("Q") ? "P" : "Q"}\n`,
    },
    {
      name: "PuTTY key without private lines",
      filename: "docs/putty.md",
      code: "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n...\n",
    },
    {
      name: "lower-case prose",
      filename: "docs/faq.md",
      code: `-----begin rsa private key-----\n${rsaBody}\n-----end rsa private key-----\n`,
    },
  ],
  invalid: [
    {
      name: "RSA key in a .pem file",
      filename: "deploy/server.pem",
      code: rsa,
      errors: [
        { messageId: "privateKey", data: { kind: "RSA private key" }, line: 1, column: 1, endLine: 1, endColumn: 32 },
      ],
    },
    {
      name: "EC key after its parameters",
      filename: "certs/ec.key",
      code: `-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n${pem("EC PRIVATE KEY", ecBody)}`,
      errors: [{ messageId: "privateKey", data: { kind: "EC private key" }, line: 4, column: 1 }],
    },
    {
      name: "OpenSSH key",
      filename: ".ssh/id_ed25519",
      code: pem("OPENSSH PRIVATE KEY", opensshBody),
      errors: [{ messageId: "privateKey", data: { kind: "OpenSSH private key" }, line: 1, column: 1 }],
    },
    {
      name: "PKCS #8 key after the certificate chain",
      filename: "deploy/tls/bundle.pem",
      code: `${certificate}${pem("PRIVATE KEY", pkcs8Body)}`,
      errors: [
        {
          messageId: "privateKey",
          data: { kind: "PKCS #8 private key" },
          line: certificate.split("\n").length,
          column: 1,
        },
      ],
    },
    {
      name: "smallest PKCS #8 key (Ed25519)",
      filename: "jwt/ed25519.pem",
      code: pem("PRIVATE KEY", ed25519Pkcs8Body),
      errors: [{ messageId: "privateKey", data: { kind: "PKCS #8 private key" }, line: 1, column: 1 }],
    },
    {
      name: "encrypted PKCS #8 key",
      filename: "keys/signing.pem",
      code: pem("ENCRYPTED PRIVATE KEY", encryptedBody),
      errors: [{ messageId: "privateKey", data: { kind: "encrypted PKCS #8 private key" }, line: 1, column: 1 }],
    },
    {
      name: "legacy encrypted RSA key with Proc-Type headers",
      filename: "keys/legacy.key",
      code: pem(
        "RSA PRIVATE KEY",
        rsaBody,
        "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89E2D6B0A7C4C1A4B2\n\n",
      ),
      errors: [{ messageId: "privateKey", data: { kind: "RSA private key" }, line: 1, column: 1 }],
    },
    {
      name: "PGP private key block with armor headers and checksum",
      filename: "ci/signing-key.asc",
      code: pem("PGP PRIVATE KEY BLOCK", `${pgpBody}\n=8xQN`, "Version: GnuPG v2\nComment: release signing\n\n"),
      errors: [{ messageId: "privateKey", data: { kind: "PGP private key block" }, line: 1, column: 1 }],
    },
    {
      name: "PuTTY key, format 3",
      filename: "deploy/bastion.ppk",
      code: putty(3, 14),
      errors: [{ messageId: "privateKey", data: { kind: "PuTTY private key" }, line: 1, column: 1, endColumn: 35 }],
    },
    {
      name: "PuTTY key, format 2, CRLF line endings",
      filename: "deploy/legacy.ppk",
      code: putty(2, 15).replace(/\n/g, "\r\n"),
      errors: [{ messageId: "privateKey", data: { kind: "PuTTY private key" }, line: 1, column: 1 }],
    },
    {
      name: "age identity file",
      filename: "secrets/keys.txt",
      code: `# created: 2024-01-15T10:30:45Z\n# public key: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n${age}\n`,
      errors: [{ messageId: "privateKey", data: { kind: "age secret key" }, line: 3, column: 1, endColumn: 17 }],
    },
    {
      name: "RSA key in a TypeScript string literal with \\n escapes",
      filename: "src/auth/jwt.ts",
      code: `import jwt from "jsonwebtoken";\n\nconst signingKey = "${escaped(rsa)}";\n`,
      errors: [{ messageId: "privateKey", data: { kind: "RSA private key" }, line: 3, column: 21, endColumn: 52 }],
    },
    {
      name: "key in a template literal with indentation",
      filename: "src/tls.js",
      code: `export const key = \`\n  ${pem("PRIVATE KEY", pkcs8Body).trimEnd().replace(/\n/g, "\n  ")}\n\`;\n`,
      errors: [{ messageId: "privateKey", data: { kind: "PKCS #8 private key" }, line: 2, column: 3 }],
    },
    {
      name: "key concatenated line by line",
      filename: "src/sign.ts",
      code: `const key =\n${rsa
        .trimEnd()
        .split("\n")
        .map((line) => `  "${line}\\n"`)
        .join(" +\n")};\n`,
      errors: [{ messageId: "privateKey", data: { kind: "RSA private key" }, line: 2, column: 4 }],
    },
    {
      name: "key in .env with \\n escapes",
      filename: ".env",
      code: `DATABASE_URL=postgres://localhost/app\nJWT_PRIVATE_KEY="${escaped(pem("PRIVATE KEY", pkcs8Body).trimEnd())}"\n`,
      errors: [{ messageId: "privateKey", data: { kind: "PKCS #8 private key" }, line: 2, column: 18 }],
    },
    {
      name: "key in .env as a multi-line value",
      filename: ".env.production",
      code: `SSH_KEY="${pem("OPENSSH PRIVATE KEY", opensshBody).trimEnd()}"\n`,
      errors: [{ messageId: "privateKey", data: { kind: "OpenSSH private key" }, line: 1, column: 10 }],
    },
    {
      name: "key in a YAML block scalar",
      filename: "k8s/tls-secret.yaml",
      code: `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nstringData:\n  tls.key: |\n    ${pem("EC PRIVATE KEY", ecBody).trimEnd().replace(/\n/g, "\n    ")}\n`,
      errors: [{ messageId: "privateKey", data: { kind: "EC private key" }, line: 6, column: 5 }],
    },
    {
      name: "base64-encoded key in Kubernetes Secret data",
      filename: "k8s/secret.yaml",
      code: `apiVersion: v1\nkind: Secret\ndata:\n  tls.crt: ${Buffer.from(certificate).toString("base64")}\n  tls.key: ${Buffer.from(rsa).toString("base64")}\n`,
      errors: [
        {
          messageId: "privateKey",
          data: { kind: "RSA private key (base64-encoded)" },
          line: 5,
          column: 12,
          endColumn: 26,
        },
      ],
    },
    {
      name: "service-account JSON",
      filename: "deploy/gcp-sa.json",
      code: `{\n  "type": "service_account",\n  "private_key": "${escaped(pem("PRIVATE KEY", pkcs8Body))}",\n  "client_email": "deploy@project.iam.gserviceaccount.com"\n}\n`,
      errors: [{ messageId: "privateKey", data: { kind: "PKCS #8 private key" }, line: 3, column: 19 }],
    },
    {
      name: "PuTTY key in a string literal",
      filename: "scripts/tunnel.py",
      code: `PPK = "${escaped(putty(3, 16))}"\n`,
      errors: [{ messageId: "privateKey", data: { kind: "PuTTY private key" }, line: 1, column: 8 }],
    },
    {
      name: "two keys in one file",
      filename: "deploy/keys.pem",
      code: `${rsa}\n${pem("OPENSSH PRIVATE KEY", opensshBody)}`,
      errors: [
        { messageId: "privateKey", data: { kind: "RSA private key" }, line: 1, column: 1 },
        { messageId: "privateKey", data: { kind: "OpenSSH private key" }, line: rsa.split("\n").length + 1, column: 1 },
      ],
    },
  ],
});

async function lint(files: Record<string, string>): Promise<Finding[]> {
  const config: ResolvedConfig = {
    configFile: null,
    packs: [{ pack, specifier: null }],
    rules: { "secrets/no-private-key": { severity: "error", options: undefined } },
    overrides: [],
    settings: {},
    ignores: [],
    maxFileSize: Number.MAX_SAFE_INTEGER,
  };
  const result = await runLint({
    config,
    files: Object.entries(files).map(([path, text]) => ({ path, absolutePath: `/virtual/${path}`, text })),
    workers: 0,
    readText: async () => ({ ok: false, reason: "virtual files only" }),
  });
  return result.findings;
}

describe("secrets/no-private-key output", () => {
  const bodies = [rsaBody, pkcs8Body, opensshBody, ecBody, age.slice("AGE-SECRET-KEY-1".length)];
  const files = {
    "a.pem": rsa,
    "src/a.ts": `const k = "${escaped(pem("PRIVATE KEY", pkcs8Body))}";\n`,
    ".env": `K="${pem("OPENSSH PRIVATE KEY", opensshBody)}"\n`,
    "b.yaml": `key: |\n  ${pem("EC PRIVATE KEY", ecBody).trimEnd().replace(/\n/g, "\n  ")}\n`,
    "keys.txt": `${age}\n`,
  };

  it("never shows any part of a key body in a finding", async () => {
    const findings = await lint(files);
    expect(findings.map((f) => f.file).sort()).toEqual([".env", "a.pem", "b.yaml", "keys.txt", "src/a.ts"]);
    const output = JSON.stringify(findings);
    for (const body of bodies) {
      const leaked = windows(body, 6).filter((w) => output.includes(w));
      expect(leaked).toEqual([]);
    }
  });

  // A fingerprint derived from the key material would let anyone holding the key confirm it was
  // committed here: it names the rule, file, kind of key and occurrence only.
  it("gives a fingerprint that does not depend on the key material", async () => {
    const [first] = await lint({ "a.pem": rsa });
    const [second] = await lint({ "a.pem": pem("RSA PRIVATE KEY", pemBody(1188, 99)) });
    const [other] = await lint({ "a.pem": pem("EC PRIVATE KEY", ecBody) });
    expect(first?.fingerprint).toBeDefined();
    expect(first?.fingerprint).toBe(second?.fingerprint);
    expect(first?.fingerprint).not.toBe(other?.fingerprint);
  });
});

// Keys in test data: logto's Alipay connectors keep a generated signing key in `src/mock.ts`, a
// module only their tests import. Its maintainers would refute an error; the key is still noted.
describe("secrets/no-private-key in test data", () => {
  const key = escaped(pem("PRIVATE KEY", pkcs8Body).trimEnd());
  // Written for this test in the shape of logto's connector mocks, with a generated key.
  const connectorMock = `import type { Config } from './types.js';\n\nexport const mockedTimestamp = '2022-02-22 22:22:22';\n\nexport const mockedConfigWithValidPrivateKey: Config = {\n  appId: '2021000000000000',\n  signType: 'RSA2',\n  privateKey:\n    '${key}',\n};\n`;
  const levels = async (files: Record<string, string>, options?: unknown) =>
    (await lintFiles({ files, rules: { "no-private-key": options } })).map((f) => [
      f.file,
      f.severity,
      f.message.startsWith("This PKCS #8 private key is test data") || f.message.includes("is test data (a test"),
    ]);

  it("notes a key in a mock module at info, saying why", async () => {
    const findings = await lintFiles({
      files: { "packages/connectors/connector-pay/src/mock.ts": connectorMock },
      rules: { "no-private-key": undefined },
    });
    expect(findings.map((f) => [f.severity, f.line])).toEqual([["info", 9]]);
    expect(findings[0]?.message).toContain("(a test, fixture or mock file)");
  });

  it("lowers by the name the key is assigned to, outside test paths", async () => {
    expect(
      await levels({
        "src/keys.ts": `export const mockSigningKey = "${key}";\n`,
        "src/config/sandbox.ts": `export const FAKE_KEYS = {\n  signing:\n    "${key}",\n};\n`,
      }),
    ).toEqual([
      ["src/config/sandbox.ts", "info", true],
      ["src/keys.ts", "info", true],
    ]);
  });

  it("keeps an error for a key whose name is not test data, a sibling field's or a statement before", async () => {
    expect(
      await levels({
        "src/latest.ts": `export const latestKey = "${key}";\n`,
        "src/sign.ts": `const testMode = false;\nexport const signingKey = "${key}";\n`,
        "src/contest/keys.ts": `export const contestKey = "${key}";\n`,
        "src/config/alipay.ts": `export const alipay = {\n  testMode: false,\n  privateKey:\n    "${key}",\n};\n`,
      }),
    ).toEqual([
      ["src/config/alipay.ts", "error", false],
      ["src/contest/keys.ts", "error", false],
      ["src/latest.ts", "error", false],
      ["src/sign.ts", "error", false],
    ]);
  });

  it("notes key stores under test paths at info", async () => {
    expect(
      await levels({ "test/fixtures/client.p12": "\u0030\u0082binary", "deploy/client.p12": "\u0030\u0082" }),
    ).toEqual([
      ["deploy/client.p12", "error", false],
      ["test/fixtures/client.p12", "info", true],
    ]);
  });

  it("follows testSeverity: error keeps test keys as errors, off drops them", async () => {
    const files = { "src/mock.ts": connectorMock, "src/keys.ts": `const mockKey = "${key}";\n` };
    expect(await levels(files, { testSeverity: "error" })).toEqual([
      ["src/keys.ts", "error", false],
      ["src/mock.ts", "error", false],
    ]);
    expect(await levels(files, { testSeverity: "off" })).toEqual([]);
    expect(await levels(files, { testSeverity: "warn" })).toEqual([
      ["src/keys.ts", "warn", true],
      ["src/mock.ts", "warn", true],
    ]);
  });

  it("never shows any part of a test key in its finding", async () => {
    const output = JSON.stringify(await lintFiles({ files: { "src/mock.ts": connectorMock } }));
    expect(windows(pkcs8Body, 6).filter((w) => output.includes(w))).toEqual([]);
  });
});

// Almost no file holds a key: whether a path is test data is asked only once one is found, not of
// every file of the run (matching the test globs against each path was most of the rule's time).
describe("secrets/no-private-key path classification", () => {
  it("matches no test glob against a file that holds no key", async () => {
    const globSources = new Set(DEFAULT_TEST_FILES.map((glob) => globToRegExp(glob).source));
    const test = vi.spyOn(RegExp.prototype, "test");
    try {
      const findings = await lintFiles({
        files: { "src/tests/config.ts": "export const key = 'not a PRIVATE KEY at all';\n" },
        rules: { "no-private-key": undefined },
      });
      expect(findings).toEqual([]);
      const globTests = test.mock.contexts.filter((re) => re instanceof RegExp && globSources.has(re.source));
      expect(globTests).toEqual([]);
    } finally {
      test.mockRestore();
    }
  });
});
