// secrets/no-hardcoded-secret: a provider credential (from the detector catalogue) in any file.
import { defineRule, maskSecret } from "@deploylint/core/rule-api";
import { catalogueScanner } from "../detectors/scan.js";
import { isDotenvTemplate } from "../shared/env-files.js";
import { unsafePatternProblem } from "../shared/regex-safety.js";
import { reportSeverity, type TestPathOptions, testPathOptionSchema } from "../shared/test-paths.js";

export interface NoHardcodedSecretOptions extends TestPathOptions {
  /** Regular expressions; a credential matching one is allowed (e.g. a shared sandbox key). */
  allow?: string[];
  /** Detector ids to turn off, e.g. ["jwt"]. */
  disable?: string[];
}

export default defineRule({
  id: "no-hardcoded-secret",
  meta: {
    description:
      "Disallow provider credentials (cloud, VCS, payment, chat, mail, AI, registry tokens, …) in committed files.",
    kinds: ["text"],
    reportsSecrets: true,
    presets: { recommended: "error", strict: "error" },
    messages: {
      hardcoded:
        "The {{provider}} {{secret}} ({{masked}}) is hardcoded here: everyone who can read the repository, a fork, a clone or a build log can use it, and git history keeps it after the line changes. Revoke it and load its replacement from a secret store at deploy time.",
      dummy:
        "This has the shape of the {{provider}} {{secret}} format with an obviously dummy body ({{masked}}: a documented example or a placeholder), so it is only noted. If a real credential ever takes its place, load it from a secret store instead of committing it.",
    },
    help: "Revoke or rotate the credential now (deleting the line does not remove it from history), then read the new one from the environment or a secret manager (CI/CD secrets, Vault, a cloud secret manager); keep only placeholders in committed files.",
    options: {
      type: "object",
      properties: {
        allow: { type: "array", items: { type: "string", minLength: 1 } },
        disable: { type: "array", items: { type: "string", minLength: 1 } },
        ...testPathOptionSchema,
      },
      additionalProperties: false,
    },
    defaultOptions: {} as NoHardcodedSecretOptions,
    checkOptions: (options) => {
      for (const pattern of options.allow ?? []) {
        const problem = unsafePatternProblem(pattern);
        if (problem) return problem;
      }
      return null;
    },
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/secrets/no-hardcoded-secret.md" },
  },
  create(ctx) {
    // Templates hold documented values; no-real-value-in-example judges them.
    if (isDotenvTemplate(ctx.file.path)) return null;
    const options = ctx.options ?? {};
    const allow = (options.allow ?? []).map((pattern) => new RegExp(pattern, "u"));
    const disabled = new Set(options.disable ?? []);
    return {
      text(text) {
        const matches = ctx.memo("secrets:catalogue-matches", () =>
          catalogueScanner().scan(text, { path: ctx.file.path }),
        );
        for (const match of matches) {
          if (disabled.has(match.detector.id) || allow.some((re) => re.test(match.value))) continue;
          // A dummy body (`hf_xxxx…`, `…EXAMPLE`) is noted at info: visible, never failing CI.
          const lowered = match.dummy ? "info" : match.detector.severity;
          const level = reportSeverity({ path: ctx.file.path, settings: options, lowered });
          if (!level) continue;
          ctx.report({
            messageId: match.dummy ? "dummy" : "hardcoded",
            data: { provider: match.detector.provider, secret: match.detector.secret, masked: maskSecret(match.value) },
            range: { start: match.start, end: match.end },
            fingerprintText: `detector:${match.detector.id}`,
            ...level,
          });
        }
      },
    };
  },
});
