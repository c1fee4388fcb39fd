// Tests for rollout/disruption-budget.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { fixture, variant } from "./helpers/fixtures.js";

const tester = new RuleTester({ pack });
const DEPLOYMENT = "deploy/k8s/deployment.yaml";
const BUDGET = /---\napiVersion: policy\/v1[\s\S]*$/;

tester.run("disruption-budget", {
  valid: [
    { name: "every replicated workload has a budget selecting its pods", files: fixture("k8s") },
    { name: "one replica needs none", files: withOneReplica() },
  ],
  invalid: [
    {
      name: "three replicas, no budget: at the replicas key",
      files: variant("k8s", DEPLOYMENT, BUDGET, ""),
      errors: [
        {
          file: DEPLOYMENT,
          messageId: "missing",
          data: { workload: "Deployment web", replicas: 3 },
          line: 6,
          column: 3,
        },
      ],
    },
    {
      name: "a budget in another namespace selects nothing here",
      files: variant(
        "k8s",
        DEPLOYMENT,
        "  name: web\nspec:\n  minAvailable",
        "  name: web\n  namespace: other\nspec:\n  minAvailable",
      ),
      errors: [{ file: DEPLOYMENT, messageId: "missing", line: 6, column: 3 }],
    },
    {
      name: "a budget whose labels do not match the pods",
      files: variant(
        "k8s",
        DEPLOYMENT,
        "minAvailable: 2\n  selector:\n    matchLabels: { app: web }",
        "minAvailable: 2\n  selector:\n    matchLabels: { app: website }",
      ),
      errors: [{ file: DEPLOYMENT, messageId: "missing", line: 6, column: 3 }],
    },
  ],
});

function withOneReplica(): Record<string, string> {
  const files = variant("k8s", DEPLOYMENT, BUDGET, "");
  files[DEPLOYMENT] = (files[DEPLOYMENT] ?? "").replace("replicas: 3", "replicas: 1");
  return files;
}
