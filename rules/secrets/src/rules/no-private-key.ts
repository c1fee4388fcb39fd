// secrets/no-private-key: a private key (PEM, OpenSSH, PGP, PuTTY, age) committed in any file, or
// a binary key or password store (.p12, .jks, .kdbx), judged by its type. One in test data (a
// test, fixture or mock file, or a variable named `mockPrivateKey`) is noted at info.
import { defineRule } from "@deploylint/core/rule-api";
import { keyContainerOf } from "../private-keys/containers.js";
import { findPrivateKeys } from "../private-keys/index.js";
import { isNamedAsTestKey } from "../private-keys/test-key.js";
import { severityForPath, type TestPathOptions, testPathOptionSchema } from "../shared/test-paths.js";

/** `testFiles` and `testSeverity` as the pack's other file rules take them; `testSeverity` defaults to "info" here. */
export type NoPrivateKeyOptions = TestPathOptions;

export default defineRule({
  id: "no-private-key",
  meta: {
    description:
      "Disallow private keys (PEM, OpenSSH, PGP, PuTTY, age) and key or password stores (.p12, .pfx, .jks, .keystore, .kdbx) in committed files.",
    kinds: ["text", "binary"],
    reportsSecrets: true,
    presets: { recommended: "error", strict: "error" },
    messages: {
      privateKey:
        "This file holds a private key ({{kind}}): everyone who can read the repository, a fork, a clone or a build log can use it to sign, decrypt or log in as whatever it deploys to, and git history keeps it after the file changes. Revoke it and load its replacement from a secret store at deploy time.",
      keyStore:
        "This file is a {{format}} ({{size}} bytes): it holds private keys or passwords, and its passphrase, if any, can be guessed offline by everyone who can read the repository, a fork or a clone; git history keeps it after the file is deleted. Rotate what it holds and give the deploy its replacement from a secret store.",
      testKey:
        "This {{kind}} is test data ({{signal}}): a key generated for a test signs nothing real, so it is only noted. Everyone who can read the repository has it: if it was ever used outside the tests (a sandbox or production account), revoke it; better, generate the key in the test setup.",
      testKeyStore:
        "This {{format}} ({{size}} bytes) is test data (a test or fixture path), so it is only noted: a store made for a test holds nothing real. If it was ever used outside the tests, rotate what it holds.",
    },
    help: "Revoke or rotate the key now (deleting it from the file does not remove it from history), then give the new key to the deploy from a secret store: the CI/CD platform's secrets, Vault, or a cloud secret manager, mounted as a file or an environment variable outside the repository.",
    options: {
      type: "object",
      properties: { ...testPathOptionSchema },
      additionalProperties: false,
    },
    defaultOptions: {} as NoPrivateKeyOptions,
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/secrets/no-private-key.md" },
  },
  create(ctx) {
    const options = ctx.options ?? {};
    // Test keys are generated to exercise signing code (logto's Alipay connector mocks): the
    // maintainers would refute an error, yet the key is still a key, so it stays visible at info.
    const testSeverity = options.testSeverity ?? "info";
    // Asked only once a key or key store is found: matching the ~20 test globs against every path of
    // a big repository was most of this rule's time, and almost no file holds a key.
    let testPath: boolean | undefined;
    const inTestPath = () => {
      testPath ??= severityForPath(ctx.file.path, { testFiles: options.testFiles, testSeverity: "info" }) !== undefined;
      return testPath;
    };
    /** The severity a test key is noted with, null to drop it, undefined to report it like any key. */
    const lowered = testSeverity === "error" ? undefined : testSeverity === "off" ? null : testSeverity;
    return {
      binary(file) {
        const format = keyContainerOf(file.path);
        // No range: a binary file has no text to point into; the finding names the file's type only.
        if (!format || (inTestPath() && lowered === null)) return;
        const data = { format, size: file.size };
        const location = { line: 1, fingerprintText: `key-store:${format}` };
        if (inTestPath() && lowered) ctx.report({ messageId: "testKeyStore", data, ...location, severity: lowered });
        else ctx.report({ messageId: "keyStore", data, ...location });
      },
      text(text) {
        // The span is the header only and the message names the format only: never any key material.
        for (const key of findPrivateKeys(text)) {
          const signal = inTestPath()
            ? "a test, fixture or mock file"
            : isNamedAsTestKey(text, key.start)
              ? "the name it is assigned to says so"
              : null;
          if (signal !== null && lowered === null) continue;
          const location = { range: { start: key.start, end: key.end }, fingerprintText: `private-key:${key.kind}` };
          if (signal !== null && lowered) {
            ctx.report({ messageId: "testKey", data: { kind: key.kind, signal }, ...location, severity: lowered });
          } else {
            ctx.report({ messageId: "privateKey", data: { kind: key.kind }, ...location });
          }
        }
      },
    };
  },
});
