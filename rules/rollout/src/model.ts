// What the rules read: the declared model (with the manifest's path) and the workloads of every
// platform file (with the file each is in).
import type { FactRecord } from "@deploylint/core/rule-api";
import {
  HELM_TEMPLATE_FACT,
  HELM_VALUES_FACT,
  HELMFILE_FACT,
  MODEL_FACT,
  type ModelFact,
  PLATFORM_FILE_FACT,
  type PlatformFileFact,
  type WorkloadFact,
} from "./facts.js";
import { helmPlatformFiles } from "./helm-chart.js";
import type { HelmTemplateFact, HelmValuesFact } from "./readers/helm.js";

interface FactSource {
  facts<T>(type: string): FactRecord<T>[];
}

export function declaredModel(context: FactSource): (ModelFact & { file: string }) | null {
  const record = context.facts<ModelFact>(MODEL_FACT)[0];
  return record ? { ...record.data, file: record.file } : null;
}

/** Every platform file, with each Helm chart's environments as files of their own (on their values files). */
export function platformFiles(context: FactSource): FactRecord<PlatformFileFact>[] {
  const helm = helmPlatformFiles({
    templates: context.facts<HelmTemplateFact>(HELM_TEMPLATE_FACT),
    values: context.facts<HelmValuesFact>(HELM_VALUES_FACT),
    helmfileCharts: context.facts<{ charts: string[] }>(HELMFILE_FACT).flatMap((record) => record.data.charts),
  });
  return [...context.facts<PlatformFileFact>(PLATFORM_FILE_FACT), ...helm];
}

export function workloads(context: FactSource): { file: string; workload: WorkloadFact }[] {
  return platformFiles(context).flatMap((record) =>
    record.data.workloads.map((workload) => ({ file: record.file, workload })),
  );
}

/** How a workload is named in messages: "Deployment web", "fly app shop". */
export function describe(workload: WorkloadFact): string {
  return `${workload.platform === "kubernetes" ? "" : `${workload.platform} `}${workload.kind} ${workload.name}`;
}

export const DOCS = "https://github.com/deploylint/deploylint/blob/main/docs/rules/rollout";
