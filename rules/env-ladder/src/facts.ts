// The facts the env-ladder extractors emit and its project rules read: plain JSON with the
// positions findings need. No fact ever holds a secret value: values are classified at extraction.
import type { Fact } from "@deploylint/core/rule-api";

export const MANIFEST_FACT = "env-ladder:manifest";
export const VALUES_FACT = "env-ladder:values";
export const CI_JOB_FACT = "env-ladder:ci-job";
export const FLAG_READ_FACT = "env-ladder:flag-read";
/** Emitted by the env-docs pack: one documented variable of an example file. */
export const DOCUMENTED_FACT = "env-docs:documented";

export interface Spot {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ManifestField extends Spot {
  /** The field's value as plain JSON (manifest values are configuration, never secrets). */
  value: Fact;
}

export interface ManifestEnvironment extends Spot {
  name: string;
  fields: Record<string, ManifestField>;
}

export interface ManifestFlag extends Spot {
  name: string;
  /** Environment name (as written) -> its value and the key's position. */
  values: Record<string, ManifestField>;
}

export interface ManifestFact {
  /** Where the `environments:` key is, or null when the manifest has none. */
  environmentsKey: Spot | null;
  environments: ManifestEnvironment[];
  featureFlagsKey: Spot | null;
  featureFlags: ManifestFlag[];
  /** `branching.main` (or `ci.main_branch`), when declared. */
  mainBranch: string | null;
}

/** One variable an environment sets, with only what rules need to know about its value. */
export interface ValueEntry extends Spot {
  key: string;
  /** False for `KEY=` and for values that only reference a secret store. */
  hasValue: boolean;
  /** A recognised log level (lower case), for log-level-like keys. */
  level?: string;
  /** A classification such as "stripe-live", "paypal-sandbox" (see classify-value.ts). */
  endpoint?: string;
  /** The host of a URL value, without credentials, port or path. */
  host?: string;
}

export type ValueSource =
  | "dotenv"
  | "fly"
  | "vercel"
  | "netlify"
  | "render"
  | "wrangler"
  | "serverless"
  | "kustomize"
  | "helm"
  | "github-actions"
  | "gitlab-ci";

export interface ValuesFact {
  source: ValueSource;
  /**
   * The environment the values belong to, as the file names it; "*" for every deployed
   * environment; null for a dotenv file whose environment only the manifest can tell.
   */
  environment: string | null;
  entries: ValueEntry[];
}

export interface CiJobFact extends Spot {
  provider: "github-actions" | "gitlab-ci";
  id: string;
  /** The `environment:` name, or null. */
  environment: string | null;
  /** Branches the job can run from; null when any branch (or a pull request, or a manual run) can run it. */
  branches: string[] | null;
  /** Whether a tag push can run it. */
  tags: boolean;
  /** Jobs this one waits for (explicit `needs`, or earlier GitLab stages). */
  needs: string[];
  /** Whether a step runs a deploy command or action. */
  deploys: boolean;
  /** Whether the job runs the test suite (by name or command). */
  runsTests: boolean;
}

export interface FlagReadFact extends Spot {
  flag: string;
  via: string;
}

export interface DocumentedFact {
  key: string;
  line: number;
  required: boolean;
  sensitive: boolean;
}
