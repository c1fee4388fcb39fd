// What the strategy document is written from, as plain data: the generator (render.ts) is a pure
// function of this, so each section can be tested without a repository on disk.
import type { CiPipeline } from "@deploylint/ci-model";

/** One environment of the ladder manifest, its table cells already rendered (null: not declared). */
export interface LadderRow {
  name: string;
  database: string | null;
  data: string | null;
  monitoring: string | null;
  access: string | null;
}

export interface ManifestInputs {
  /** The manifest file, relative to the working directory. */
  path: string;
  environments: LadderRow[];
  /** architecture.deployment_model as written, or null. */
  deploymentModel: string | null;
  /** Production's alert channel and on-call rotation, when the manifest declares them. */
  productionAlerts: string | null;
  productionOnCall: string | null;
  /** `docs.deployment_strategy`: where the manifest says the strategy document lives, or null. */
  strategyDocument: string | null;
  /** Names of the declared feature flags (feature_flags:). */
  featureFlags: string[];
}

export interface PlatformFile {
  file: string;
  /** A rollout platform (fly, vercel, kubernetes, helm, ecs, …). */
  platform: string;
  /** The rollout strategies the file configures (canary, blue-green, rolling, all at once); empty when it sets none. */
  strategies: string[];
}

export interface RuleState {
  id: string;
  description: string;
  /** The resolved severity: error, warn, info or off. */
  severity: string;
}

export interface MigrationFolder {
  path: string;
  framework: string;
  dialect: string | null;
  files: number;
}

export interface DocumentedVariables {
  file: string;
  count: number;
  required: number;
  /** Variables marked @sensitive, with their @rotation note (null when the file gives none). Names only, never values. */
  sensitive: { name: string; rotation: string | null }[];
}

export interface SmokeCheckSummary {
  name: string;
  kind: string | null;
  /** The request paths, one per step. */
  paths: string[];
  /** The environments it runs in; null for every one. */
  environments: string[] | null;
}

export interface StrategyInputs {
  manifest: ManifestInputs | null;
  pipelines: CiPipeline[];
  platforms: PlatformFile[];
  migrationFolders: MigrationFolder[];
  /** Every rule of the migrations pack with the severity the resolved config gives it. */
  migrationRules: RuleState[];
  envFiles: DocumentedVariables[];
  smoke: { declared: boolean; checks: SmokeCheckSummary[] };
}
