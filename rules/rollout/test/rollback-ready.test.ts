// Tests for rollout/rollback-ready.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { fixture, variant } from "./helpers/fixtures.js";

const tester = new RuleTester({ pack });
const ADMIN = "deploy/k8s/admin.yaml";
const SERVICE = "deploy/ecs/service.json";

tester.run("rollback-ready", {
  valid: [
    { name: "k8s: revisions kept, old colour kept an hour", files: fixture("k8s") },
    { name: "ECS: circuit breaker with rollback", files: fixture("ecs") },
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
