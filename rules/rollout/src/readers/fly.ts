// fly.toml: an app that serves ([http_service] or [[services]]) needs checks Fly waits for before
// routing to a new machine; `[deploy] strategy = "immediate"` replaces every machine at once.
import type { WorkloadFact } from "../facts.js";
import { asArray, asRecord, asString } from "./spots.js";
import type { TomlDocument } from "./toml.js";

export function isFlyFile(path: string): boolean {
  return /^fly(\.[\w-]+)?\.toml$/.test(path.split("/").at(-1) ?? "");
}

export function readFly(toml: TomlDocument, environment: string | null): WorkloadFact {
  const { value, spot } = toml;
  const name = asString(value.app) ?? "fly app";
  const workload: WorkloadFact = { platform: "fly", kind: "app", name, environment, at: spot(["app"]), partial: false };
  const http = value.http_service === undefined ? null : asRecord(value.http_service);
  const services = asArray(value.services).map(asRecord);
  if (http || services.length > 0) {
    const checked =
      asArray(http?.checks).length > 0 ||
      services.some((service) => asArray(service.http_checks).length > 0 || asArray(service.tcp_checks).length > 0) ||
      Object.keys(asRecord(value.checks)).length > 0;
    workload.health = {
      state: checked ? "present" : "missing",
      at: http ? spot(["http_service"]) : spot(["services", 0]),
      add: http ? "[[http_service.checks]]" : "[[services.http_checks]]",
    };
  }
  const strategy = asString(asRecord(value.deploy).strategy);
  if (strategy)
    workload.strategy = { name: strategy, stopsAll: strategy === "immediate", at: spot(["deploy", "strategy"]) };
  return workload;
}
