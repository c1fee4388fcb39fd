// The facts the pipeline pack's extractors emit: every pipeline of the CI model (a CiPipeline,
// plain JSON without command text), and the CI provider the manifest names.
import type { Spot } from "@deploylint/ci-model";

export const PIPELINE_FACT = "pipeline:pipeline";
export const MANIFEST_CI_FACT = "pipeline:manifest-ci";

/** `ci.provider` of company.config.yaml, at its key. */
export interface ManifestCiFact extends Spot {
  provider: string;
}
