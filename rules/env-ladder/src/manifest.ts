// Which file is the ladder manifest: settings.ladder.manifest when set, else company.config.yaml
// (or .yml) at the root of the working directory.
import type { Settings } from "@deploylint/core/rule-api";

export const DEFAULT_MANIFESTS: readonly string[] = ["company.config.yaml", "company.config.yml"];

/** The configured manifest path (relative to the working directory, `/`-separated), or null. */
export function configuredManifest(settings: Settings): string | null {
  const ladder = settings.ladder;
  if (typeof ladder !== "object" || ladder === null || !("manifest" in ladder)) return null;
  const manifest = ladder.manifest;
  return typeof manifest === "string" && manifest.trim() !== "" ? normalisePath(manifest) : null;
}

/** Whether `path` (relative to the working directory) is the ladder manifest. */
export function isManifestFile(path: string, settings: Settings): boolean {
  const configured = configuredManifest(settings);
  const file = normalisePath(path);
  return configured === null ? DEFAULT_MANIFESTS.includes(file) : file === configured;
}

// Users write "./company.config.yaml" or Windows separators; file paths from the engine have neither.
function normalisePath(path: string): string {
  return path
    .trim()
    .replaceAll("\\", "/")
    .replace(/^(\.\/)+/, "");
}
