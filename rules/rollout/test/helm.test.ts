// Helm charts: the rollout rules judge each environment's values (values.yaml, then
// values-<env>.yaml over it) as the chart's templates render them; a value no values file sets,
// or a template condition the reader does not evaluate, makes no finding.
import { describe, expect, it } from "vitest";
import { fixture, variant } from "./helpers/fixtures.js";
import { describeFindings, runPack } from "./helpers/run-pack.js";

const CHART = "charts/shop";
const PRODUCTION = `${CHART}/values-production.yaml`;
const BASE = `${CHART}/values.yaml`;
const DEPLOYMENT = `${CHART}/templates/deployment.yaml`;
const PDB = `${CHART}/templates/pdb.yaml`;

const findings = async (files: Record<string, string>) => describeFindings(await runPack(files));

describe("rollout on a Helm chart", () => {
  it("production without its PodDisruptionBudget: at the replica count the values set", async () => {
    const files = variant("helm", PRODUCTION, "enabled: true", "enabled: false");
    expect(await findings(files)).toEqual([`rollout/disruption-budget ${PRODUCTION}:1`]);
  });

  it("a chart without a PodDisruptionBudget template, at every environment with more than one replica", async () => {
    const files = variant("helm", PDB, /[\s\S]*/, null);
    expect(await findings(files)).toEqual([`rollout/disruption-budget ${PRODUCTION}:1`]);
  });

  it("production values that switch the readiness probe off", async () => {
    const files = variant("helm", PRODUCTION, "replicaCount: 3\n", "replicaCount: 3\nreadinessProbe: null\n");
    expect(await findings(files)).toEqual([`rollout/health-checks ${PRODUCTION}:2`]);
  });

  it("values-prod-eu.yaml is a production environment", async () => {
    const files = fixture("helm");
    files[`${CHART}/values-prod-eu.yaml`] = (files[PRODUCTION] ?? "").replace("enabled: true", "enabled: false");
    expect(await findings(files)).toEqual([`rollout/disruption-budget ${CHART}/values-prod-eu.yaml:1`]);
  });

  it("a Recreate strategy in production values", async () => {
    const files = variant("helm", PRODUCTION, "replicaCount: 3\n", "replicaCount: 3\nstrategy:\n  type: Recreate\n");
    expect(await findings(files)).toEqual([`rollout/zero-downtime ${PRODUCTION}:3`]);
  });

  it("a staging-only problem is left to staging (Recreate) but health is judged there too", async () => {
    const files = variant(
      "helm",
      `${CHART}/values-staging.yaml`,
      "replicaCount: 1\n",
      "strategy:\n  type: Recreate\nreadinessProbe: {}\n",
    );
    // `{}` over the defaults' probe keeps it (Helm merges maps): only zero-downtime could speak, and not for staging.
    expect(await findings(files)).toEqual([]);
  });

  it("only the defaults (no values per environment) are judged as what is deployed", async () => {
    const files = fixture("helm");
    delete files[PRODUCTION];
    delete files[`${CHART}/values-staging.yaml`];
    files[BASE] = (files[BASE] ?? "").replace("replicaCount: 1", "replicaCount: 2");
    expect(await findings(files)).toEqual([`rollout/disruption-budget ${BASE}:1`]);
  });

  it("a chart a helmfile releases takes its values from the helmfile: its defaults alone are not judged", async () => {
    const files = fixture("helm");
    delete files[PRODUCTION];
    delete files[`${CHART}/values-staging.yaml`];
    files[BASE] = (files[BASE] ?? "").replace("replicaCount: 1", "replicaCount: 2");
    files["helmfile.yaml"] =
      "releases:\n  - name: shop\n    chart: ./charts/shop\n    values:\n      - environments/{{ .Environment.Name }}/shop.yaml\n";
    expect(await findings(files)).toEqual([]);
  });

  it("says nothing about what it cannot resolve", async () => {
    const unset = fixture("helm");
    // The probe comes from values no file sets (--set, a file outside the chart).
    unset[BASE] = (unset[BASE] ?? "").replace(/readinessProbe:\n( {2}.*\n)*/, "");
    expect(await findings(unset)).toEqual([]);
    // A probe given by a YAML alias is not taken for null.
    const alias = variant(
      "helm",
      PRODUCTION,
      "replicaCount: 3\n",
      "replicaCount: 3\nprobes:\n  ready: &probe\n    httpGet: { path: /ready, port: http }\nreadinessProbe: *probe\n",
    );
    expect(await findings(alias)).toEqual([]);
    // Replicas under a condition the reader does not evaluate.
    const guarded = variant("helm", DEPLOYMENT, "if not .Values.autoscaling.enabled", 'if eq .Values.mode "static"');
    guarded[PRODUCTION] = (guarded[PRODUCTION] ?? "").replace("enabled: true", "enabled: false");
    expect(await findings(guarded)).toEqual([]);
    // A budget rendered under a condition it does not evaluate is taken to exist.
    const budget = variant("helm", PDB, "if .Values.podDisruptionBudget.enabled", "if and .Values.pdb .Values.ha");
    budget[PRODUCTION] = (budget[PRODUCTION] ?? "").replace("enabled: true", "enabled: false");
    expect(await findings(budget)).toEqual([]);
  });

  it("autoscaling on: the replica count is the autoscaler's, not the values'", async () => {
    const files = variant("helm", PRODUCTION, "enabled: true", "enabled: false\nautoscaling:\n  enabled: true");
    expect(await findings(files)).toEqual([]);
  });
});
