// Amazon ECS JSON: a task definition (`containerDefinitions`) and a service definition
// (`deploymentConfiguration`, as `aws ecs create-service --cli-input-json` takes it).
import type { LineIndex } from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import type { Spot, WorkloadFact } from "../facts.js";
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
  const breaker = config.deploymentCircuitBreaker === undefined ? null : asRecord(config.deploymentCircuitBreaker);
  return ecsServiceWorkload({
    name: asString(root.serviceName) ?? "service",
    environment,
    at: spot(["serviceName"]),
    controller: asString(asRecord(root.deploymentController).type) ?? "ECS",
    desiredCount: { value: root.desiredCount, at: spot(["desiredCount"]) },
    minimumHealthyPercent: {
      value: config.minimumHealthyPercent,
      at: spot(["deploymentConfiguration", "minimumHealthyPercent"]),
    },
    maximumPercent: config.maximumPercent,
    breaker: breaker && { enable: breaker.enable, rollback: breaker.rollback },
    breakerAt: spot(["deploymentConfiguration", "deploymentCircuitBreaker"]),
    taskDefinition: root.taskDefinition,
    // The target group is defined elsewhere; AWS health-checks a target group unless told not to.
    targetGroupChecks: asArray(root.loadBalancers).some(
      (lb) => asRecord(lb).targetGroupArn !== undefined || asRecord(lb).loadBalancerName !== undefined,
    ),
  });
}

/** An ECS service as the JSON, Terraform and CloudFormation readers see it; values not yet checked. */
export interface EcsServiceParts {
  name: string;
  environment: string | null;
  at: Spot;
  /** ECS (rolling), CODE_DEPLOY, EXTERNAL; null when not a literal. */
  controller: string | null;
  desiredCount: { value: unknown; at: Spot };
  minimumHealthyPercent: { value: unknown; at: Spot };
  maximumPercent: unknown;
  /** The circuit breaker's settings (true, false, or something unresolved), or null when absent. */
  breaker: { enable: unknown; rollback: unknown } | null;
  breakerAt: Spot;
  taskDefinition: unknown;
  targetGroupChecks: boolean;
}

export function ecsServiceWorkload(parts: EcsServiceParts): WorkloadFact {
  const workload: WorkloadFact = {
    platform: "ecs",
    kind: "service",
    name: parts.name,
    environment: parts.environment,
    at: parts.at,
    partial: false,
    ecsService: { taskFamily: familyOf(parts.taskDefinition), targetGroupChecks: parts.targetGroupChecks },
  };
  const count = asNumber(parts.desiredCount.value);
  if (count !== null) workload.replicas = { count, at: parts.desiredCount.at };
  const controller = parts.controller;
  const minimum = asNumber(parts.minimumHealthyPercent.value);
  const maximum = asNumber(parts.maximumPercent) ?? 200;
  if (controller === "ECS" && minimum !== null)
    workload.strategy = {
      name: `minimumHealthyPercent ${minimum} with maximumPercent ${maximum}`,
      // With no healthy minimum and no room above 100%, ECS stops every task before starting new ones.
      stopsAll: minimum === 0 && maximum <= 100,
      at: parts.minimumHealthyPercent.at,
    };
  const breaker = parts.breaker;
  // A setting the pack cannot read (a variable) may well be true: no finding then.
  const unresolved = breaker !== null && [breaker.enable, breaker.rollback].some((v) => typeof v !== "boolean");
  // CodeDeploy (blue/green) and external controllers roll back by their own means.
  if (controller === "ECS" && !unresolved && !(breaker?.enable === true && breaker.rollback === true))
    workload.rollbackGaps = [
      {
        problem:
          breaker === null
            ? "the service has no deployment circuit breaker, so a failing deployment is not rolled back"
            : "its deployment circuit breaker does not both enable and roll back",
        at: parts.breakerAt,
      },
    ];
  else if (controller === "ECS" && breaker?.enable === true && breaker.rollback === true)
    // pipeline/post-deploy-watch accepts this as the watch that rolls a bad production deploy back.
    workload.automaticRollback = { by: "the ECS deployment circuit breaker with rollback", at: parts.breakerAt };
  return workload;
}

/** The family of `shop`, `shop:3` or `arn:aws:ecs:…:task-definition/shop:3`; null for anything else. */
export function familyOf(reference: unknown): string | null {
  if (typeof reference !== "string") return null;
  const match = /^(?:arn:aws[\w-]*:ecs:[^:]*:[^:]*:task-definition\/)?([A-Za-z0-9_-]+)(?::\d+)?$/.exec(
    reference.trim(),
  );
  return match?.[1] ?? null;
}
