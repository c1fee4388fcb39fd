// The files the pack is responsible for: the manifest and the platform files named by convention.
// One that cannot be read is reported (core/file-not-checked), not passed over.
import type { Settings } from "@deploylint/core/rule-api";
import { isFlyFile } from "./readers/fly.js";
import { isManifestFile } from "./readers/manifest.js";
import { platformOfName } from "./readers/presence.js";
import { isRenderFile } from "./readers/render.js";

export function ownsRolloutFile(path: string, settings: Settings): boolean {
  return isManifestFile(path, settings) || isFlyFile(path) || isRenderFile(path) || platformOfName(path) !== null;
}
