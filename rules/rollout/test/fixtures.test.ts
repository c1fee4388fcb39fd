// Every platform fixture meets its model: the whole pack finds nothing in it. Variants that break
// one rule each are in the rules' own tests; the environment cases that cut across rules are here.
import { describe, expect, it } from "vitest";
import { fixture, PLATFORMS } from "./helpers/fixtures.js";
import { describeFindings, runPack } from "./helpers/run-pack.js";

describe("rollout platform fixtures", () => {
  for (const platform of PLATFORMS) {
    it(`${platform}: the fixture that meets the model has no findings`, async () => {
      expect(describeFindings(await runPack(fixture(platform)))).toEqual([]);
    });
  }

  const RECREATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  strategy:
    type: Recreate
`;

  it("judges a kustomize patch for production, not one for staging, and not its missing probes", async () => {
    const files = {
      ...fixture("k8s"),
      "deploy/overlays/staging/patch.yaml": RECREATE,
      "deploy/overlays/production/patch.yaml": RECREATE,
    };
    expect(describeFindings(await runPack(files))).toEqual([
      "rollout/zero-downtime deploy/overlays/production/patch.yaml:7",
    ]);
  });

  it("leaves manifests for a developer's cluster alone", async () => {
    const files = fixture("k8s");
    const deployment = files["deploy/k8s/deployment.yaml"] ?? "";
    const broken = deployment.replace(/ {10}readinessProbe:\n.*\n/, "");
    const findings = await runPack({ ...files, "hack/dev/deployment.yaml": broken.split("---")[0] ?? "" });
    expect(describeFindings(findings)).toEqual([]);
  });
});
