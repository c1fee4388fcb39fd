// Tests for rollout/zero-downtime.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { fixture, variant } from "./helpers/fixtures.js";

const tester = new RuleTester({ pack });
const DEPLOYMENT = "deploy/k8s/deployment.yaml";
const ROLLING = "    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1\n      maxSurge: 1\n";
const RECREATE = "    type: Recreate\n";
const recreate = () => (fixture("k8s")[DEPLOYMENT] ?? "").replace(ROLLING, RECREATE);

tester.run("zero-downtime", {
  valid: [
    { name: "k8s: a rolling update that keeps two of three replicas", files: fixture("k8s") },
    { name: "fly: rolling", files: fixture("fly") },
    { name: "ECS: half the tasks stay healthy", files: fixture("ecs") },
    { name: "k8s: Recreate for staging only", files: { "deploy/staging/deployment.yaml": recreate() } },
    {
      name: "k8s: Recreate with a persistent volume claim (a ReadWriteOnce volume leaves no other way)",
      files: {
        [DEPLOYMENT]: recreate().replace(
          "      containers:\n",
          "      volumes:\n        - name: data\n          persistentVolumeClaim: { claimName: data }\n      containers:\n",
        ),
      },
    },
    { name: "allowRecreate", files: { [DEPLOYMENT]: recreate() }, options: { allowRecreate: true } },
    { name: "allow by name", files: { [DEPLOYMENT]: recreate() }, options: { allow: ["web"] } },
  ],
  invalid: [
    {
      name: "k8s: Recreate in a base manifest, at the strategy type",
      files: variant("k8s", DEPLOYMENT, ROLLING, RECREATE),
      errors: [
        {
          file: DEPLOYMENT,
          messageId: "stopsAll",
          data: { workload: "Deployment web", strategy: "Recreate" },
          line: 12,
          column: 5,
        },
      ],
    },
    {
      name: "k8s: maxUnavailable equal to the replicas",
      files: variant("k8s", DEPLOYMENT, "maxUnavailable: 1", "maxUnavailable: 3"),
      errors: [
        {
          file: DEPLOYMENT,
          messageId: "stopsAll",
          data: { workload: "Deployment web", strategy: "RollingUpdate with maxUnavailable 3" },
          line: 14,
          column: 7,
        },
      ],
    },
    {
      name: "k8s: maxUnavailable 100% in a production overlay",
      files: {
        "deploy/overlays/prod/deployment.yaml": (fixture("k8s")[DEPLOYMENT] ?? "").replace(
          "maxUnavailable: 1",
          'maxUnavailable: "100%"',
        ),
      },
      errors: [{ file: "deploy/overlays/prod/deployment.yaml", messageId: "stopsAll", line: 14, column: 7 }],
    },
    {
      name: "fly: immediate",
      files: variant("fly", "fly.toml", 'strategy = "rolling"', 'strategy = "immediate"'),
      errors: [
        {
          file: "fly.toml",
          messageId: "stopsAll",
          data: { workload: "fly app shop", strategy: "immediate" },
          line: 5,
          column: 3,
        },
      ],
    },
    {
      name: "ECS: no healthy minimum and no room above 100%",
      files: variant(
        "ecs",
        "deploy/ecs/service.json",
        '"minimumHealthyPercent": 50,\n    "maximumPercent": 200',
        '"minimumHealthyPercent": 0,\n    "maximumPercent": 100',
      ),
      errors: [{ file: "deploy/ecs/service.json", messageId: "stopsAll", line: 6, column: 5 }],
    },
    {
      name: "ECS + Terraform: deployment_minimum_healthy_percent 0 and maximum 100",
      files: variant(
        "ecs-terraform",
        "infra/service.tf",
        "deployment_minimum_healthy_percent = 50\n  deployment_maximum_percent         = 200",
        "deployment_minimum_healthy_percent = 0\n  deployment_maximum_percent         = 100",
      ),
      errors: [{ file: "infra/service.tf", messageId: "stopsAll", line: 24, column: 3 }],
    },
  ],
});
