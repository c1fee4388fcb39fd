// render.yaml (a Blueprint): a web service that declares no healthCheckPath is put live as soon as
// its port opens, whether or not the application can serve.
import type { LineIndex } from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import type { WorkloadFact } from "../facts.js";
import { asArray, asNumber, asRecord, asString, spotter } from "./spots.js";

export function isRenderFile(path: string): boolean {
  return /^render(\.[\w-]+)?\.ya?ml$/.test(path.split("/").at(-1) ?? "");
}

export function readRender(document: Document, lines: LineIndex, environment: string | null): WorkloadFact[] {
  const root = asRecord(document.toJS({ maxAliasCount: 100 }));
  const spot = spotter(document, lines);
  return asArray(root.services).flatMap((raw, index): WorkloadFact[] => {
    const service = asRecord(raw);
    const type = asString(service.type);
    // A static site (runtime or the older env `static`) is files on a CDN: there is nothing to probe.
    if (type !== "web" || service.runtime === "static" || service.env === "static") return [];
    const workload: WorkloadFact = {
      platform: "render",
      kind: "web service",
      name: asString(service.name) ?? `services[${index}]`,
      environment,
      at: spot(["services", index, "name"]),
      partial: false,
      health: {
        state: asString(service.healthCheckPath) ? "present" : "missing",
        at: spot(["services", index, service.healthCheckPath === undefined ? "name" : "healthCheckPath"]),
        add: "healthCheckPath",
      },
    };
    const instances = asNumber(service.numInstances);
    if (instances !== null) workload.replicas = { count: instances, at: spot(["services", index, "numInstances"]) };
    return [workload];
  });
}
