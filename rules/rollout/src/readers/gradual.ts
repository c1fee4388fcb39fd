// Gradual-exposure mechanisms a repository configures: a feature-flag SDK in package.json, an AWS
// traffic-shifting deployment (serverless `deploymentSettings`, SAM `DeploymentPreference`), or a
// Cloudflare gradual deployment (`wrangler versions deploy` with percentages).
import { FLAG_PACKAGES } from "./presence.js";
import { asRecord } from "./spots.js";

/** The flag SDKs package.json depends on. */
export function flagDependencies(packageJson: unknown): string[] {
  const root = asRecord(packageJson);
  const names = ["dependencies", "devDependencies", "peerDependencies"].flatMap((field) =>
    Object.keys(asRecord(root[field])),
  );
  return names.filter((name) => FLAG_PACKAGES.some((pattern) => pattern.test(name)));
}

/** A gradual deployment configured in text (a CI step, a script, a template), or null. */
export function gradualInText(text: string): string | null {
  if (/wrangler\s+versions\s+deploy\b[^\n]*%/.test(text))
    return "a Cloudflare gradual deployment (wrangler versions deploy)";
  if (/\bdeploymentSettings\s*:|\bDeploymentPreference\s*:/.test(text))
    return "an AWS CodeDeploy traffic-shifting deployment";
  return null;
}
