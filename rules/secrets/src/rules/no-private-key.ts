// secrets/no-private-key: a private key (PEM, OpenSSH, PGP, PuTTY, age) committed in any file, or
// a binary key or password store (.p12, .jks, .kdbx), judged by its type.
import { defineRule } from "@deploylint/core/rule-api";
import { keyContainerOf } from "../private-keys/containers.js";
import { findPrivateKeys } from "../private-keys/index.js";

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
    },
    help: "Revoke or rotate the key now (deleting it from the file does not remove it from history), then give the new key to the deploy from a secret store: the CI/CD platform's secrets, Vault, or a cloud secret manager, mounted as a file or an environment variable outside the repository.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/secrets/no-private-key.md" },
  },
  create(ctx) {
    return {
      binary(file) {
        const format = keyContainerOf(file.path);
        // No range: a binary file has no text to point into; the finding names the file's type only.
        if (format) {
          ctx.report({
            messageId: "keyStore",
            data: { format, size: file.size },
            line: 1,
            fingerprintText: `key-store:${format}`,
          });
        }
      },
      text(text) {
        // The span is the header only and the message names the format only: never any key material.
        for (const key of findPrivateKeys(text)) {
          ctx.report({
            messageId: "privateKey",
            data: { kind: key.kind },
            range: { start: key.start, end: key.end },
            fingerprintText: `private-key:${key.kind}`,
          });
        }
      },
    };
  },
});
