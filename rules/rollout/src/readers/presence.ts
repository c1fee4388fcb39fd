// Platform files whose presence says how the product runs (for model-declared), and the
// gradual-exposure mechanisms they configure.
import type { Platform } from "../facts.js";
import { isComposeFile } from "./compose.js";
import { isFlyFile } from "./fly.js";
import { isRenderFile } from "./render.js";

const BY_NAME: readonly [RegExp, Platform][] = [
  [/^vercel\.json$/, "vercel"],
  [/^netlify\.toml$/, "netlify"],
  [/^wrangler\.(toml|jsonc?)$/, "wrangler"],
  [/^serverless\.ya?ml$/, "serverless"],
  [/^railway\.(json|toml)$/, "railway"],
  [/^appspec\.(ya?ml|json)$/, "codedeploy"],
];

/** The platform a file's name alone identifies (vercel.json, netlify.toml, …), or null. */
export function platformOfName(path: string): Platform | null {
  const name = path.split("/").at(-1) ?? "";
  return BY_NAME.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

/**
 * The platform a path configures, as far as its path says: by name (above), fly.toml, render.yaml,
 * a compose file or a Helm chart. Kubernetes manifests are told by their content (`kind:`), not here.
 * `deploylint init` and `--debug` report what this finds, so they agree with the pack.
 */
export function platformOfPath(path: string): Platform | null {
  if (isFlyFile(path)) return "fly";
  if (isRenderFile(path)) return "render";
  if (isComposeFile(path)) return "compose";
  if ((path.split("/").at(-1) ?? "") === "Chart.yaml") return "helm";
  return platformOfName(path);
}

/** The models each platform can serve, for checking a declared model against the files found. */
export const MODELS_OF: Record<Platform, readonly string[]> = {
  kubernetes: ["containers", "paas"],
  helm: ["containers", "paas"],
  ecs: ["containers", "paas"],
  codedeploy: ["vms", "containers", "serverless"],
  fly: ["containers", "vms", "paas"],
  render: ["containers", "paas", "static"],
  railway: ["containers", "paas"],
  compose: ["containers", "vms"],
  vercel: ["serverless", "edge", "static"],
  netlify: ["serverless", "edge", "static"],
  wrangler: ["edge", "serverless", "static"],
  serverless: ["serverless"],
};

/** Feature-flag SDKs: a dependency on one means flags can gate user-facing changes. */
export const FLAG_PACKAGES: readonly RegExp[] = [
  /^launchdarkly-|^@launchdarkly\//,
  /^unleash-|^@unleash\//,
  /^flagsmith|^@flagsmith\//,
  /^@growthbook\//,
  /^@openfeature\//,
  /^@vercel\/flags$|^flags$/,
  /^configcat-|^@configcat\//,
  /^@splitsoftware\//,
  /^statsig-|^@statsig\//,
  /^posthog-(js|node)$/,
  /^@devcycle\//,
];
