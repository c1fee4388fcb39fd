// What a path says about environments: dotenv templates, committable dotenv files, and the
// environment (staging, production, …) a per-environment file belongs to.
import { isExampleFileName } from "@deploylint/core/rule-api";

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/**
 * `.env.example`, `.env.sample`, `env.example`, `.env.production.example`, …: the one definition
 * shared with env-docs, so a file documented there is never read here as holding real values.
 */
export function isDotenvTemplate(path: string): boolean {
  return isExampleFileName(path);
}

/** `.env` and `.env.<anything>` that is not a template: the files dotenv loaders read values from. */
export function isDotenvValueFile(path: string): boolean {
  const name = basename(path).toLowerCase();
  return (name === ".env" || name.startsWith(".env.")) && !isDotenvTemplate(path);
}

const ALIASES: Record<string, string> = {
  prod: "production",
  prd: "production",
  live: "production",
  production: "production",
  stage: "staging",
  stg: "staging",
  staging: "staging",
  preprod: "staging",
  "pre-prod": "staging",
  dev: "development",
  develop: "development",
  development: "development",
  local: "development",
  test: "test",
  testing: "test",
  ci: "test",
};

/** The canonical name of an environment (`prod` and `live` are production, `stage` is staging). */
export function normaliseEnvironment(name: string): string {
  const lower = name.toLowerCase();
  return ALIASES[lower] ?? lower;
}

/** Environments that serve someone: not a developer machine, a test run or a template. */
export function isDeployedEnvironment(environment: string): boolean {
  return !["development", "test", "example", "sample", "template", "defaults"].includes(environment);
}

const ENV_FOLDERS = new Set(["overlays", "environments", "envs", "env", "stages"]);

/**
 * The environment a file configures, from its path: `.env.production`, `deploy/staging.env`,
 * `docker-compose.prod.yml`, `values-staging.yaml`, `k8s/overlays/production/secret.yaml`; null otherwise.
 */
export function environmentOfPath(path: string): string | null {
  const name = basename(path).toLowerCase();
  if (isDotenvTemplate(path)) return null;
  const dotenv = /^\.env\.([a-z0-9_-]+)(?:\.local)?$/.exec(name);
  if (dotenv?.[1] && dotenv[1] !== "local") return normaliseEnvironment(dotenv[1]);
  const suffixed = /^([a-z0-9_-]+)\.env$/.exec(name);
  if (suffixed?.[1]) return normaliseEnvironment(suffixed[1]);
  const compose = /^(?:docker-)?compose[.-]([a-z0-9_-]+)\.ya?ml$/.exec(name);
  if (compose?.[1] && compose[1] !== "override") return normaliseEnvironment(compose[1]);
  const values = /^values[.-]([a-z0-9_-]+)\.ya?ml$/.exec(name);
  if (values?.[1]) return normaliseEnvironment(values[1]);
  const segments = path.toLowerCase().split("/");
  for (let i = 0; i < segments.length - 2; i++) {
    const folder = segments[i] ?? "";
    const next = segments[i + 1];
    if (ENV_FOLDERS.has(folder) && next) return normaliseEnvironment(next);
  }
  return null;
}
