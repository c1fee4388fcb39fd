// What other packs may ask of the rollout facts: which production workloads the platform rolls
// back by itself when a release fails (pipeline/post-deploy-watch accepts that as the watch).
import type { FactRecord } from "@deploylint/core/rule-api";
import { PLATFORM_FILE_FACT, type PlatformFileFact, type Spot, type WorkloadFact } from "./facts.js";
import { reachesProduction } from "./readers/environment.js";

export { PLATFORM_FILE_FACT };

export interface AutomaticRollback {
  file: string;
  /** "the ECS deployment circuit breaker with rollback", "Argo Rollouts analysis on Rollout web". */
  by: string;
  at: Spot;
}

/** What rolls `workload` back by itself: ECS's circuit breaker, a canary whose analysis can abort it. */
export function automaticRollbackOf(workload: WorkloadFact): { by: string; at: Spot } | null {
  if (workload.automaticRollback) return workload.automaticRollback;
  // An analysis (Argo Rollouts) or metric checks with a failure threshold (Flagger) abort the
  // canary and shift traffic back to the stable version.
  if (workload.canary?.hasGate) {
    const tool = workload.kind === "Rollout" ? "Argo Rollouts analysis" : "Flagger metric analysis";
    return { by: `${tool} on ${workload.kind} ${workload.name}`, at: workload.canary.at };
  }
  return null;
}

/** The automatic rollbacks configured for workloads that reach production (production or a base). */
export function productionAutomaticRollbacks(records: readonly FactRecord<PlatformFileFact>[]): AutomaticRollback[] {
  return records.flatMap((record) =>
    record.data.workloads.flatMap((workload) => {
      if (!reachesProduction(workload.environment)) return [];
      const found = automaticRollbackOf(workload);
      return found ? [{ file: record.file, ...found }] : [];
    }),
  );
}
