// Docker compose files named for a deployed environment (docker-compose.prod.yml,
// deploy/production/compose.yaml): a service that publishes ports needs a healthcheck. A compose
// file that names no environment is taken for local development and is not a rollout.
import type { LineIndex } from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import type { WorkloadFact } from "../facts.js";
import { asArray, asRecord, spotter } from "./spots.js";

export function isComposeFile(path: string): boolean {
  return /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(path.split("/").at(-1) ?? "");
}

export function readCompose(document: Document, lines: LineIndex, environment: string): WorkloadFact[] {
  const root = asRecord(document.toJS({ maxAliasCount: 100 }));
  const spot = spotter(document, lines);
  return Object.entries(asRecord(root.services)).flatMap(([name, raw]): WorkloadFact[] => {
    const service = asRecord(raw);
    if (asArray(service.ports).length === 0) return [];
    const healthcheck = asRecord(service.healthcheck);
    const disabled = healthcheck.disable === true || asArray(healthcheck.test)[0] === "NONE";
    return [
      {
        platform: "compose",
        kind: "service",
        name,
        environment,
        at: spot(["services", name]),
        partial: false,
        health: {
          state: service.healthcheck !== undefined && !disabled ? "present" : "missing",
          at: spot(service.healthcheck === undefined ? ["services", name] : ["services", name, "healthcheck"]),
          add: "a healthcheck",
        },
      },
    ];
  });
}
