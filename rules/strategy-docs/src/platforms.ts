// The platforms the repository deploys to, as the rollout pack tells them (its platform-file facts,
// and platformOfPath for files told by name), with each platform's words and rollback commands.
import type { FactRecord } from "@deploylint/core/rule-api";
import { type Platform, type PlatformFileFact, platformOfPath } from "@deploylint/rules-rollout";
import { PLATFORM_FILE_FACT } from "./facts.js";

interface PlatformSource {
  readonly files: readonly string[];
  facts<T>(type: string): FactRecord<T>[];
}

/** The deployed platforms, sorted. A compose file counts only when the rollout pack took it for a deployed environment. */
export function detectedPlatforms(context: PlatformSource): Platform[] {
  const found = new Set<Platform>(
    context.facts<PlatformFileFact>(PLATFORM_FILE_FACT).map((record) => record.data.platform),
  );
  for (const file of context.files) {
    const platform = platformOfPath(file);
    if (platform && platform !== "compose") found.add(platform);
  }
  return [...found].sort();
}

/** How a document names each platform. */
export const PLATFORM_WORDS: Record<Platform, RegExp> = {
  kubernetes: /\b(kubernetes|k8s|kubectl|pods?|deployments?|argo|flagger)\b/i,
  helm: /\b(helm|kubernetes|k8s)\b/i,
  ecs: /\b(ecs|fargate|task definitions?)\b/i,
  codedeploy: /\b(codedeploy|code deploy)\b/i,
  fly: /\bfly(\.io|ctl)?\b/i,
  render: /\brender\b/i,
  railway: /\brailway\b/i,
  compose: /\b(docker compose|docker-compose|compose)\b/i,
  vercel: /\bvercel\b/i,
  netlify: /\bnetlify\b/i,
  wrangler: /\b(cloudflare|wrangler|workers)\b/i,
  serverless: /\b(serverless|lambda)\b/i,
};

/** The platform's own rollback commands (or console action), any one of which the procedure must name. */
export const ROLLBACK_COMMANDS: Record<Platform, { say: string; patterns: RegExp[] }> = {
  fly: {
    say: "`fly releases` and `fly deploy --image <previous image>`",
    patterns: [/\bfly(ctl)?\s+releases\b/i, /\bfly(ctl)?\s+deploy\b[^\n]*--image\b/i],
  },
  vercel: { say: "`vercel rollback`", patterns: [/\bvercel\s+(rollback|promote)\b/i] },
  kubernetes: {
    say: "`kubectl rollout undo`",
    patterns: [
      /\bkubectl\s+(\S+\s+)*rollout\s+undo\b/i,
      /\bkubectl\s+argo\s+rollouts\s+(undo|abort)\b/i,
      /\bhelm\s+rollback\b/i,
    ],
  },
  helm: { say: "`helm rollback`", patterns: [/\bhelm\s+rollback\b/i, /\bkubectl\s+(\S+\s+)*rollout\s+undo\b/i] },
  wrangler: { say: "`wrangler rollback`", patterns: [/\bwrangler\s+(rollback|versions\s+deploy)\b/i] },
  ecs: {
    say: "the previous task definition (`aws ecs update-service --task-definition <previous>`)",
    patterns: [/\bprevious task definition\b/i, /\baws\s+ecs\s+update-service\b[^\n]*--task-definition\b/i],
  },
  codedeploy: {
    say: "`aws deploy stop-deployment --auto-rollback-enabled`",
    patterns: [/\baws\s+deploy\s+(stop-deployment|create-deployment)\b/i, /\bauto-?rollback\b/i],
  },
  render: {
    say: "Render's rollback (dashboard or API)",
    patterns: [/\brender\b[^\n]*\b(rollback|roll back|dashboard|deploys?)\b/i, /\brollback\b[^\n]*\brender\b/i],
  },
  railway: {
    say: "Railway's rollback (dashboard or `railway redeploy`)",
    patterns: [/\brailway\s+(redeploy|rollback|up)\b/i, /\brailway\b[^\n]*\b(rollback|roll back|dashboard)\b/i],
  },
  netlify: {
    say: "`netlify rollback` or publishing the previous deploy",
    patterns: [/\bnetlify\s+(rollback|deploy)\b/i, /\bpublish(ing)? (the )?previous deploy\b/i],
  },
  serverless: { say: "`serverless rollback`", patterns: [/\b(serverless|sls)\s+rollback\b/i] },
  compose: {
    say: "`docker compose up -d` with the previous image tag",
    patterns: [/\bdocker[ -]compose\b[^\n]*\bup\b/i, /\bprevious image\b/i],
  },
};

/**
 * A platform named by its brand, for telling that a document describes another platform than the
 * repository's: stricter than PLATFORM_WORDS ("pods", "workers" and "deployments" are not brands).
 * Helm charts deploy to Kubernetes, so the two are one brand.
 */
export const PLATFORM_BRANDS: readonly [string, RegExp, readonly Platform[]][] = [
  ["Kubernetes", /\b(kubernetes|k8s|kubectl|helm)\b/i, ["kubernetes", "helm"]],
  ["ECS", /\b(ecs|fargate)\b/i, ["ecs", "codedeploy"]],
  ["Fly.io", /\bfly(\.io|ctl)\b|\bfly (machines|apps?|deploy|releases)\b/i, ["fly"]],
  ["Render", /\brender\.com\b|\bon render\b/i, ["render"]],
  ["Railway", /\brailway\b/i, ["railway"]],
  ["Vercel", /\bvercel\b/i, ["vercel"]],
  ["Netlify", /\bnetlify\b/i, ["netlify"]],
  ["Cloudflare Workers", /\b(cloudflare|wrangler)\b/i, ["wrangler"]],
  ["AWS Lambda", /\b(aws lambda|lambda functions?|serverless framework)\b/i, ["serverless"]],
];
