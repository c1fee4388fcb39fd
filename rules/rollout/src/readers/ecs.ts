// Amazon ECS JSON: a task definition (`containerDefinitions`) and a service definition
// (`deploymentConfiguration`, as `aws ecs create-service --cli-input-json` takes it).
import type { LineIndex } from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import type { RollbackGap, WorkloadFact } from "../facts.js";
import { asArray, asNumber, asRecord, asString, spotter } from "./spots.js";

export function readEcs(document: Document, lines: LineIndex, environment: string | null): WorkloadFact | null {
  const root = asRecord(document.toJS({ maxAliasCount: 100 }));
  const spot = spotter(document, lines);
  if (Array.isArray(root.containerDefinitions)) {
    const containers = asArray(root.containerDefinitions).map(asRecord);
    const essential = containers.findIndex((c) => c.essential !== false);
    const checked = containers.findIndex((c) => c.healthCheck !== undefined);
    // A task that maps no port serves no traffic (a worker): nothing to gate.
    const serving = containers.some((c) => asArray(c.portMappings).length > 0);
    const workload: WorkloadFact = {
      platform: "ecs",
      kind: "task definition",
      name: asString(root.family) ?? "task definition",
      environment,
      at: spot(["family"]),
      partial: false,
      health: {
        state: checked >= 0 ? "present" : "missing",
        at: spot([
          "containerDefinitions",
          checked >= 0 ? checked : Math.max(essential, 0),
          checked >= 0 ? "healthCheck" : "name",
        ]),
        add: "a container healthCheck (and a target group health check on the load balancer)",
      },
    };
    if (!serving) delete workload.health;
    return workload;
  }
  const isService =
    root.deploymentConfiguration !== undefined || (root.serviceName !== undefined && root.taskDefinition !== undefined);
  if (!isService) return null;
  const config = asRecord(root.deploymentConfiguration);
  const controller = asString(asRecord(root.deploymentController).type) ?? "ECS";
  const workload: WorkloadFact = {
    platform: "ecs",
    kind: "service",
    name: asString(root.serviceName) ?? "service",
    environment,
    at: spot(["serviceName"]),
    partial: false,
  };
  const count = asNumber(root.desiredCount);
  if (count !== null) workload.replicas = { count, at: spot(["desiredCount"]) };
  const minimum = asNumber(config.minimumHealthyPercent);
  const maximum = asNumber(config.maximumPercent) ?? 200;
  if (controller === "ECS" && minimum !== null)
    workload.strategy = {
      name: `minimumHealthyPercent ${minimum} with maximumPercent ${maximum}`,
      // With no healthy minimum and no room above 100%, ECS stops every task before starting new ones.
      stopsAll: minimum === 0 && maximum <= 100,
      at: spot(["deploymentConfiguration", "minimumHealthyPercent"]),
    };
  const breaker = asRecord(config.deploymentCircuitBreaker);
  const gaps: RollbackGap[] = [];
  // CodeDeploy (blue/green) and external controllers roll back by their own means.
  if (controller === "ECS" && !(breaker.enable === true && breaker.rollback === true))
    gaps.push({
      problem:
        config.deploymentCircuitBreaker === undefined
          ? "the service has no deployment circuit breaker, so a failing deployment is not rolled back"
          : "its deployment circuit breaker does not both enable and roll back",
      at: spot(["deploymentConfiguration", "deploymentCircuitBreaker"]),
    });
  if (gaps.length > 0) workload.rollbackGaps = gaps;
  else if (controller === "ECS")
    workload.automaticRollback = {
      by: "the ECS deployment circuit breaker with rollback",
      at: spot(["deploymentConfiguration", "deploymentCircuitBreaker"]),
    };
  return workload;
}
