// rollout/zero-downtime: what reaches production never deploys by stopping every instance first
// (Kubernetes Recreate, maxUnavailable covering every replica, fly `immediate`, ECS with no
// healthy minimum), which takes the product down for the length of every deploy.
import { defineRule } from "@deploylint/core/rule-api";
import { HELM_TEMPLATE_FACT, HELM_VALUES_FACT, HELMFILE_FACT, PLATFORM_FILE_FACT } from "../facts.js";
import { DOCS, describe, workloads } from "../model.js";
import { reachesProduction } from "../readers/environment.js";

// Options a user leaves out (or a run that passes none) take these values.
const DEFAULTS: { allowRecreate: boolean; allow: string[] } = { allowRecreate: false, allow: [] };

export default defineRule({
  id: "zero-downtime",
  scope: "project",
  meta: {
    description: "Forbid production rollouts that stop every instance before the new version serves.",
    kinds: ["yaml", "json", "text"],
    facts: [PLATFORM_FILE_FACT, HELM_TEMPLATE_FACT, HELM_VALUES_FACT, HELMFILE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "error" },
    messages: {
      stopsAll:
        "The {{workload}} deploys with {{strategy}}, which stops every running instance before the new version is ready: each production deploy is an outage.",
    },
    help: "Use a rolling update that keeps instances serving (maxUnavailable below the replica count, fly `rolling` or `bluegreen`), or set allowRecreate when downtime is accepted.",
    options: {
      type: "object",
      properties: {
        allowRecreate: {
          type: "boolean",
          description: "Accept strategies that stop every instance (a maintenance-window product).",
        },
        allow: {
          type: "array",
          items: { type: "string" },
          description: "Workload names that may stop every instance.",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: DEFAULTS,
    docs: { url: `${DOCS}/zero-downtime.md` },
  },
  check(context) {
    const options = { ...DEFAULTS, ...context.options };
    if (options.allowRecreate) return;
    const allow = new Set(options.allow);
    for (const { file, workload } of workloads(context)) {
      const strategy = workload.strategy;
      if (!strategy?.stopsAll || allow.has(workload.name) || !reachesProduction(workload.environment)) continue;
      context.report({
        messageId: "stopsAll",
        data: { workload: describe(workload), strategy: strategy.name },
        file,
        ...strategy.at,
      });
    }
  },
});
