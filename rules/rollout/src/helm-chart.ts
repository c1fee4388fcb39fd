// A Helm chart as platform files: its workload templates rendered, as far as this pack needs, with
// the values of each environment (values.yaml, then values-<env>.yaml or values/<env>.yaml over it,
// merged key by key as Helm does). One platform-file record per environment, on its values file.
// A value no values file sets (it may come from --set or a file outside the chart) is unknown, and
// the facts leave it out rather than guess: no finding comes from it.
import type { FactRecord } from "@deploylint/core/rule-api";
import type { PdbFact, PlatformFileFact, Spot, WorkloadFact } from "./facts.js";
import type { HelmCondition, HelmTemplateFact, HelmValue, HelmValuesFact } from "./readers/helm.js";

type Resolved = HelmValue | undefined;

export function helmPlatformFiles(options: {
  templates: FactRecord<HelmTemplateFact>[];
  values: FactRecord<HelmValuesFact>[];
  /** Charts a helmfile releases: their values come from it, so their defaults alone are not judged. */
  helmfileCharts: string[];
}): FactRecord<PlatformFileFact>[] {
  const { templates, values, helmfileCharts } = options;
  const charts = [...new Set(templates.map((record) => record.data.chart))].sort();
  return charts.flatMap((chart) => {
    const ofChart = templates.filter((record) => record.data.chart === chart);
    const files = values.filter((record) => record.data.chart === chart);
    const base = files.find((record) => record.data.environment === null);
    const environments = files.filter((record) => record.data.environment !== null);
    // With values per environment, the chart's defaults alone are never what is deployed.
    const released = helmfileCharts.includes(chart);
    const targets = environments.length > 0 ? environments : base && !released ? [base] : [];
    return targets.map((target) => {
      const resolve = resolver(base && base !== target ? [base.data, target.data] : [target.data]);
      const spot = (path: string | null): Spot => {
        const line = path ? target.data.lines[path] : undefined;
        return { line: line ?? 1, column: 1, endLine: line ?? 1, endColumn: 2 };
      };
      const environment = target.data.environment;
      const workloads = ofChart.flatMap((record) => {
        const workload = record.data.workload;
        return workload ? [workloadOf({ chart, template: workload, environment, resolve, spot })] : [];
      });
      const pdbs = ofChart.flatMap((record) => (record.data.pdb ? budgetOf(record.data.pdb.when, resolve) : []));
      const data: PlatformFileFact = { platform: "helm", environment, workloads, pdbs, unreadable: null };
      return { file: target.file, data };
    });
  });
}

function workloadOf(options: {
  chart: string;
  template: NonNullable<HelmTemplateFact["workload"]>;
  environment: string | null;
  resolve: (path: string) => Resolved;
  spot: (path: string | null) => Spot;
}): WorkloadFact {
  const { chart, template, environment, resolve, spot } = options;
  const name = chart.split("/").at(-1) || "chart";
  const workload: WorkloadFact = {
    platform: "helm",
    kind: template.kind,
    name,
    environment,
    at: spot(null),
    partial: false,
  };
  const replicas = template.replicas;
  const rendered = replicas ? holds(replicas.when, resolve) : false;
  if (replicas && rendered === true) {
    const count = "value" in replicas.ref ? replicas.ref.value : resolve(replicas.ref.path);
    if (typeof count === "number")
      workload.replicas = { count, at: spot("path" in replicas.ref ? replicas.ref.path : null) };
  }
  const readiness = template.readiness;
  if (readiness?.state === "present" || readiness?.state === "missing")
    workload.health = { state: readiness.state, at: spot(null), add: "a readinessProbe to the container" };
  else if (readiness?.state === "values") {
    const value = resolve(readiness.path);
    if (value !== undefined)
      workload.health = {
        state: truthy(value) ? "present" : "missing",
        at: spot(readiness.path),
        add: `a readinessProbe in ${readiness.path}, which the chart renders into the container`,
      };
  }
  if (template.strategyPath && resolve(`${template.strategyPath}.type`) === "Recreate")
    workload.strategy = { name: "Recreate", stopsAll: true, at: spot(`${template.strategyPath}.type`) };
  return workload;
}

// The chart's budget, when rendered. Its selector is the chart's own labels, which the pack does
// not render: it is taken to select the chart's pods (matchExpressions stands for "cannot tell").
function budgetOf(when: HelmCondition[] | "unknown", resolve: (path: string) => Resolved): PdbFact[] {
  const rendered = when === "unknown" ? undefined : holds(when, resolve);
  return rendered === false ? [] : [{ namespace: null, matchLabels: {}, hasExpressions: true }];
}

/** Whether every condition holds: true, false, or undefined when a value is unknown. */
function holds(conditions: HelmCondition[], resolve: (path: string) => Resolved): boolean | undefined {
  let result: boolean | undefined = true;
  for (const condition of conditions) {
    const value = resolve(condition.path);
    if (value === undefined) result = undefined;
    else if (truthy(value) === condition.negated) return false;
  }
  return result;
}

// Helm's truth: false, 0, "", nil and empty maps and lists are false.
function truthy(value: HelmValue): boolean {
  if (value === null || value === false || value === 0 || value === "") return false;
  return typeof value === "object" ? !value.empty : true;
}

// Values merged as Helm merges them: later files win key by key, a map's emptiness counts its
// merged children, and null in a later file removes a key.
function resolver(layers: HelmValuesFact[]): (path: string) => Resolved {
  const merged = new Map<string, HelmValue>();
  for (const layer of layers)
    for (const [path, value] of Object.entries(layer.values)) {
      if (value === null) for (const key of [...merged.keys()]) if (key.startsWith(`${path}.`)) merged.delete(key);
      const previous = merged.get(path);
      // `{}` over a map with keys keeps them: Helm merges maps.
      if (typeof value === "object" && value !== null && typeof previous === "object" && previous !== null) continue;
      merged.set(path, value);
    }
  return (path) => {
    const value = merged.get(path);
    if (typeof value !== "object" || value === null) return value;
    const children = [...merged].some(([key, child]) => key.startsWith(`${path}.`) && child !== null);
    return { empty: !children };
  };
}
