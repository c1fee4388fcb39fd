// The deployment model from the ladder manifest: `architecture.deployment_model` in
// company.config.yaml (or the file `settings.ladder.manifest` names, as the env-ladder pack reads it).
import type { LineIndex, Settings } from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import type { ModelFact } from "../facts.js";
import { asRecord, spotter } from "./spots.js";

const DEFAULT_MANIFESTS = ["company.config.yaml", "company.config.yml"];

export function isManifestFile(path: string, settings: Settings): boolean {
  const manifest = asRecord(settings.ladder).manifest;
  if (typeof manifest === "string" && manifest.trim() !== "") {
    return (
      path ===
      manifest
        .trim()
        .replaceAll("\\", "/")
        .replace(/^(\.\/)+/, "")
    );
  }
  return DEFAULT_MANIFESTS.includes(path);
}

export function readModel(document: Document, lines: LineIndex): ModelFact {
  const root = asRecord(document.toJS({ maxAliasCount: 100 }));
  const model = asRecord(root.architecture).deployment_model;
  const spot = spotter(document, lines);
  return {
    model: typeof model === "string" && model.trim() !== "" ? model.trim().toLowerCase() : null,
    at: spot(["architecture", "deployment_model"]),
    hasFlags: Object.keys(asRecord(root.feature_flags)).length > 0,
  };
}
