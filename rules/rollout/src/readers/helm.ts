// Helm charts: what a chart's templates take from its values (replicas, the readiness probe, the
// update strategy, whether the PodDisruptionBudget is rendered), and what each values file sets
// for those keys. The templates are Go templates, not YAML: they are read line by line for the few
// shapes `helm create` and most charts use; anything else is unknown, and unknown makes no finding.
import type { LineIndex } from "@deploylint/core/rule-api";
import { type Document, isAlias } from "yaml";
import { environmentOfPath } from "./environment.js";

/** A number written in the template, a `.Values` path it is read from, or null (not set / unknown). */
export type HelmRef = { value: number } | { path: string };

/** A `.Values` condition around a line or a whole template: `if .Values.x`, `if not .Values.x`, `with .Values.x`. */
export interface HelmCondition {
  path: string;
  negated: boolean;
}

export interface HelmWorkloadTemplate {
  kind: "Deployment" | "StatefulSet";
  /** The template's file name, to name the workload: "deployment.yaml". */
  template: string;
  replicas: { ref: HelmRef; when: HelmCondition[] } | null;
  /** present: written in the template; values: rendered from a values path; missing: a serving container without one. */
  readiness: { state: "present" } | { state: "missing" } | { state: "values"; path: string } | null;
  /** The values path the strategy is rendered from (`strategy: {{ toYaml .Values.strategy }}`). */
  strategyPath: string | null;
}

export interface HelmTemplateFact {
  chart: string;
  workload: HelmWorkloadTemplate | null;
  /** A PodDisruptionBudget template, with the condition that renders it (null: always; "unknown": a condition not read). */
  pdb: { when: HelmCondition[] | "unknown" } | null;
}

/** What one values file sets, for the keys the templates read: numbers, booleans, short words, and whether a map is empty. */
export type HelmValue = number | boolean | string | null | { empty: boolean };

export interface HelmValuesFact {
  chart: string;
  /** The environment the file is for (values-production.yaml, values/staging.yaml), or null for the chart's values.yaml. */
  environment: string | null;
  values: Record<string, HelmValue>;
  /** The line of each key path, for pointing a finding at it. */
  lines: Record<string, number>;
}

const VALUES_PATH = String.raw`\.Values\.([\w.]+)`;
// Strings are kept only when they are one of these words: a values file may hold credentials.
const WORDS = new Set(["Recreate", "RollingUpdate", "OnDelete"]);

/** The chart folder of a template (`charts/shop/templates/deployment.yaml` → `charts/shop`), or null. */
export function chartOfTemplate(path: string): string | null {
  const match = /^(?:(.*)\/)?templates\/[^/]+\.ya?ml$/.exec(path);
  return match ? (match[1] ?? "") : null;
}

/** The chart folder and environment of a values file, or null when the path is not a chart's values file. */
export function valuesFileOf(path: string): { chart: string; environment: string | null } | null {
  const parts = path.split("/");
  const name = parts.at(-1) ?? "";
  const folder = parts.slice(0, -1);
  if (name === "values.yaml" || name === "values.yml") return { chart: folder.join("/"), environment: null };
  // values-prod-eu.yaml is for production: the environment word is found as for any platform file.
  const environmentOf = (word: string) => environmentOfPath(name) ?? word.toLowerCase();
  const named = /^values[.-]([\w.-]+)\.ya?ml$/.exec(name);
  if (named?.[1]) return { chart: folder.join("/"), environment: environmentOf(named[1]) };
  const nested = /^([\w.-]+)\.ya?ml$/.exec(name);
  if (nested?.[1] && folder.at(-1) === "values")
    return { chart: folder.slice(0, -1).join("/"), environment: environmentOf(nested[1]) };
  return null;
}

export function readHelmTemplate(text: string, chart: string, template: string): HelmTemplateFact | null {
  const kind = /^kind:\s*(Deployment|StatefulSet|PodDisruptionBudget)\s*$/m.exec(text)?.[1];
  if (!kind) return null;
  const lines = text.split("\n");
  if (kind === "PodDisruptionBudget") return { chart, workload: null, pdb: { when: wholeTemplateCondition(lines) } };
  return {
    chart,
    pdb: null,
    workload: {
      kind: kind === "Deployment" ? "Deployment" : "StatefulSet",
      template,
      replicas: replicasOf(lines),
      readiness: readinessOf(text, lines),
      strategyPath:
        new RegExp(String.raw`^[ \t]*strategy:\s*\{\{-?\s*toYaml\s+${VALUES_PATH}`, "m").exec(text)?.[1] ?? null,
    },
  };
}

function replicasOf(lines: string[]): HelmWorkloadTemplate["replicas"] {
  const index = lines.findIndex((line) => /^\s*replicas:/.test(line));
  if (index < 0) return null;
  const line = lines[index] ?? "";
  const literal = /^\s*replicas:\s*(\d+)\s*$/.exec(line);
  const fromValues = new RegExp(String.raw`^\s*replicas:\s*\{\{-?\s*${VALUES_PATH}\s*-?\}\}\s*$`).exec(line);
  const ref: HelmRef | null = literal
    ? { value: Number(literal[1]) }
    : fromValues?.[1]
      ? { path: fromValues[1] }
      : null;
  if (!ref) return null;
  const when = enclosingConditions(lines, index);
  return when === "unknown" ? null : { ref, when };
}

