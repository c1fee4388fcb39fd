// Kubernetes-shaped values: kustomize overlays (`overlays/<env>/`: configMapGenerator literals and
// container `env` lists in patches) and helm `values-<env>.yaml` / `values.<env>.yaml` (`env`,
// `extraEnv`, `envVars` maps or lists at any depth, and `logLevel`-style keys).
import type { LineIndex } from "@deploylint/core/rule-api";
import { type Document, isMap, isScalar, isSeq } from "yaml";
import { describeValue, mayHoldLevel } from "../extract/classify-value.js";
import type { ValueEntry, ValuesFact } from "../facts.js";
import { entryOf, listEntries, mapEntries, pairOf, pairsOf } from "./yaml-env.js";

const ENV_KEYS = new Set(["env", "extraEnv", "extraEnvVars", "envVars", "environment"]);
const MAX_DEPTH = 8;

/** The overlay's environment for a YAML file under `overlays/<env>/`, or null. */
export function kustomizeEnvironment(path: string): string | null {
  const segments = path.split("/");
  const overlay = segments.lastIndexOf("overlays");
  return overlay >= 0 && overlay + 2 < segments.length ? (segments[overlay + 1] ?? null) : null;
}

/** The environment of a helm values file (`values-staging.yaml`, `values.prod.yaml`), or null. */
export function helmEnvironment(path: string): string | null {
  return /^values[.-]([\w-]+)\.ya?ml$/.exec(path.split("/").at(-1) ?? "")?.[1] ?? null;
}

export function readKustomize(document: Document, lines: LineIndex, environment: string): ValuesFact[] {
  const entries = [...generatorLiterals(document.contents, lines), ...envBlocks(document.contents, lines, 0)];
  return entries.length > 0 ? [{ source: "kustomize", environment, entries }] : [];
}

export function readHelm(document: Document, lines: LineIndex, environment: string): ValuesFact[] {
  const entries = envBlocks(document.contents, lines, 0);
  return entries.length > 0 ? [{ source: "helm", environment, entries }] : [];
}

// configMapGenerator / secretGenerator `literals: [KEY=value]`.
function generatorLiterals(root: unknown, lines: LineIndex): ValueEntry[] {
  const generators = isMap(root) ? pairOf(root.items, "configMapGenerator")?.value : undefined;
  if (!isSeq(generators)) return [];
  return generators.items.flatMap((generator) => {
    const literals = isMap(generator) ? pairOf(generator.items, "literals")?.value : undefined;
    if (!isSeq(literals)) return [];
    return literals.items.flatMap((literal) => {
      if (!isScalar(literal) || !literal.range) return [];
      const text = String(literal.value);
      const equals = text.indexOf("=");
      if (equals <= 0) return [];
      const start = lines.positionAt(literal.range[0]);
      const key = text.slice(0, equals);
      // A quoted literal starts one column later than its text.
      const column = start.column + (literal.type === "PLAIN" ? 0 : 1);
      return [describeValue({ key, value: text.slice(equals + 1), line: start.line, column })];
    });
  });
}

// Env maps and lists under the usual keys, and log-level keys, anywhere in the document.
function envBlocks(node: unknown, lines: LineIndex, depth: number): ValueEntry[] {
  if (depth > MAX_DEPTH) return [];
  if (isSeq(node)) return node.items.flatMap((item) => envBlocks(item, lines, depth + 1));
  const found: ValueEntry[] = [];
  for (const { key, value, keyNode } of pairsOf(node)) {
    if (ENV_KEYS.has(key) && (isMap(value) || isSeq(value))) {
      found.push(...(isSeq(value) ? listEntries(value, lines) : mapEntries(value, lines)));
    } else if (isScalar(value) && mayHoldLevel(key)) {
      const entry = entryOf(keyNode, value, lines);
      if (entry?.level) found.push(entry);
    } else {
      found.push(...envBlocks(value, lines, depth + 1));
    }
  }
  return found;
}
