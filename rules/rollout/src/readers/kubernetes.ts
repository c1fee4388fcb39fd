// Kubernetes objects: Deployments, StatefulSets, Argo Rollouts and Flagger Canaries become
// workload facts, PodDisruptionBudgets become budget facts. A kustomize patch (no selector, or a
// container without an image) is marked partial: it changes a workload whose probes live elsewhere.
import type { LineIndex } from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import type { CanaryFact, PdbFact, RollbackGap, Spot, StrategyFact, WorkloadFact } from "../facts.js";
import { durationSeconds } from "./duration.js";
import { asArray, asNumber, asRecord, asString, type KeyPath, spotter } from "./spots.js";
import { topLevelKeys } from "./top-level-keys.js";

// Argo Rollouts keeps the old ReplicaSet 30 seconds after a blue-green switch unless told otherwise.
const ARGO_SCALE_DOWN_DELAY = 30;

export type KubernetesObject = { workload: WorkloadFact } | { pdb: PdbFact } | null;

export function readKubernetes(options: {
  document: Document;
  lines: LineIndex;
  environment: string | null;
}): KubernetesObject {
  const { document, lines, environment } = options;
  // An object needs both at the top: without them the document is not read (nor converted).
  const keys = topLevelKeys(document);
  if (keys && !(keys.has("kind") && keys.has("apiVersion"))) return null;
  const root = asRecord(document.toJS({ maxAliasCount: 100 }));
  const kind = asString(root.kind);
  if (!kind || typeof root.apiVersion !== "string") return null;
  const spot = spotter(document, lines);
  const metadata = asRecord(root.metadata);
  const namespace = asString(metadata.namespace);
  const spec = asRecord(root.spec);
  if (kind === "PodDisruptionBudget") {
    const selector = asRecord(spec.selector);
    const matchLabels = stringRecord(asRecord(selector.matchLabels));
    return { pdb: { namespace, matchLabels, hasExpressions: asArray(selector.matchExpressions).length > 0 } };
  }
  const name = asString(metadata.name) ?? kind;
  const base = { platform: "kubernetes" as const, kind, name, environment, at: spot(["kind"]), namespace };
  if (kind === "Canary" && root.apiVersion.startsWith("flagger.app/")) {
    const target = asString(asRecord(spec.targetRef).name) ?? name;
    return { workload: { ...base, name: target, partial: false, canary: flaggerCanary(spec, spot) } };
  }
  if (kind !== "Deployment" && kind !== "StatefulSet" && kind !== "Rollout") return null;
  const template = asRecord(spec.template);
  const pod = asRecord(template.spec);
  const containers = asArray(pod.containers).map(asRecord);
  const partial =
    kind === "Rollout" && spec.workloadRef !== undefined
      ? true
      : spec.selector === undefined || containers.length === 0 || containers.some((c) => c.image === undefined);
  const workload: WorkloadFact = {
    ...base,
    partial,
    podLabels: stringRecord(asRecord(asRecord(template.metadata).labels)),
  };
  const replicas = asNumber(spec.replicas);
  if (replicas !== null) workload.replicas = { count: replicas, at: spot(["spec", "replicas"]) };
  const health = readiness(containers, spot);
  if (health) workload.health = health;
  const strategy = kind === "Deployment" ? deploymentStrategy(spec, pod, spot) : null;
  if (strategy) workload.strategy = strategy;
  const gaps: RollbackGap[] = [];
  if (asNumber(spec.revisionHistoryLimit) === 0)
    gaps.push({
      problem: `revisionHistoryLimit is 0, so no previous ${kind === "Rollout" ? "ReplicaSet" : "revision"} is kept`,
      at: spot(["spec", "revisionHistoryLimit"]),
    });
  if (gaps.length > 0) workload.rollbackGaps = gaps;
  if (kind === "Rollout") {
    const rollout = asRecord(spec.strategy);
    if (rollout.blueGreen !== undefined) {
      const blueGreen = asRecord(rollout.blueGreen);
      workload.blueGreen = {
        keepSeconds: asNumber(blueGreen.scaleDownDelaySeconds),
        defaultSeconds: ARGO_SCALE_DOWN_DELAY,
        at: spot(["spec", "strategy", "blueGreen", "scaleDownDelaySeconds"]),
      };
    }
    if (rollout.canary !== undefined) workload.canary = argoCanary(asRecord(rollout.canary), spot);
  }
  return { workload };
}

