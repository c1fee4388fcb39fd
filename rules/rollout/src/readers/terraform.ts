// Terraform (*.tf): `aws_ecs_service` resources become ECS service workloads (desired count,
// deployment percentages, circuit breaker, controller), with whether a load balancer target group
// health-checks their tasks (`load_balancer` → `aws_lb_target_group` `health_check`).
// Only literals are judged: a variable, a `dynamic` block or a module's output is unknown, and an
// unknown never makes a finding.
import type { LineIndex } from "@deploylint/core/rule-api";
import type { Spot, WorkloadFact } from "../facts.js";
import { ecsServiceWorkload } from "./ecs.js";
import { type HclAttribute, type HclBlock, readHcl } from "./hcl.js";

const TARGET_GROUPS = new Set(["aws_lb_target_group", "aws_alb_target_group"]);

export function isTerraformFile(path: string): boolean {
  return path.endsWith(".tf");
}

/** The ECS services of a Terraform file; null when the file cannot be followed as HCL. */
export function readTerraform(text: string, lines: LineIndex, environment: string | null): WorkloadFact[] | null {
  // Most .tf files have nothing to do with ECS: do not parse them.
  if (!text.includes("aws_ecs_service")) return [];
  const blocks = readHcl(text);
  if (!blocks) return null;
  const resources = blocks.filter((block) => block.type === "resource" && block.labels.length === 2);
  const disabledGroups = new Set(
    resources
      .filter((group) => TARGET_GROUPS.has(group.labels[0] ?? ""))
      .filter((group) =>
        group.blocks.some((b) => b.type === "health_check" && b.attributes.get("enabled")?.value === false),
      )
      .map((group) => `${group.labels[0]}.${group.labels[1]}`),
  );
  const spot = (offset: number): Spot => {
    const start = lines.positionAt(offset);
    return { line: start.line, column: start.column, endLine: start.line, endColumn: start.column + 1 };
  };
  return resources
    .filter((block) => block.labels[0] === "aws_ecs_service")
    .map((service) => serviceWorkload({ service, environment, spot, disabledGroups }));
}

function serviceWorkload(options: {
  service: HclBlock;
  environment: string | null;
  spot: (offset: number) => Spot;
  disabledGroups: Set<string>;
}): WorkloadFact {
  const { service, environment, spot, disabledGroups } = options;
  const attribute = (name: string): HclAttribute | undefined => service.attributes.get(name);
  const literal = (item: HclAttribute | undefined): unknown => (item?.literal ? item.value : undefined);
  const nested = (type: string) => service.blocks.filter((block) => block.type === type);
  const name = attribute("name");
  const breakerBlock = nested("deployment_circuit_breaker")[0];
  const dynamicBlocks = nested("dynamic").map((block) => block.labels[0]);
  const controller = nested("deployment_controller")[0]?.attributes.get("type");
  // `dynamic "load_balancer"` and a target group given by variable are load balancers whose
  // health check the pack cannot see; AWS checks a target group's health unless it is disabled.
  const targetGroupChecks =
    dynamicBlocks.includes("load_balancer") ||
    nested("load_balancer").some((block) => {
      const arn = block.attributes.get("target_group_arn");
      // A classic load balancer (elb_name) health-checks its instances too.
      if (!arn) return block.attributes.has("elb_name");
      return !disabledGroups.has(String(arn.value).replace(/\.(arn|id)$/, ""));
    });
  const breaker = dynamicBlocks.includes("deployment_circuit_breaker")
    ? { enable: undefined, rollback: undefined }
    : breakerBlock
      ? {
          enable: literal(breakerBlock.attributes.get("enable")),
          rollback: literal(breakerBlock.attributes.get("rollback")),
        }
      : null;
  return ecsServiceWorkload({
    name: typeof name?.value === "string" && name.literal ? name.value : (service.labels[1] ?? "service"),
    environment,
    at: spot(service.offset),
    // Without a deployment_controller block the service uses ECS rolling updates.
    controller: controller === undefined ? "ECS" : controller.literal ? String(controller.value) : null,
    desiredCount: {
      value: literal(attribute("desired_count")),
      at: spot(attribute("desired_count")?.offset ?? service.offset),
    },
    minimumHealthyPercent: {
      value: literal(attribute("deployment_minimum_healthy_percent")),
      at: spot(attribute("deployment_minimum_healthy_percent")?.offset ?? service.offset),
    },
    maximumPercent: literal(attribute("deployment_maximum_percent")),
    breaker,
    breakerAt: spot(breakerBlock?.offset ?? service.offset),
    taskDefinition: literal(attribute("task_definition")),
    targetGroupChecks,
  });
}
