// Tests for rollout/rollback-ready.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { fixture, variant } from "./helpers/fixtures.js";

const tester = new RuleTester({ pack });
const ADMIN = "deploy/k8s/admin.yaml";
const SERVICE = "deploy/ecs/service.json";
const TF = "infra/service.tf";

tester.run("rollback-ready", {
  valid: [
    { name: "k8s: revisions kept, old colour kept an hour", files: fixture("k8s") },
    { name: "ECS: circuit breaker with rollback", files: fixture("ecs") },
    { name: "ECS + Terraform: deployment_circuit_breaker with rollback", files: fixture("ecs-terraform") },
    { name: "ECS + CloudFormation: DeploymentCircuitBreaker with Rollback", files: fixture("ecs-cloudformation") },
    {
      name: "ECS + Terraform: a breaker set from a variable is not judged",
      files: variant("ecs-terraform", TF, "rollback = true", "rollback = var.rollback_on_failure"),
    },
    {
      name: "ECS + Terraform: a CodeDeploy-controlled service rolls back by CodeDeploy",
      files: variant(
        "ecs-terraform",
        TF,
        /\n {2}deployment_circuit_breaker \{[^}]*\}\n/,
        '\n  deployment_controller {\n    type = "CODE_DEPLOY"\n  }\n',
      ),
    },
    {
      name: "ECS: CodeDeploy blue/green rolls back by its own means",
      files: {
        [SERVICE]:
          '{ "serviceName": "shop", "taskDefinition": "shop", "deploymentController": { "type": "CODE_DEPLOY" } }',
      },
    },
    {
      name: "a shorter blue-green window by option",
      files: variant("k8s", ADMIN, "scaleDownDelaySeconds: 3600", "scaleDownDelaySeconds: 600"),
      options: { blueGreenWindowMinutes: 10 },
    },
    {
      name: "revisionHistoryLimit 0 in a staging overlay",
      files: {
        "deploy/overlays/staging/deployment.yaml":
          "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  revisionHistoryLimit: 0\n",
      },
    },
  ],
  invalid: [
    {
      name: "k8s: revisionHistoryLimit 0",
      files: variant("k8s", "deploy/k8s/deployment.yaml", "revisionHistoryLimit: 5", "revisionHistoryLimit: 0"),
      errors: [
        {
          file: "deploy/k8s/deployment.yaml",
          messageId: "gap",
          data: { workload: "Deployment web", problem: "revisionHistoryLimit is 0, so no previous revision is kept" },
          line: 7,
          column: 3,
        },
      ],
    },
    {
      name: "ECS: a circuit breaker that does not roll back",
      files: variant("ecs", SERVICE, '"rollback": true', '"rollback": false'),
      errors: [{ file: SERVICE, messageId: "gap", line: 8, column: 5 }],
    },
    {
      name: "ECS: no circuit breaker, at the deployment configuration",
      files: variant("ecs", SERVICE, /,\n\s*"deploymentCircuitBreaker".*/, ""),
      errors: [{ file: SERVICE, messageId: "gap", line: 5, column: 3 }],
    },
    {
      name: "ECS + Terraform: no deployment_circuit_breaker, at the service",
      files: variant("ecs-terraform", TF, /\n {2}deployment_circuit_breaker \{[^}]*\}\n/, "\n"),
      errors: [
        {
          file: TF,
          messageId: "gap",
          data: {
            workload: "ecs service shop",
            problem: "the service has no deployment circuit breaker, so a failing deployment is not rolled back",
          },
          line: 18,
          column: 1,
        },
      ],
    },
    {
      name: "ECS + CloudFormation: a circuit breaker that does not roll back",
      files: variant("ecs-cloudformation", "stack.yaml", "Rollback: true", "Rollback: false"),
      errors: [{ file: "stack.yaml", messageId: "gap", line: 33, column: 9 }],
    },
    {
      name: "Argo blue-green: the old colour scaled down after 30 seconds",
      files: variant("k8s", ADMIN, "scaleDownDelaySeconds: 3600", "scaleDownDelaySeconds: 30"),
      errors: [
        {
          file: ADMIN,
          messageId: "colourDropped",
          data: { workload: "Rollout admin", kept: "30 seconds", window: "60 minutes" },
          line: 24,
          column: 7,
        },
      ],
    },
    {
      name: "Argo blue-green: the default delay, at the blueGreen key",
      files: variant("k8s", ADMIN, "      scaleDownDelaySeconds: 3600\n", ""),
      errors: [{ file: ADMIN, messageId: "colourDropped", line: 21, column: 5 }],
    },
  ],
});