// Only containers that serve (declare ports) need a readiness check; a worker takes no traffic.
function readiness(containers: Record<string, unknown>[], spot: (path: KeyPath) => Spot): WorkloadFact["health"] {
  const serving = containers.findIndex((c) => asArray(c.ports).length > 0);
  if (serving < 0) return undefined;
  const path = ["spec", "template", "spec", "containers"];
  for (const [index, container] of containers.entries()) {
    if (container.readinessProbe === undefined) continue;
    const same = JSON.stringify(container.readinessProbe) === JSON.stringify(container.livenessProbe);
    return {
      state: same ? "same-as-liveness" : "present",
      at: spot([...path, index, "readinessProbe"]),
      add: "a readinessProbe distinct from the livenessProbe",
    };
  }
  return { state: "missing", at: spot([...path, serving, "name"]), add: "a readinessProbe" };
}

function deploymentStrategy(
  spec: Record<string, unknown>,
  pod: Record<string, unknown>,
  spot: (path: KeyPath) => Spot,
): StrategyFact | null {
  const strategy = asRecord(spec.strategy);
  const type = asString(strategy.type) ?? "RollingUpdate";
  if (type === "Recreate") {
    // A ReadWriteOnce volume cannot be attached to the old and new pod at once: Recreate is then
    // the only strategy that works, and reporting it would be wrong.
    const claimsVolume = asArray(pod.volumes).some((volume) => asRecord(volume).persistentVolumeClaim !== undefined);
    if (claimsVolume) return null;
    return { name: "Recreate", stopsAll: true, at: spot(["spec", "strategy", "type"]) };
  }
  const rolling = asRecord(strategy.rollingUpdate);
  const replicas = asNumber(spec.replicas) ?? 1;
  const unavailable = rolling.maxUnavailable;
  const stopsAll =
    (typeof unavailable === "string" && unavailable.trim() === "100%") ||
    (asNumber(unavailable) !== null && (asNumber(unavailable) ?? 0) >= replicas);
  return {
    name: unavailable === undefined ? "RollingUpdate" : `RollingUpdate with maxUnavailable ${String(unavailable)}`,
    stopsAll,
    at: spot(["spec", "strategy", "rollingUpdate", "maxUnavailable"]),
  };
}

function argoCanary(canary: Record<string, unknown>, spot: (path: KeyPath) => Spot): CanaryFact {
  const steps = asArray(canary.steps).map(asRecord);
  const base = ["spec", "strategy", "canary"];
  const first = steps.findIndex((step) => step.setWeight !== undefined);
  let holdSeconds: number | null = 0;
  let holdAt = spot([...base, "steps", Math.max(first, 0)]);
  // The time at the first weight is the sum of the pauses up to the next weight change.
  for (let index = first + 1; first >= 0 && index < steps.length; index++) {
    const step = steps[index] ?? {};
    if (step.setWeight !== undefined) break;
    if (step.pause === undefined) continue;
    holdAt = spot([...base, "steps", index, "pause"]);
    const duration = asRecord(step.pause).duration;
    const seconds = durationSeconds(duration);
    if (duration === undefined || seconds === null) {
      holdSeconds = null;
      break;
    }
    holdSeconds = (holdSeconds ?? 0) + seconds;
  }
  const gate = canary.analysis !== undefined || steps.some((step) => step.analysis !== undefined);
  return {
    // No steps: Argo shifts all traffic at once.
    firstWeight: first >= 0 ? asNumber(steps[first]?.setWeight) : 100,
    firstWeightAt: first >= 0 ? spot([...base, "steps", first, "setWeight"]) : spot(base),
    // Without weights Argo shifts everything at once: that is the finding, not the hold before it.
    holdSeconds: first >= 0 ? holdSeconds : null,
    holdAt,
    hasGate: gate,
    at: spot(base),
  };
}

function flaggerCanary(spec: Record<string, unknown>, spot: (path: KeyPath) => Spot): CanaryFact {
  const key = spec.analysis !== undefined ? "analysis" : "canaryAnalysis";
  const analysis = asRecord(spec[key]);
  const weights = asArray(analysis.stepWeights);
  const firstWeight = weights.length > 0 ? asNumber(weights[0]) : asNumber(analysis.stepWeight);
  const metrics = asArray(analysis.metrics).map(asRecord);
  const gate = metrics.some((metric) => metric.thresholdRange !== undefined || metric.threshold !== undefined);
  return {
    firstWeight,
    firstWeightAt: spot(["spec", key, weights.length > 0 ? "stepWeights" : "stepWeight"]),
    // Flagger holds each weight for one `interval` (and its iterations) before the next step.
    holdSeconds: durationSeconds(analysis.interval) ?? 60,
    holdAt: spot(["spec", key, "interval"]),
    hasGate: gate && asNumber(analysis.threshold) !== null,
    at: spot(["spec", key]),
  };
}

function stringRecord(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, String(value)]));
}
