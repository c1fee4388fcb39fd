// The facts the rollout extractors emit and its project rules read: the declared deployment model,
// and one plain-JSON description per workload of a platform file, with the positions of the keys a
// finding points at. Platform semantics (what "stops every instance" means on each platform) are
// decided by the readers; what is acceptable is decided by the rules and their options.
import type { Fact } from "@deploylint/core/rule-api";

export const MODEL_FACT = "rollout:model";
/** One per platform file: its platform, environment, workloads and disruption budgets. */
export const PLATFORM_FILE_FACT = "rollout:platform-file";
export const GRADUAL_FACT = "rollout:gradual";
/** A Helm chart's template and values files, joined per environment by helm-chart.ts. */
export const HELM_TEMPLATE_FACT = "rollout:helm-template";
export const HELM_VALUES_FACT = "rollout:helm-values";
export const HELMFILE_FACT = "rollout:helmfile";

export interface Spot {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Platform =
  | "kubernetes"
  | "helm"
  | "ecs"
  | "codedeploy"
  | "fly"
  | "render"
  | "railway"
  | "compose"
  | "vercel"
  | "netlify"
  | "wrangler"
  | "serverless";

export interface ModelFact {
  /** `architecture.deployment_model` as written, or null when the manifest declares none. */
  model: string | null;
  /** The `deployment_model` key, else the `architecture` key, else the top of the manifest. */
  at: Spot;
  /** Whether the manifest declares at least one feature flag (a flag provider is in use). */
  hasFlags: boolean;
}

/** Whether a readiness check gates traffic to new instances. */
export interface HealthFact {
  state: "present" | "missing" | "same-as-liveness";
  /** The check, or where one belongs (the container, the service's key). */
  at: Spot;
  /** What to add, in the platform's words: "a readinessProbe", "[[http_service.checks]]". */
  add: string;
}

export interface StrategyFact {
  /** As the platform names it: "Recreate", "RollingUpdate", "immediate", "minimumHealthyPercent 0". */
  name: string;
  /** The strategy takes every instance down before the new ones serve. */
  stopsAll: boolean;
  at: Spot;
}

/** Something that leaves no previous version to roll back to. */
export interface RollbackGap {
  /** What is wrong, said after "because": "revisionHistoryLimit is 0, so no old ReplicaSet is kept". */
  problem: string;
  at: Spot;
}

export interface BlueGreenFact {
  /** How long the old colour is kept after the switch, in seconds; null when the platform default applies. */
  keepSeconds: number | null;
  /** The platform's default keep time, in seconds. */
  defaultSeconds: number;
  at: Spot;
}

export interface CanaryFact {
  /** The first traffic weight (percent), or null when the canary declares no weights. */
  firstWeight: number | null;
  firstWeightAt: Spot | null;
  /** Seconds held at the first weight before expanding; null when held until promoted by hand. */
  holdSeconds: number | null;
  holdAt: Spot;
  /** An analysis or metric check that can abort the canary (Argo `analysis`, Flagger `metrics`). */
  hasGate: boolean;
  at: Spot;
}

export interface WorkloadFact {
  platform: Platform;
  /** "Deployment", "Rollout", "web service", "app", "task definition", … */
  kind: string;
  name: string;
  /** The environment the file is for, from its path; null when it applies to every environment. */
  environment: string | null;
  at: Spot;
  /** A kustomize patch or overlay fragment: it changes a workload defined elsewhere. */
  partial: boolean;
  health?: HealthFact;
  strategy?: StrategyFact;
  replicas?: { count: number; at: Spot };
  rollbackGaps?: RollbackGap[];
  blueGreen?: BlueGreenFact;
  canary?: CanaryFact;
  /** A rollback the platform does by itself when a release fails, configured here (ECS's circuit breaker). */
  automaticRollback?: { by: string; at: Spot };
  /** Kubernetes: namespace (null when the file sets none) and pod template labels, to match disruption budgets. */
  namespace?: string | null;
  podLabels?: Record<string, string>;
  /** An ECS service: what it runs and whether its load balancer gates traffic on health. */
  ecsService?: EcsServiceFact;
}

export interface EcsServiceFact {
  /** The task definition family it runs; null when given by a reference the pack does not resolve. */
  taskFamily: string | null;
  /** A load balancer target group health-checks its tasks before they get traffic. */
  targetGroupChecks: boolean;
}

export interface PdbFact {
  /** Null when the file sets none (kustomize or helm may set it for the whole folder). */
  namespace: string | null;
  matchLabels: Record<string, string>;
  /** The selector also has matchExpressions, which the pack does not evaluate. */
  hasExpressions: boolean;
}

export interface PlatformFileFact {
  platform: Platform;
  environment: string | null;
  workloads: WorkloadFact[];
  pdbs: PdbFact[];
  /** Why the file could not be read (not TOML, …), or null. */
  unreadable: string | null;
}

/** A gradual-exposure mechanism: a flag SDK, a traffic-shifting deployment setting, a gradual deploy command. */
export interface GradualFact {
  what: string;
}

// Facts are plain JSON by construction; the interfaces only lack Fact's index signature.
export const asFact = (value: object): Fact => value as unknown as Fact;
