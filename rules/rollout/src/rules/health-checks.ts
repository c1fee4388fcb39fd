// rollout/health-checks: a container or VM workload has a readiness check the platform waits for
// before sending it traffic, so that a new version that cannot serve never receives users.
import { defineRule } from "@deploylint/core/rule-api";
import {
  HELM_TEMPLATE_FACT,
  HELM_VALUES_FACT,
  HELMFILE_FACT,
  PLATFORM_FILE_FACT,
  type WorkloadFact,
} from "../facts.js";
import { DOCS, describe, platformFiles, workloads } from "../model.js";
import { isDeployed } from "../readers/environment.js";

// Options a user leaves out (or a run that passes none) take these values.
const DEFAULTS: { ignore: string[] } = { ignore: [] };

export default defineRule({
  id: "health-checks",
  scope: "project",
  meta: {
    description: "Require a readiness check that gates traffic on every container and VM workload.",
    kinds: ["yaml", "json", "text"],
    facts: [PLATFORM_FILE_FACT, HELM_TEMPLATE_FACT, HELM_VALUES_FACT, HELMFILE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "error" },
    messages: {
      missing:
        "The {{workload}} has no readiness check: the platform sends traffic to a new version as soon as it starts, before it can serve. Add {{add}}.",
      sameAsLiveness:
        "The {{workload}} uses the same probe for readiness and liveness: a pod that is only busy is restarted instead of being taken out of the load balancer. Give it {{add}}.",
      unreadable: "This platform file cannot be read ({{problem}}): its rollout cannot be checked.",
    },
    help: "Point the readiness check at an endpoint that answers only when the application can serve (database reachable, migrations done).",
    options: {
      type: "object",
      properties: { ignore: { type: "array", items: { type: "string" }, description: "Workload names not to check." } },
      additionalProperties: false,
    },
    defaultOptions: DEFAULTS,
    docs: { url: `${DOCS}/health-checks.md` },
  },
  check(context) {
    const ignore = new Set({ ...DEFAULTS, ...context.options }.ignore);
    const balanced = balancedFamilies(workloads(context).map(({ workload }) => workload));
    for (const { file, data } of platformFiles(context)) {
      if (data.unreadable !== null) {
        context.report({ messageId: "unreadable", data: { problem: data.unreadable }, file, line: 1, column: 1 });
        continue;
      }
      for (const workload of data.workloads) {
        const health = workload.health;
        // A kustomize patch changes a workload whose probes are in its base.
        if (!health || workload.partial || ignore.has(workload.name) || health.state === "present") continue;
        // Manifests for a developer's cluster or a CI run gate no users' traffic.
        if (!isDeployed(workload.environment)) continue;
        if (workload.platform === "ecs" && workload.kind === "task definition" && balanced(workload.name)) continue;
        const message = health.state === "missing" ? "missing" : "sameAsLiveness";
        context.report({
          messageId: message,
          data: { workload: describe(workload), add: health.add },
          file,
          ...health.at,
        });
      }
    }
  },
});

/**
 * Whether an ECS task definition (by family) runs behind a load balancer that health-checks it: the
 * target group then keeps a new task out of traffic until it answers, which is the readiness gate.
 * A load-balanced service whose task definition the pack cannot resolve (a Terraform reference, a
 * CloudFormation !Ref) may be running any of them, so it covers every family.
 */
function balancedFamilies(all: WorkloadFact[]): (family: string) => boolean {
  const services = all.flatMap((workload) => (workload.ecsService?.targetGroupChecks ? [workload.ecsService] : []));
  return (family) => services.some((service) => service.taskFamily === null || service.taskFamily === family);
}
