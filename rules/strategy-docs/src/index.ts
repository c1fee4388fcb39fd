// The strategy-docs pack: the deployment strategy document (standards/ops/deployment-strategy.md)
// and each RFC's deployment plan exist, say what they must, and agree with the repository they
// describe. Opt-in: its rules are on in the `strategy` preset. `deploylint strategy` writes the
// document these rules read; STRATEGY_SECTIONS is the contract between them.
import { definePack } from "@deploylint/core/rule-api";
import { extractors } from "./extractors.js";
import { DEFAULT_RFCS, DEFAULT_STRATEGY } from "./paths.js";
import ladderMatchesManifest from "./rules/ladder-matches-manifest.js";
import migrationRulesStated from "./rules/migration-rules-stated.js";
import requireStrategy from "./rules/require-strategy.js";
import rfcDeploymentPlan from "./rules/rfc-deployment-plan.js";
import rollbackProcedure from "./rules/rollback-procedure.js";
import rolloutMatchesModel from "./rules/rollout-matches-model.js";
import { strategyDocsSettingsSchema } from "./settings-schema.js";

export type * from "./facts.js";
export { FILL_IN_COMMENT, FILL_IN_MARKER } from "./markdown/marker.js";
export { type SectionId, STRATEGY_SECTIONS, type StrategySection } from "./sections.js";
export {
  DEFAULT_RFCS,
  DEFAULT_STRATEGY,
  ladderMatchesManifest,
  migrationRulesStated,
  requireStrategy,
  rfcDeploymentPlan,
  rollbackProcedure,
  rolloutMatchesModel,
};

export default definePack({
  name: "strategy-docs",
  settingsSchema: { strategyDocs: strategyDocsSettingsSchema },
  rules: [
    requireStrategy,
    ladderMatchesManifest,
    rolloutMatchesModel,
    rollbackProcedure,
    migrationRulesStated,
    rfcDeploymentPlan,
  ],
  extractors,
});
