// secrets/no-shared-credentials-across-environments: one credential used by two deployed
// environments (staging and production env files, compose overrides, overlays, CI jobs), found by
// comparing salted hashes; no value is ever read back or compared in the clear.
import { defineRule } from "@deploylint/core/rule-api";
import type { EnvSecretFact } from "../extractors/env-secret.js";

export default defineRule({
  id: "no-shared-credentials-across-environments",
  scope: "project",
  meta: {
    description: "Disallow the same credential in two deployed environments (e.g. staging and production).",
    kinds: ["dotenv", "yaml"],
    reportsSecrets: true,
    facts: ["secrets:env-secret"],
    presets: { recommended: "error", strict: "error" },
    messages: {
      shared:
        "The value of {{key}} in {{environment}} is the same as {{others}}: a leak or a test in the weaker environment gives access to the other, and the credential cannot be rotated in one without breaking the other. Give each environment its own credential.",
    },
    help: "Issue a separate credential per environment (a separate API key, database user or signing secret), store each in that environment's secret store, and rotate the shared one.",
    docs: {
      url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/secrets/no-shared-credentials-across-environments.md",
    },
  },
  check(ctx) {
    const byHash = new Map<string, { file: string; data: EnvSecretFact }[]>();
    for (const record of ctx.facts<EnvSecretFact>("secrets:env-secret")) {
      const list = byHash.get(record.data.hash) ?? [];
      list.push(record);
      byHash.set(record.data.hash, list);
    }
    for (const records of byHash.values()) {
      const environments = new Set(records.map((r) => r.data.environment));
      if (environments.size < 2) continue;
      for (const { file, data } of records) {
        const others = records
          .filter((r) => r.data.environment !== data.environment)
          .map((r) => `${r.data.key} in ${r.data.environment} (${r.file}:${r.data.line})`);
        ctx.report({
          messageId: "shared",
          data: { key: data.key, environment: data.environment, others: [...new Set(others)].join(", ") },
          file,
          line: data.line,
          column: data.column,
          endLine: data.endLine,
          endColumn: data.endColumn,
          fingerprintText: `${data.environment}:${data.key}`,
        });
      }
    }
  },
});
