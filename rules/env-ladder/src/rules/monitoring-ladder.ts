// env-ladder/monitoring-ladder: staging is monitored and alerts someone; production alerts and
// pages an on-call rotation, so that a bad deploy is noticed before users report it.
import { defineRule } from "@deploylint/core/rule-api";
import { MANIFEST_FACT } from "../facts.js";
import { objectField, readLadder, spotOf } from "../ladder-model.js";

function present(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(present);
  return typeof value === "string"
    ? value.trim() !== "" && value.trim() !== "none"
    : value !== undefined && value !== null;
}

export default defineRule({
  id: "monitoring-ladder",
  scope: "project",
  meta: {
    description: "Require staging to be monitored with alerts, and production to alert and page an on-call rotation.",
    kinds: ["yaml", "json"],
    facts: [MANIFEST_FACT],
    presets: { recommended: "warn", strict: "error" },
    messages: {
      staging:
        "Environment {{name}} lacks {{missing}}: a release that breaks staging goes unnoticed and is promoted to production anyway.",
      production:
        "Environment {{name}} lacks {{missing}}: when a deploy breaks production, nobody is told until users complain.",
    },
    help: "Declare monitoring: { logging: full, alerts: <channel> } for staging, and add on_call: <rotation> for production.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-ladder/monitoring-ladder.md" },
  },
  check(context) {
    const ladder = readLadder(context);
    if (!ladder) return;
    for (const environment of ladder.environments) {
      const rung = environment.rung;
      if (rung !== "staging" && rung !== "production") continue;
      const monitoring = objectField(environment, "monitoring");
      const missing: string[] = [];
      if (!monitoring) missing.push("monitoring");
      else if (monitoring.logging === "none") missing.push("logging");
      if (!present(monitoring?.alerts)) missing.push("alerts");
      if (rung === "production" && !present(monitoring?.on_call)) missing.push("on_call");
      if (missing.length === 0) continue;
      const data = { name: environment.name, missing: missing.join(", ") };
      const at = { file: ladder.file, ...spotOf(environment, "monitoring") };
      if (rung === "staging") context.report({ messageId: "staging", data, ...at });
      else context.report({ messageId: "production", data, ...at });
    }
  },
});
