// secrets/no-real-value-in-example: a template (`.env.example`, `.env.sample`, …) whose value is a
// real credential (a provider format, or a random value under a secret name) instead of a placeholder.
import { defineRule, maskSecret } from "@deploylint/core/rule-api";
import { catalogueScanner, realMatches } from "../detectors/scan.js";
import { characterClasses, shannonEntropy } from "../shared/entropy.js";
import { isDotenvTemplate } from "../shared/env-files.js";
import { isSecretName } from "../shared/secret-names.js";
import { looksLikeSecretValue } from "../shared/secret-values.js";
import { reportSeverity, type TestPathOptions, testPathOptionSchema } from "../shared/test-paths.js";

/** An unnamed value counts as real only when it is long and clearly random. */
function isRandomToken(value: string): boolean {
  return (
    value.length >= 24 &&
    !/[\s:/@]/.test(value) &&
    characterClasses(value) >= 2 &&
    shannonEntropy(value) >= 4.2 &&
    looksLikeSecretValue(value)
  );
}

export default defineRule({
  id: "no-real-value-in-example",
  meta: {
    description: "Disallow real credentials in dotenv templates such as `.env.example`.",
    kinds: ["dotenv"],
    reportsSecrets: true,
    presets: { recommended: "error", strict: "error" },
    messages: {
      providerValue:
        "Template entry {{key}} holds what looks like a real {{provider}} {{secret}} ({{masked}}): templates are committed and copied into every environment, so the credential is leaked and may end up used in production. Replace it with a placeholder.",
      randomValue:
        "Template entry {{key}} holds a random-looking value ({{masked}}) instead of a placeholder: if it is a real credential it is leaked, and copies of the template will share it. Replace it with a placeholder.",
    },
    help: "Use a value that cannot work, such as `changeme`, `<your-key>` or `replace-with-32-random-bytes`, and rotate the credential if it was real.",
    options: {
      type: "object",
      properties: { ...testPathOptionSchema },
      additionalProperties: false,
    },
    defaultOptions: {} as TestPathOptions,
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/secrets/no-real-value-in-example.md" },
  },
  create(ctx) {
    if (!isDotenvTemplate(ctx.file.path)) return null;
    const options = ctx.options ?? {};
    return {
      dotenv(source) {
        const matches = realMatches(
          ctx.memo("secrets:catalogue-matches", () => catalogueScanner().scan(ctx.file.text, { path: ctx.file.path })),
        );
        for (const entry of source.entries) {
          if (entry.value.length === 0) continue;
          const { start, end } = entry.valueRange;
          const level = reportSeverity({ path: ctx.file.path, settings: options });
          if (!level) return;
          const match = matches.find((m) => m.start < end && start < m.end);
          if (match) {
            ctx.report({
              messageId: "providerValue",
              data: {
                key: entry.key,
                provider: match.detector.provider,
                secret: match.detector.secret,
                masked: maskSecret(match.value),
              },
              range: { start: match.start, end: match.end },
              fingerprintText: `${entry.key}:detector:${match.detector.id}`,
              ...level,
            });
          } else if ((isSecretName(entry.key) && looksLikeSecretValue(entry.value)) || isRandomToken(entry.value)) {
            ctx.report({
              messageId: "randomValue",
              data: { key: entry.key, masked: maskSecret(entry.value) },
              range: entry.valueRange,
              fingerprintText: `${entry.key}`,
              ...level,
            });
          }
        }
      },
    };
  },
});
