// The facts the pipeline pack's extractors emit: every pipeline of the CI model (a CiPipeline,
// plain JSON without command text), and the CI provider the manifest names.
import type { Spot } from "@deploylint/ci-model";

export const PIPELINE_FACT = "pipeline:pipeline";
export const MANIFEST_CI_FACT = "pipeline:manifest-ci";
export const MANIFEST_HOSTS_FACT = "pipeline:manifest-hosts";

/** `ci.provider` of company.config.yaml, at its key. */
export interface ManifestCiFact extends Spot {
  provider: string;
}

/** The host of each environment's `url` in the manifest (host only: a URL may carry credentials). */
export interface ManifestHostsFact {
  hosts: { environment: string; host: string }[];
}
