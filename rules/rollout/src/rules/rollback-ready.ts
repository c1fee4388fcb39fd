// rollout/rollback-ready: a previous version stays available to roll back to: Kubernetes keeps old
// revisions, ECS rolls a failing deployment back, blue-green keeps the old colour long enough.
import { defineRule } from "@deploylint/core/rule-api";
import { PLATFORM_FILE_FACT } from "../facts.js";
import { DOCS, describe, workloads } from "../model.js";
import { reachesProduction } from "../readers/environment.js";

// Options a user leaves out (or a run that passes none) take these values.
const DEFAULTS = { blueGreenWindowMinutes: 60 };

export default defineRule({
  id: "rollback-ready",
  scope: "project",
  meta: {
    description: "Require a previous version to stay available for rollback in production.",
    kinds: ["yaml", "json", "text"],
    facts: [PLATFORM_FILE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "warn" },
    messages: {
      gap: "The {{workload}} cannot be rolled back quickly because {{problem}}.",
      colourDropped:
        "The {{workload}} scales the old colour down {{kept}} after a blue-green switch, under the {{window}} rollback window: a problem found later needs a full redeploy.",
    },
    help: "Keep old revisions (revisionHistoryLimit above 0), enable ECS's circuit breaker with rollback, and keep the old colour for the rollback window.",
    options: {
      type: "object",
      properties: {
        blueGreenWindowMinutes: {
          type: "number",
          minimum: 0,
          description: "How long the old colour must be kept after a blue-green switch.",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: DEFAULTS,
    docs: { url: `${DOCS}/rollback-ready.md` },
  },
  check(context) {
    const window = { ...DEFAULTS, ...context.options }.blueGreenWindowMinutes * 60;
    for (const { file, workload } of workloads(context)) {
      if (!reachesProduction(workload.environment)) continue;
      const name = describe(workload);
      for (const gap of workload.rollbackGaps ?? [])
        context.report({ messageId: "gap", data: { workload: name, problem: gap.problem }, file, ...gap.at });
      const blueGreen = workload.blueGreen;
      const kept = blueGreen ? (blueGreen.keepSeconds ?? blueGreen.defaultSeconds) : null;
      if (!blueGreen || kept === null || kept >= window) continue;
      context.report({
        messageId: "colourDropped",
        data: { workload: name, kept: minutes(kept), window: minutes(window) },
        file,
        ...blueGreen.at,
      });
    }
  },
});

function minutes(seconds: number): string {
  return seconds < 120 ? `${seconds} seconds` : `${Math.round(seconds / 60)} minutes`;
}
