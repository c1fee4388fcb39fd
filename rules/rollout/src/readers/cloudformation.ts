// CloudFormation templates (YAML or JSON): `AWS::ECS::Service` resources become ECS service
// workloads, with whether their load balancer's target group (`AWS::ElasticLoadBalancingV2::TargetGroup`
// in the same template) health-checks the tasks. Intrinsic functions (!Ref, Fn::If, …) are unknown
// values, and an unknown never makes a finding.
import type { LineIndex } from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import type { WorkloadFact } from "../facts.js";
import { ecsServiceWorkload } from "./ecs.js";
import { asArray, asRecord, asString, spotter } from "./spots.js";
import { topLevelKeys } from "./top-level-keys.js";

/** Whether a parsed document is a CloudFormation template with resources. */
export function isCloudFormation(root: Record<string, unknown>): boolean {
  const resources = asRecord(root.Resources);
  return (
    root.AWSTemplateFormatVersion !== undefined ||
    Object.values(resources).some((resource) => /^AWS::/.test(asString(asRecord(resource).Type) ?? ""))
  );
}

export function readCloudFormation(document: Document, lines: LineIndex, environment: string | null): WorkloadFact[] {
  // Neither key at the top: not a template, whatever the document holds below.
  const keys = topLevelKeys(document);
  if (keys && !keys.has("AWSTemplateFormatVersion") && !keys.has("Resources")) return [];
  const root = asRecord(document.toJS({ maxAliasCount: 100 }));
  if (!isCloudFormation(root)) return [];
  const resources = asRecord(root.Resources);
  const spot = spotter(document, lines);
  const workloads: WorkloadFact[] = [];
  for (const [id, value] of Object.entries(resources)) {
    const resource = asRecord(value);
    if (resource.Type !== "AWS::ECS::Service") continue;
    const properties = asRecord(resource.Properties);
    const config = asRecord(properties.DeploymentConfiguration);
    const breaker = config.DeploymentCircuitBreaker === undefined ? null : asRecord(config.DeploymentCircuitBreaker);
    const path = ["Resources", id, "Properties"];
    const controller =
      properties.DeploymentController === undefined ? "ECS" : asString(asRecord(properties.DeploymentController).Type);
    const targetGroupChecks = asArray(properties.LoadBalancers).some((balancer) => {
      const arn = asRecord(balancer).TargetGroupArn;
      // A classic load balancer (LoadBalancerName) health-checks its instances too.
      if (arn === undefined) return asRecord(balancer).LoadBalancerName !== undefined;
      // A target group of this template (`!Ref Group` reads as "Group", `{ Ref: Group }` in JSON)
      // whose check is switched off does not gate; any other (imported, a parameter) is assumed to.
      const group = asRecord(resources[typeof arn === "string" ? arn : (asString(asRecord(arn).Ref) ?? "")]);
      return asRecord(group.Properties).HealthCheckEnabled !== false;
    });
    workloads.push(
      ecsServiceWorkload({
        name: asString(properties.ServiceName) ?? id,
        environment,
        at: spot(["Resources", id, "Type"]),
        controller,
        desiredCount: { value: properties.DesiredCount, at: spot([...path, "DesiredCount"]) },
        minimumHealthyPercent: {
          value: config.MinimumHealthyPercent,
          at: spot([...path, "DeploymentConfiguration", "MinimumHealthyPercent"]),
        },
        maximumPercent: config.MaximumPercent,
        breaker: breaker && { enable: breaker.Enable, rollback: breaker.Rollback },
        breakerAt: spot([...path, "DeploymentConfiguration", "DeploymentCircuitBreaker"]),
        taskDefinition:
          typeof properties.TaskDefinition === "string" ? unresolvedRef(properties.TaskDefinition, resources) : null,
        targetGroupChecks,
      }),
    );
  }
  return workloads;
}

// `!Ref TaskDefinition` reads as the logical id: that is no family. A literal family or ARN is.
function unresolvedRef(value: string, resources: Record<string, unknown>): string | null {
  return value in resources ? null : value;
}
