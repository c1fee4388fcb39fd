// env-ladder/no-real-data-outside-production: real user data lives in production only, where access,
// backups and audit are at their strictest.
import { defineRule } from "@deploylint/core/rule-api";
import { MANIFEST_FACT } from "../facts.js";
import { readLadder, spotOf, textField } from "../ladder-model.js";

export default defineRule({
  id: "no-real-data-outside-production",
  scope: "project",
  meta: {
    description: "Disallow real user data in any environment other than production.",
    kinds: ["yaml", "json"],
    facts: [MANIFEST_FACT],
    presets: { recommended: "error", strict: "error" },
    messages: {
      realData:
        "Environment {{name}} declares real user data: it is reachable by more people and tools than production, so a leak or a bad test run there exposes real users.",
    },
    help: "Use seed, synthetic or anonymized data outside production (copy production through an anonymizing step).",
    docs: {
      url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-ladder/no-real-data-outside-production.md",
    },
  },
  check(context) {
    const ladder = readLadder(context);
    if (!ladder) return;
    for (const environment of ladder.environments) {
      if (environment.rung === "production") continue;
      if (textField(environment, "data")?.trim().toLowerCase() !== "real") continue;
      context.report({
        messageId: "realData",
        data: { name: environment.name },
        file: ladder.file,
        ...spotOf(environment, "data"),
      });
    }
  },
});
