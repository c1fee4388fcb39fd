// rollout/disruption-budget: a Kubernetes workload run with more than one replica has a
// PodDisruptionBudget, or a node drain (an upgrade, autoscaling) may evict every replica at once.
import { defineRule } from "@deploylint/core/rule-api";
import {
  HELM_TEMPLATE_FACT,
  HELM_VALUES_FACT,
  HELMFILE_FACT,
  type PdbFact,
  PLATFORM_FILE_FACT,
  type WorkloadFact,
} from "../facts.js";
import { DOCS, describe, platformFiles } from "../model.js";
import { isDeployed } from "../readers/environment.js";

export default defineRule({
  id: "disruption-budget",
  scope: "project",
  meta: {
    description: "Require a PodDisruptionBudget for every Kubernetes workload with more than one replica.",
    kinds: ["yaml"],
    facts: [PLATFORM_FILE_FACT, HELM_TEMPLATE_FACT, HELM_VALUES_FACT, HELMFILE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "warn" },
    messages: {
      missing:
        "The {{workload}} runs {{replicas}} replicas but no PodDisruptionBudget selects its pods: a node drain can evict all of them at once.",
    },
    help: "Add a PodDisruptionBudget whose selector matches the pod labels, with minAvailable or maxUnavailable leaving at least one replica up.",
    docs: { url: `${DOCS}/disruption-budget.md` },
  },
  check(context) {
    const files = platformFiles(context);
    // A chart's budget exists per environment (its values decide whether it renders): it counts for
    // that environment's workloads only, while a manifest's budget may select any workload.
    const shared = files.flatMap((record) => (record.data.platform === "helm" ? [] : record.data.pdbs));
    for (const { file, data } of files) {
      const budgets = data.platform === "helm" ? [...shared, ...data.pdbs] : shared;
      for (const workload of data.workloads) {
        const replicas = workload.replicas;
        if (
          (workload.platform !== "kubernetes" && workload.platform !== "helm") ||
          workload.partial ||
          !replicas ||
          replicas.count <= 1
        )
          continue;
        if (!isDeployed(workload.environment)) continue;
        if (budgets.some((budget) => selects(budget, workload))) continue;
        context.report({
          messageId: "missing",
          data: { workload: describe(workload), replicas: replicas.count },
          file,
          ...replicas.at,
        });
      }
    }
  },
});

// Whether the budget may select the workload's pods. Where the pack cannot tell (a namespace set
// by kustomize for the folder, matchExpressions), it assumes so: a missing budget is reported only
// when no budget could be the one.
function selects(budget: PdbFact, workload: WorkloadFact): boolean {
  const namespace = workload.namespace ?? null;
  if (budget.namespace !== null && namespace !== null && budget.namespace !== namespace) return false;
  const labels = Object.entries(budget.matchLabels);
  if (labels.length === 0) return budget.hasExpressions;
  return labels.every(([key, value]) => workload.podLabels?.[key] === value);
}
