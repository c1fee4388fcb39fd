// env-ladder/feature-flags-per-environment: each declared feature flag has a value for every
// environment, and code reads only declared flags, so that a flag's state is decided per rung
// rather than by whatever default the SDK falls back to.
import { defineRule } from "@deploylint/core/rule-api";
import { DOCUMENTED_FACT, type DocumentedFact, FLAG_READ_FACT, type FlagReadFact, MANIFEST_FACT } from "../facts.js";
import { sameEnvironment } from "../ladder.js";
import { readLadder } from "../ladder-model.js";

// "new-checkout", "new_checkout", "newCheckout" and FEATURE_NEW_CHECKOUT name one flag.
function flagKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const FLAG_VARIABLE = /^(FEATURE|FF|FLAG|FEATURE_FLAG)_(.+)$/;

export default defineRule({
  id: "feature-flags-per-environment",
  scope: "project",
  meta: {
    description:
      "Require each declared feature flag to have a value in every environment, and code to read only declared flags.",
    kinds: ["yaml", "json", "script", "dotenv"],
    facts: [MANIFEST_FACT, FLAG_READ_FACT, DOCUMENTED_FACT],
    presets: { recommended: "warn", strict: "error" },
    messages: {
      missingValue:
        "Feature flag {{flag}} has no value for {{environments}}: the flag's state there is whatever default the code or SDK falls back to, not a decision.",
      undeclared:
        "Code reads feature flag {{flag}}, which the ladder manifest does not declare: nobody decided its state per environment before it shipped.",
      undeclaredVariable:
        "Variable {{key}} is documented as a feature flag but the ladder manifest declares no flag {{flag}}: its state per environment is undecided.",
    },
    help: "Declare the flag under feature_flags: in the ladder manifest with a value for each environment.",
    docs: {
      url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-ladder/feature-flags-per-environment.md",
    },
  },
  check(context) {
    const ladder = readLadder(context);
    if (!ladder) return;
    const { featureFlags, featureFlagsKey } = ladder.manifest;
    for (const flag of featureFlags) {
      const names = Object.keys(flag.values);
      const missing = ladder.environments.filter((env) => !names.some((name) => sameEnvironment(name, env.name)));
      if (missing.length === 0) continue;
      context.report({
        messageId: "missingValue",
        data: { flag: flag.name, environments: missing.map((env) => env.name).join(", ") },
        file: ladder.file,
        line: flag.line,
        column: flag.column,
        endLine: flag.endLine,
        endColumn: flag.endColumn,
      });
    }
    // Without a feature_flags section the project does not manage flags in the manifest.
    if (featureFlagsKey === null) return;
    const declared = new Set(featureFlags.map((flag) => flagKey(flag.name)));
    for (const { file, data } of context.facts<FlagReadFact>(FLAG_READ_FACT)) {
      if (declared.has(flagKey(data.flag))) continue;
      context.report({
        messageId: "undeclared",
        data: { flag: data.flag },
        file,
        line: data.line,
        column: data.column,
        endLine: data.endLine,
        endColumn: data.endColumn,
      });
    }
    for (const { file, data } of context.facts<DocumentedFact>(DOCUMENTED_FACT)) {
      const name = FLAG_VARIABLE.exec(data.key)?.[2];
      if (!name || declared.has(flagKey(name))) continue;
      context.report({
        messageId: "undeclaredVariable",
        data: { key: data.key, flag: name.toLowerCase().replaceAll("_", "-") },
        file,
        line: data.line,
      });
    }
  },
});
