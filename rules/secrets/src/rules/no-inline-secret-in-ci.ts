// secrets/no-inline-secret-in-ci: a literal credential in CI or deploy config (GitHub Actions
// env:/with:, GitLab CI variables:, docker-compose environment:, Kubernetes Secret data) instead of
// the platform's secret reference.
import { defineRule, maskSecret } from "@deploylint/core/rule-api";
import { type InlineSite, inlineSites, isInlineValue, mayHaveInlineSecret } from "../ci/sites.js";
import { catalogueScanner } from "../detectors/scan.js";
import { isPlaceholder } from "../shared/placeholders.js";
import { isSecretName } from "../shared/secret-names.js";
import { looksLikeSecretValue } from "../shared/secret-values.js";
import { reportSeverity, type TestPathOptions, testPathOptionSchema } from "../shared/test-paths.js";
import { roots } from "../shared/yaml-walk.js";

function isInlineSecret(site: InlineSite): boolean {
  if (isPlaceholder(site.value)) return false;
  const named = isSecretName(site.key);
  if (site.alwaysSecret) return (named && site.value.length >= 4) || looksLikeSecretValue(site.value);
  return named && isInlineValue(site.value);
}

export default defineRule({
  id: "no-inline-secret-in-ci",
  meta: {
    description: "Disallow literal secrets in CI and deploy config instead of the platform's secret references.",
    kinds: ["yaml"],
    // Only CI and compose files (by path) and Kubernetes Secrets (`kind: Secret`, or an escape that
    // could spell it) have sites, and a GitHub workflow is parsed only when some pair could be reported.
    prefilter: { yaml: (text, _options, path) => mayHaveInlineSecret(text, path) },
    reportsSecrets: true,
    presets: { recommended: "error", strict: "error" },
    messages: {
      inline:
        "The {{context}} entry {{key}} is a literal secret ({{masked}}): CI and deploy files are read by everyone with repository access and echoed into build logs, and the value cannot be rotated without a commit. Store it in the platform's secret store and reference it ({{reference}}).",
    },
    help: "Move the value to the platform's secret store (GitHub Actions secrets, GitLab CI/CD variables marked masked and protected, a Docker/compose secret or env_file outside the repo, an external secret manager for Kubernetes) and rotate it.",
    options: {
      type: "object",
      properties: { ...testPathOptionSchema },
      additionalProperties: false,
    },
    defaultOptions: {} as TestPathOptions,
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/secrets/no-inline-secret-in-ci.md" },
  },
  create(ctx) {
    const options = ctx.options ?? {};
    return {
      yaml(source) {
        const { path, text } = ctx.file;
        const sites = inlineSites({ path, text, roots: roots(source.documents) });
        if (sites.length === 0) return;
        const matches = ctx.memo("secrets:catalogue-matches", () => catalogueScanner().scan(text, { path }));
        for (const site of sites) {
          // A provider credential is reported once, by no-hardcoded-secret, with its provider's name.
          if (matches.some((m) => m.start < site.end && site.start < m.end)) continue;
          if (!isInlineSecret(site)) continue;
          const level = reportSeverity({ path, settings: options });
          if (!level) continue;
          ctx.report({
            messageId: "inline",
            data: {
              key: site.key,
              context: site.context,
              masked: maskSecret(site.value),
              reference: referenceFor(site),
            },
            range: { start: site.start, end: site.end },
            fingerprintText: `${site.context}:${site.key}`,
            ...level,
          });
        }
      },
    };
  },
});

function referenceFor(site: InlineSite): string {
  if (site.context.startsWith("GitHub")) return `\${{ secrets.${site.key.toUpperCase().replace(/[^A-Z0-9_]/g, "_")} }}`;
  if (site.context.startsWith("GitLab")) return "a masked, protected CI/CD variable";
  if (site.context.startsWith("docker-compose")) return "`secrets:` or an env_file kept out of the repository";
  return "an ExternalSecret, a SealedSecret or a secret created by the deploy";
}
