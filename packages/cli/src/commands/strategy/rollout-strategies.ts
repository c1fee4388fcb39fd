// The rollout strategies a platform file configures, told by the keys each platform uses for them:
// what the rollout section states as fact (the rest of how a release reaches users is a person's).
const STRATEGIES: readonly [string, RegExp][] = [
  // fly.toml [deploy] strategy; an Argo Rollout's strategy.canary; a Flagger Canary resource.
  ["canary", /^\s*(strategy\s*=\s*["']canary["']|canary:|kind:\s*["']?Canary\b)/im],
  // fly's bluegreen; an Argo Rollout's strategy.blueGreen; an ECS service deployed by CodeDeploy.
  ["blue-green", /^\s*(strategy\s*=\s*["']bluegreen["']|blueGreen:)|"type"\s*:\s*"CODE_DEPLOY"/im],
  // fly's rolling; a Kubernetes Deployment's RollingUpdate.
  ["rolling", /^\s*(strategy\s*=\s*["']rolling["']|type:\s*["']?RollingUpdate\b)/im],
  // Every instance replaced at once: fly's immediate, Kubernetes' Recreate.
  ["all at once", /^\s*(strategy\s*=\s*["']immediate["']|type:\s*["']?Recreate\b)/im],
];

/** The strategies a platform file's text configures, in a fixed order. */
export function strategiesIn(text: string): string[] {
  return STRATEGIES.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}
