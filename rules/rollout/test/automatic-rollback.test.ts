// Tests for the export other packs read: which production workloads the platform rolls back by itself.
import { createLineIndex } from "@deploylint/core/sources";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { automaticRollbackOf, productionAutomaticRollbacks } from "../src/automatic-rollback.js";
import type { PlatformFileFact, WorkloadFact } from "../src/facts.js";
import { readEcs } from "../src/readers/ecs.js";

function ecsService(breaker: string, environment: string | null = null): WorkloadFact {
  const text = `{"serviceName": "shop", "taskDefinition": "shop", "deploymentConfiguration": {"deploymentCircuitBreaker": ${breaker}}}`;
  const workload = readEcs(parseDocument(text), createLineIndex(text), environment);
  if (!workload) throw new Error("not read as an ECS service");
  return workload;
}

const record = (workload: WorkloadFact, file = "ecs/service.json") => ({
  file,
  data: {
    platform: workload.platform,
    environment: workload.environment,
    workloads: [workload],
    pdbs: [],
    unreadable: null,
  } as PlatformFileFact,
});

describe("automatic rollback", () => {
  it("is ECS's circuit breaker when it enables and rolls back", () => {
    expect(automaticRollbackOf(ecsService('{"enable": true, "rollback": true}'))?.by).toBe(
      "the ECS deployment circuit breaker with rollback",
    );
    expect(automaticRollbackOf(ecsService('{"enable": true, "rollback": false}'))).toBeNull();
  });

  it("counts only for workloads that reach production", () => {
    const on = '{"enable": true, "rollback": true}';
    expect(productionAutomaticRollbacks([record(ecsService(on, "staging"))])).toEqual([]);
    expect(productionAutomaticRollbacks([record(ecsService(on, "prod"))]).map((found) => found.file)).toEqual([
      "ecs/service.json",
    ]);
  });
});
