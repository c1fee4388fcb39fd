// The pipeline pack: checks that the repository's CI runs the deployment pipeline the strategy
// prescribes (checks on every push, staging, smoke, approval, production, smoke, watch), read
// from the shared CI model (@deploylint/ci-model). Opt-in: its rules are off in `recommended`.
import { ciProviderOf } from "@deploylint/ci-model";
import { definePack } from "@deploylint/core/rule-api";
import { extractors, isManifest } from "./extractors.js";
import checksGateDeploy from "./rules/checks-gate-deploy.js";
import checksGateMerge from "./rules/checks-gate-merge.js";
import ciProviderMatches from "./rules/ci-provider-matches.js";
import noConcurrentProductionDeploys from "./rules/no-concurrent-production-deploys.js";
import postDeployWatch from "./rules/post-deploy-watch.js";
import productionApproval from "./rules/production-approval.js";
import requireChecks from "./rules/require-checks.js";
import smokeAfterDeploy from "./rules/smoke-after-deploy.js";
import stagingBeforeProduction from "./rules/staging-before-production.js";
import { pipelineSettingsSchema } from "./settings.js";

export type * from "./facts.js";
export {
  checksGateDeploy,
  checksGateMerge,
  ciProviderMatches,
  noConcurrentProductionDeploys,
  postDeployWatch,
  productionApproval,
  requireChecks,
  smokeAfterDeploy,
  stagingBeforeProduction,
};

export default definePack({
  name: "pipeline",
  settingsSchema: { pipeline: pipelineSettingsSchema },
  rules: [
    requireChecks,
    checksGateMerge,
    checksGateDeploy,
    stagingBeforeProduction,
    smokeAfterDeploy,
    productionApproval,
    postDeployWatch,
    noConcurrentProductionDeploys,
    ciProviderMatches,
  ],
  extractors,
  // A CI file that cannot be read is a finding, not a pipeline that silently has no checks.
  owns: (path, settings) => ciProviderOf(path) !== null || isManifest(path, settings),
});
