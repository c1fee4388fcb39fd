// env-ladder/env-vars-per-environment: every deployed environment that keeps its settings in env
// files gives a value to each required, non-sensitive documented variable. Documented variables
// come from the env-docs pack's facts; without them the rule has nothing to check.
import { defineRule } from "@deploylint/core/rule-api";
import { DOCUMENTED_FACT, type DocumentedFact, MANIFEST_FACT, VALUES_FACT } from "../facts.js";
import { readLadder } from "../ladder-model.js";

export default defineRule({
  id: "env-vars-per-environment",
  scope: "project",
  meta: {
    description:
      "Require each deployed environment's env files to set every required, non-sensitive documented variable.",
    kinds: ["yaml", "json", "dotenv", "text"],
    facts: [MANIFEST_FACT, VALUES_FACT, DOCUMENTED_FACT],
    presets: { recommended: "warn", strict: "error" },
    messages: {
      missingValue:
        "Environment {{name}} sets no value for {{key}}, which {{example}} documents as @required: the app fails at start-up (or falls back to a wrong default) after this deploy.",
    },
    help: "Add the variable to the environment's env file, or mark it @sensitive in the example if it belongs in the platform's secret store.",
    docs: {
      url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-ladder/env-vars-per-environment.md",
    },
  },
  check(context) {
    const ladder = readLadder(context);
    if (!ladder) return;
    const documented = context
      .facts<DocumentedFact>(DOCUMENTED_FACT)
      .filter(({ data }) => data.required && !data.sensitive);
    if (documented.length === 0) return;
    for (const environment of ladder.environments) {
      if (environment.rung === "local") continue;
      const envFiles = ladder.envFilesOf(environment);
      // An environment configured only in a platform's dashboard has no files to hold the values.
      const [first] = envFiles;
      if (first === undefined) continue;
      const set = new Set(
        ladder.valuesOf(environment).flatMap((values) => values.entries.filter((e) => e.hasValue).map((e) => e.key)),
      );
      const seen = new Set<string>();
      for (const { file, data } of documented) {
        if (set.has(data.key) || seen.has(data.key)) continue;
        seen.add(data.key);
        context.report({
          messageId: "missingValue",
          data: { name: environment.name, key: data.key, example: file },
          file: first,
          line: 1,
          fingerprintText: `${environment.name}:${data.key}`,
        });
      }
    }
  },
});
