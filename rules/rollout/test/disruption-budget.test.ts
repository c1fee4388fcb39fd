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
    {
      name: "a budget without a namespace may be the workload's (kustomize sets it for the folder)",
      files: inNamespaces("shop", null),
    },
    {
      name: "a budget selecting by matchExpressions is taken to select the pods",
      files: variant(
        "k8s",
        DEPLOYMENT,
        /selector:\n {4}matchLabels: \{ app: web \}\n$/,
        "selector:\n    matchExpressions: [{ key: app, operator: In, values: [web] }]\n",
      ),
    },
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
      files: inNamespaces("shop", "other"),
      // The namespace line moves replicas down one.
      errors: [{ file: DEPLOYMENT, messageId: "missing", line: 7, column: 3 }],
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

/** The k8s fixture with the Deployment in namespace `deployment` and its budget in `budget` (null: none set). */
function inNamespaces(deployment: string, budget: string | null): Record<string, string> {
  const files = fixture("k8s");
  const [workload = "", pdb = ""] = (files[DEPLOYMENT] ?? "").split("---\n");
  const namespaced = (text: string, namespace: string | null) =>
    namespace === null
      ? text
      : text.replace(/metadata:\n {2}name: (\w+)\n/, `metadata:\n  name: $1\n  namespace: ${namespace}\n`);
  files[DEPLOYMENT] = `${namespaced(workload, deployment)}---\n${namespaced(pdb, budget)}`;
  return files;
}
