// env-ladder/require-environments: the manifest declares local, staging and production (or their
// aliases), so that every change has a rung to be tried on before it reaches users.
import { defineRule } from "@deploylint/core/rule-api";
import { MANIFEST_FACT } from "../facts.js";
import { namesOf, RUNGS } from "../ladder.js";
import { readLadder } from "../ladder-model.js";

export default defineRule({
  id: "require-environments",
  scope: "project",
  meta: {
    description: "Require the ladder manifest to declare local, staging and production environments.",
    kinds: ["yaml", "json"],
    facts: [MANIFEST_FACT],
    presets: { recommended: "error", strict: "error" },
    messages: {
      missing:
        "The ladder manifest declares no {{rung}} environment (names accepted: {{aliases}}): a change that skips a rung reaches users without being tried where that rung would have caught it.",
    },
    help: "Declare the environment under environments: with its purpose, database, data, monitoring, access and log_level.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-ladder/require-environments.md" },
  },
  check(context) {
    const ladder = readLadder(context);
    if (!ladder) return;
    const at = ladder.manifest.environmentsKey ?? { line: 1, column: 1 };
    for (const rung of RUNGS) {
      if (ladder.onRung(rung)) continue;
      context.report({
        messageId: "missing",
        data: { rung, aliases: namesOf(rung).join(", ") },
        file: ladder.file,
        ...at,
        fingerprintText: `missing ${rung}`,
      });
    }
  },
});
