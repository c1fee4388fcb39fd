// render.yaml (Blueprint): each service's and env group's `envVars` ({ key, value } items; items
// with fromDatabase / generateValue / sync: false hold no value here). A service whose name ends
// in an environment (`api-staging`) belongs to it, others to production; `previewValue` is the
// value for preview environments.
import type { LineIndex } from "@deploylint/core/rule-api";
import { type Document, isMap, isSeq } from "yaml";
import type { ValueEntry, ValuesFact } from "../facts.js";
import { rungOf } from "../ladder.js";
import { entryOf, listEntries, nodeAt, pairOf } from "./yaml-env.js";

export function isRenderFile(path: string): boolean {
  return /^render\.ya?ml$/.test(path.split("/").at(-1) ?? "");
}

export function readRender(document: Document, lines: LineIndex): ValuesFact[] {
  const byEnvironment = new Map<string, ValueEntry[]>();
  const add = (environment: string, entries: ValueEntry[]) => {
    if (entries.length > 0) byEnvironment.set(environment, [...(byEnvironment.get(environment) ?? []), ...entries]);
  };
  for (const section of ["services", "envVarGroups"]) {
    const list = nodeAt(document.contents, [section]);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const name = String((pairOf(item.items, "name")?.value as { value?: unknown } | undefined)?.value ?? "");
      const suffix = /-([a-z]+)$/.exec(name)?.[1];
      const environment = suffix && rungOf(suffix) ? suffix : "production";
      const vars = pairOf(item.items, "envVars")?.value;
      add(environment, listEntries(vars, lines, { key: "key", value: "value" }));
      add("preview", withPreviewValues(vars, lines));
    }
  }
  return [...byEnvironment].map(([environment, entries]) => ({ source: "render", environment, entries }));
}

function withPreviewValues(vars: unknown, lines: LineIndex): ValueEntry[] {
  if (!isSeq(vars)) return [];
  return vars.items.flatMap((item) => {
    const preview = isMap(item) ? pairOf(item.items, "previewValue") : undefined;
    const key = isMap(item) ? pairOf(item.items, "key") : undefined;
    const entry = preview && key ? entryOf(key.value, preview.value, lines) : null;
    return entry ? [entry] : [];
  });
}
