// secrets/no-private-key: a private key (PEM, OpenSSH, PGP, PuTTY, age) committed in any file.
import { defineRule } from "@deploylint/core/rule-api";
import { findPrivateKeys } from "../private-keys/index.js";

export default defineRule({
  id: "no-private-key",
  meta: {
    description: "Disallow private keys (PEM, OpenSSH, PGP, PuTTY, age) in committed files.",
    kinds: ["text"],
    reportsSecrets: true,
    presets: { recommended: "error", strict: "error" },
    messages: {
      privateKey:
        "This file holds a private key ({{kind}}): everyone who can read the repository, a fork, a clone or a build log can use it to sign, decrypt or log in as whatever it deploys to, and git history keeps it after the file changes. Revoke it and load its replacement from a secret store at deploy time.",
    },
    help: "Revoke or rotate the key now (deleting it from the file does not remove it from history), then give the new key to the deploy from a secret store: the CI/CD platform's secrets, Vault, or a cloud secret manager, mounted as a file or an environment variable outside the repository.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/secrets/no-private-key.md" },
  },
  create(ctx) {
    return {
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
