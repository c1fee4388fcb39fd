// secrets/no-credentials-in-url: a connection string or URL with a password in it
// (`postgres://user:password@host`, `redis://:password@host`, `https://user:token@host`).
import { defineRule, maskSecret } from "@deploylint/core/rule-api";
import { findCredentialUrls, isInProseComment } from "../shared/credential-urls.js";
import { reportSeverity, type TestPathOptions, type TestSeverity, testPathOptionSchema } from "../shared/test-paths.js";

export interface NoCredentialsInUrlOptions extends TestPathOptions {
  /** Hosts (exact, case-insensitive) whose URLs may carry a password, e.g. a CI-only database. */
  allowHosts?: string[];
  /** What a URL's password in a test file becomes (default "off": test passwords are made up). */
  testPasswordSeverity?: TestSeverity;
}

// Documentation: a URL there shows the syntax to readers (`postgres://user:secret@localhost/db`).
const DOCS = /\.(?:md|mdx|markdown|rst|adoc|asciidoc|textile)$/i;

export default defineRule({
  id: "no-credentials-in-url",
  meta: {
    description: "Disallow URLs and connection strings that carry a password.",
    kinds: ["text"],
    reportsSecrets: true,
    presets: { recommended: "error", strict: "error" },
    messages: {
      credentialsInUrl:
        "This {{scheme}} URL for {{host}} carries a password ({{masked}}): it ends up in the repository, in logs and in error messages that print the URL. Keep the URL without the password and pass the password separately from a secret store.",
    },
    help: "Rotate the password, remove it from the URL, and supply it at run time (for example the whole URL as a secret environment variable, or `PGPASSWORD` / the driver's password option from a secret store).",
    options: {
      type: "object",
      properties: {
        allowHosts: { type: "array", items: { type: "string", minLength: 1 } },
        testPasswordSeverity: testPathOptionSchema.testSeverity,
        ...testPathOptionSchema,
      },
      additionalProperties: false,
    },
    defaultOptions: {} as NoCredentialsInUrlOptions,
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/secrets/no-credentials-in-url.md" },
  },
  create(ctx) {
    const text = ctx.file.text;
    if (!text.includes("://") || ctx.file.kind === "markdown" || DOCS.test(ctx.file.path)) return null;
    const options = ctx.options ?? {};
    const allowHosts = new Set((options.allowHosts ?? []).map((host) => host.toLowerCase()));
    // A URL's password is a password: in test files it is made up, like a test user's.
    const settings = { ...options, testSeverity: options.testPasswordSeverity ?? "off" };
    return {
      text() {
        for (const url of findCredentialUrls(text)) {
          if (allowHosts.has(url.host.toLowerCase()) || isInProseComment(text, url.start)) continue;
          const level = reportSeverity({ path: ctx.file.path, settings });
          if (!level) continue;
          ctx.report({
            messageId: "credentialsInUrl",
            data: { scheme: url.scheme, host: url.host, masked: maskSecret(url.password) },
            range: { start: url.start, end: url.end },
            fingerprintText: `${url.scheme}://${url.host}`,
            ...level,
          });
        }
      },
    };
  },
});
