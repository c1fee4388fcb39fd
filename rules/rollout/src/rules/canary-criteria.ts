// rollout/canary-criteria: a canary exposes few users first (≤ 10%), stays there long enough to
// see errors (≥ 15 minutes), and has a metric gate that aborts it (Argo analysis, Flagger metrics).
import { defineRule } from "@deploylint/core/rule-api";
import { PLATFORM_FILE_FACT } from "../facts.js";
import { DOCS, describe, workloads } from "../model.js";

// Options a user leaves out (or a run that passes none) take these values.
const DEFAULTS = { maxInitialWeight: 10, minHoldMinutes: 15 };

export default defineRule({
  id: "canary-criteria",
  scope: "project",
  meta: {
    description:
      "Require canaries to start small, hold before expanding, and be gated by metrics with a rollback threshold.",
    kinds: ["yaml"],
    facts: [PLATFORM_FILE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "warn" },
    messages: {
      tooWide:
        "The canary of {{workload}} starts at {{weight}}% of traffic, above {{max}}%: a bad version reaches too many users before anything is measured.",
      tooShort:
        "The canary of {{workload}} holds its first step for {{hold}} minutes, under {{min}}: too short to see an error rate rise before expanding.",
      noGate:
        "The canary of {{workload}} has no metric analysis with a failure threshold: nothing stops and rolls it back when errors rise.",
    },
    help: "Start at 5-10%, pause at least 15 minutes, and add an analysis (Argo Rollouts) or metrics with thresholds (Flagger) that aborts on a higher error rate.",
    options: {
      type: "object",
      properties: {
        maxInitialWeight: {
          type: "number",
          minimum: 0,
          maximum: 100,
          description: "Highest first traffic weight, in percent.",
        },
        minHoldMinutes: { type: "number", minimum: 0, description: "Shortest hold at the first weight, in minutes." },
      },
      additionalProperties: false,
    },
    defaultOptions: DEFAULTS,
    docs: { url: `${DOCS}/canary-criteria.md` },
  },
  check(context) {
    const { maxInitialWeight, minHoldMinutes } = { ...DEFAULTS, ...context.options };
    for (const { file, workload } of workloads(context)) {
      const canary = workload.canary;
      if (!canary) continue;
      const name = describe(workload);
      if (canary.firstWeight !== null && canary.firstWeight > maxInitialWeight)
        context.report({
          messageId: "tooWide",
          data: { workload: name, weight: canary.firstWeight, max: maxInitialWeight },
          file,
          ...(canary.firstWeightAt ?? canary.at),
        });
      // A null hold is a pause until someone promotes by hand: a person decides, not a timer.
      if (canary.holdSeconds !== null && canary.holdSeconds < minHoldMinutes * 60)
        context.report({
          messageId: "tooShort",
          data: { workload: name, hold: Math.round((canary.holdSeconds / 60) * 10) / 10, min: minHoldMinutes },
          file,
          ...canary.holdAt,
        });
      if (!canary.hasGate) context.report({ messageId: "noGate", data: { workload: name }, file, ...canary.at });
    }
  },
});
