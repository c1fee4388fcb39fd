// The env-ladder pack: checks the environment ladder (local -> staging -> production) that the
// manifest declares against what the repository configures.
import { definePack } from "@deploylint/core/rule-api";
import { extractors } from "./extractors.js";
import { ownsLadderFile } from "./owns.js";
import databaseParity from "./rules/database-parity.js";
import envVarsPerEnvironment from "./rules/env-vars-per-environment.js";
import featureFlagsPerEnvironment from "./rules/feature-flags-per-environment.js";
import logLevelLadder from "./rules/log-level-ladder.js";
import monitoringLadder from "./rules/monitoring-ladder.js";
import noProductionEndpointOutsideProduction from "./rules/no-production-endpoint-outside-production.js";
import noRealDataOutsideProduction from "./rules/no-real-data-outside-production.js";
import productionDeployViaCi from "./rules/production-deploy-via-ci.js";
import requireEnvironmentFields from "./rules/require-environment-fields.js";
import requireEnvironments from "./rules/require-environments.js";
import validManifest from "./rules/valid-manifest.js";
import { ladderSettingsSchema } from "./settings-schema.js";

export type * from "./facts.js";
// For packs that read the ladder too (strategy-docs): which file is the manifest, which names are one environment.
export { sameEnvironment } from "./ladder.js";
export { isManifestFile } from "./manifest.js";
export {
  databaseParity,
  envVarsPerEnvironment,
  featureFlagsPerEnvironment,
  logLevelLadder,
  monitoringLadder,
  noProductionEndpointOutsideProduction,
  noRealDataOutsideProduction,
  productionDeployViaCi,
  requireEnvironmentFields,
  requireEnvironments,
  validManifest,
};

export default definePack({
  name: "env-ladder",
  settingsSchema: { ladder: ladderSettingsSchema },
  rules: [
    validManifest,
    requireEnvironments,
    requireEnvironmentFields,
    databaseParity,
    noRealDataOutsideProduction,
    logLevelLadder,
    productionDeployViaCi,
    monitoringLadder,
    noProductionEndpointOutsideProduction,
    envVarsPerEnvironment,
    featureFlagsPerEnvironment,
  ],
  extractors,
  owns: ownsLadderFile,
});