function readinessOf(text: string, lines: string[]): HelmWorkloadTemplate["readiness"] {
  const index = lines.findIndex((line) => /^\s*readinessProbe:/.test(line));
  if (index < 0) {
    // A container that serves, with nothing that could render a probe from elsewhere (an include,
    // a toYaml of a values map into the container): a probe is missing for certain.
    const serves = /containerPort:/.test(text);
    const rendered = /\{\{-?\s*(include|template|tpl|toYaml)\b/.test(containersSection(text));
    return serves && !rendered ? { state: "missing" } : null;
  }
  const rest = `${lines[index] ?? ""}\n${lines[index + 1] ?? ""}`;
  const rendered = new RegExp(String.raw`toYaml\s+${VALUES_PATH}`).exec(rest)?.[1];
  const conditions = enclosingConditions(lines, index);
  if (conditions === "unknown") return null;
  const guard = conditions.at(-1);
  if (rendered) return { state: "values", path: rendered };
  // `{{- with .Values.readinessProbe }} readinessProbe: {{- toYaml . | nindent 12 }}`.
  if (guard && !guard.negated && /toYaml\s+\.\s/.test(rest)) return { state: "values", path: guard.path };
  if (/\{\{/.test(lines[index] ?? "") || conditions.length > 0) return null;
  return { state: "present" };
}

function containersSection(text: string): string {
  const start = text.search(/^\s*containers:/m);
  return start < 0 ? "" : text.slice(start);
}

// The if/with blocks open at a line, innermost last; "unknown" when one tests something else
// than a plain `.Values` path (an `and`, an `eq`, a `range`), which this reader does not evaluate.
function enclosingConditions(lines: string[], index: number): HelmCondition[] | "unknown" {
  const open: (HelmCondition | "unknown")[] = [];
  for (const line of lines.slice(0, index)) {
    for (const action of line.matchAll(/\{\{-?\s*(if|with|range|end|else)\b([^}]*)\}\}/g)) {
      const [, keyword, rest = ""] = action;
      if (keyword === "end") open.pop();
      else if (keyword === "else") open[open.length - 1] = "unknown";
      else open.push(conditionOf(keyword ?? "", rest));
    }
  }
  return open.includes("unknown") ? "unknown" : (open as HelmCondition[]);
}

function conditionOf(keyword: string, rest: string): HelmCondition | "unknown" {
  if (keyword === "range") return "unknown";
  const match = new RegExp(String.raw`^\s*(not\s+)?${VALUES_PATH}\s*-?$`).exec(rest);
  if (!match?.[2] || (keyword === "with" && match[1])) return "unknown";
  return { path: match[2], negated: match[1] !== undefined };
}

// A PodDisruptionBudget template is usually wrapped whole in one `if .Values.pdb.enabled`.
function wholeTemplateCondition(lines: string[]): HelmCondition[] | "unknown" {
  const kindLine = lines.findIndex((line) => /^kind:/.test(line));
  return enclosingConditions(lines, kindLine);
}

export function readHelmValues(options: {
  document: Document;
  lines: LineIndex;
  chart: string;
  environment: string | null;
}): HelmValuesFact {
  const { document, lines, chart, environment } = options;
  const fact: HelmValuesFact = { chart, environment, values: {}, lines: {} };
  const root = document.contents;
  walk(root, "", 0);
  return fact;

  function walk(node: unknown, prefix: string, depth: number): void {
    const map = node as { items?: { key: { value?: unknown; range?: [number] }; value: unknown }[] } | null;
    if (!map || !Array.isArray(map.items) || depth > 6) return;
    for (const pair of map.items) {
      const key = pair.key?.value;
      if (typeof key !== "string") continue;
      const path = prefix ? `${prefix}.${key}` : key;
      const value = pair.value as { value?: unknown; items?: unknown[] } | null;
      // An alias's value lives at its anchor: left unknown rather than read as null (which removes a key).
      if (isAlias(value)) continue;
      if (value && Array.isArray(value.items)) {
        fact.values[path] = { empty: value.items.length === 0 };
        walk(value, path, depth + 1);
      } else {
        const scalar = value?.value ?? null;
        fact.values[path] =
          typeof scalar === "number" || typeof scalar === "boolean" || scalar === null
            ? scalar
            : typeof scalar === "string" && WORDS.has(scalar)
              ? scalar
              : "string";
      }
      fact.lines[path] = lines.positionAt(pair.key.range?.[0] ?? 0).line;
    }
  }
}

/** Whether a path is a helmfile (helmfile.yaml, helmfile.yaml.gotmpl, helmfile.d/*.yaml). */
export function isHelmfile(path: string): boolean {
  return /(^|\/)(helmfile\.ya?ml(\.gotmpl)?|helmfile\.d\/[^/]+\.ya?ml(\.gotmpl)?)$/.test(path);
}

/** The local charts a helmfile releases (`chart: ./charts/shop`), as folders relative to the helmfile. */
export function helmfileCharts(path: string, text: string): string[] {
  const folder = path.split("/").slice(0, path.includes("helmfile.d/") ? -2 : -1);
  return [...text.matchAll(/^\s*-?\s*chart:\s*["']?(\.{1,2}\/[^"'\s]+)/gm)].map((match) =>
    normalise([...folder, ...(match[1] ?? "").split("/")]),
  );
}

function normalise(parts: string[]): string {
  const out: string[] = [];
  for (const part of parts) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}
