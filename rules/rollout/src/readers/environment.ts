// The environment a platform file is for, from its folder and file names: overlays/prod/,
// values-staging.yaml, fly.production.toml, docker-compose.prod.yml, k8s/staging/deployment.yaml.
// Null when the path names none: a base that every environment uses.

const PRODUCTION = new Set(["production", "prod", "live", "prd"]);
// Environments a release passes through on its way to users (besides production).
const PRE_PRODUCTION = new Set(["staging", "stage", "stg", "preprod", "uat"]);
const KNOWN = new Set([
  ...PRODUCTION,
  ...PRE_PRODUCTION,
  "qa",
  "test",
  "testing",
  "dev",
  "development",
  "local",
  "ci",
  "e2e",
  "integration",
  "preview",
  "sandbox",
  "demo",
]);

/** The environment named by the path (as written, lower case), or null. */
export function environmentOfPath(path: string): string | null {
  const segments = path.toLowerCase().split("/");
  // The file name names it more precisely than its folders: look at it first, then inward-out.
  for (const segment of segments.reverse()) {
    const words = segment.replace(/\.(ya?ml|toml|json)$/, "").split(/[._-]/);
    const found = words.find((word) => KNOWN.has(word));
    if (found) return found;
  }
  return null;
}

/** Whether a workload for `environment` reaches production: production itself, or a base (null). */
export function reachesProduction(environment: string | null): boolean {
  return environment === null || PRODUCTION.has(environment);
}

export function isProductionName(environment: string): boolean {
  return PRODUCTION.has(environment.toLowerCase());
}

/**
 * Whether the file is for a deployed environment (production, staging, or a base every environment
 * uses), not a developer's machine or a test run (dev/, docker-compose.test.yml, kind clusters in CI).
 */
export function isDeployed(environment: string | null): boolean {
  return reachesProduction(environment) || PRE_PRODUCTION.has(environment ?? "");
}
