// The rollout pack: the rollout fits the declared deployment model (architecture.deployment_model)
// on every platform the repository deploys to. Opt-in: its rules are on in the `strategy` preset.
import { definePack } from "@deploylint/core/rule-api";
import { extractors } from "./extractors.js";
import { ownsRolloutFile } from "./owns.js";
import canaryCriteria from "./rules/canary-criteria.js";
import disruptionBudget from "./rules/disruption-budget.js";
import gradualExposure from "./rules/gradual-exposure.js";
import healthChecks from "./rules/health-checks.js";
import modelDeclared from "./rules/model-declared.js";
import rollbackReady from "./rules/rollback-ready.js";
import zeroDowntime from "./rules/zero-downtime.js";

export {
  type AutomaticRollback,
  automaticRollbackOf,
  PLATFORM_FILE_FACT,
  productionAutomaticRollbacks,
} from "./automatic-rollback.js";
export type * from "./facts.js";
export { platformOfPath } from "./readers/presence.js";
export { canaryCriteria, disruptionBudget, gradualExposure, healthChecks, modelDeclared, rollbackReady, zeroDowntime };

export default definePack({
  name: "rollout",
  rules: [modelDeclared, healthChecks, zeroDowntime, rollbackReady, canaryCriteria, disruptionBudget, gradualExposure],
  extractors,
  owns: ownsRolloutFile,
});
