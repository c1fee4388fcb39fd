// The rollback procedure: six numbered steps (detect, decide, execute, verify, communicate,
// investigate) with the real rollback commands of each platform the repository deploys to.

import { FRAMEWORKS_WITH_DOWN } from "@deploylint/rules-migrations";
import { FILL_IN_COMMENT } from "@deploylint/rules-strategy-docs";
import type { StrategyInputs } from "./inputs.js";

/** How long the decision may take; the strategy-docs pack looks for a stated time limit. */
export const DECIDE_WITHIN = "15 minutes";

// Each platform's own way back to the previous release, as its documentation gives it.
const ROLLBACK_COMMANDS: Record<string, string> = {
  fly: "`fly releases --image` to find the previous release's image, then `fly deploy --image <previous image>`",
  vercel: "`vercel rollback <previous deployment URL>` (or `vercel promote` of the previous deployment)",
  kubernetes: "`kubectl rollout undo deployment/<name>`, then `kubectl rollout status deployment/<name>`",
  helm: "`helm history <release>` to find the previous revision, then `helm rollback <release> <revision>`",
  wrangler: "`wrangler rollback [<version-id>]` (the previous version when none is given)",
  ecs: "point the service back at the previous task definition: `aws ecs update-service --cluster <cluster> --service <service> --task-definition <family>:<previous revision>`",
  netlify: "publish the previous deploy: Netlify's Deploys page, the previous deploy, Publish deploy",
  render: "Render's dashboard: the service's Events, the previous deploy, Rollback",
  railway: "Railway's dashboard: the service's Deployments, the previous deployment, Rollback",
  serverless:
    "`serverless deploy list` to find the previous deployment, then `serverless rollback --timestamp <timestamp>`",
  codedeploy:
    "`aws deploy create-deployment` of the previous revision (or `aws deploy stop-deployment --auto-rollback-enabled` while one is running)",
  compose: "`docker compose up -d` with the previous image tag",
};

/** The platforms the repository deploys to, once each, in the order their files were found. */
export function platformsIn(inputs: StrategyInputs): string[] {
  return [...new Set(inputs.platforms.map((file) => file.platform))];
}

export function rollbackCommand(platform: string): string | null {
  return ROLLBACK_COMMANDS[platform] ?? null;
}

function detectStep(inputs: StrategyInputs): string {
  const alerts = inputs.manifest?.productionAlerts ?? null;
  const onCall = inputs.manifest?.productionOnCall ?? null;
  const channels = [
    alerts ? `production alerts (${alerts})` : null,
    onCall ? `the on-call rotation (${onCall})` : null,
  ].filter((part): part is string => part !== null);
  const known = channels.length > 0 ? `${channels.join(", ")}, ` : `${FILL_IN_COMMENT} (where production alerts go), `;
  return `1. **Detect**: ${known}a failed smoke check after the deploy, or an error rate or latency above its usual level.`;
}

function executeStep(inputs: StrategyInputs): string[] {
  const lines = ["3. **Execute** the rollback:"];
  const platforms = platformsIn(inputs);
  const known = platforms.flatMap((platform) => {
    const command = rollbackCommand(platform);
    return command === null ? [] : [`   - ${platform}: ${command}.`];
  });
  if (known.length === 0)
    lines.push(`   - Redeploy the previous release: ${FILL_IN_COMMENT} (the platform's rollback command).`);
  else lines.push(...known);
  lines.push(...downMigrationLines(inputs));
  const flags = inputs.manifest?.featureFlags ?? [];
  lines.push(
    flags.length > 0
      ? `   - Flag off: switch off the feature flag that gates the change (feature_flags in ${inputs.manifest?.path}); this alone often ends the incident.`
      : "   - Flag off: when a feature flag gates the change, switch it off first; this alone often ends the incident.",
  );
  return lines;
}

function downMigrationLines(inputs: StrategyInputs): string[] {
  const folders = inputs.migrationFolders;
  if (folders.length === 0) return [];
  const withDown = folders.filter((folder) => FRAMEWORKS_WITH_DOWN.has(folder.framework));
  const without = folders.filter((folder) => !FRAMEWORKS_WITH_DOWN.has(folder.framework));
  const lines: string[] = [];
  if (withDown.length > 0) {
    lines.push(
      `   - Down migration (${withDown.map((folder) => `\`${folder.path}\``).join(", ")}): only when the previous release cannot run on the new schema, apply the release's down migrations in reverse order (\`deploylint migrations verify\` checks that each down undoes its up).`,
    );
  }
  if (without.length > 0) {
    const frameworks = [...new Set(without.map((folder) => folder.framework))].join(", ");
    lines.push(
      `   - Schema (${without.map((folder) => `\`${folder.path}\``).join(", ")}): ${frameworks} migrations have no down, so the previous release must run on the new schema (expand, then contract in a later release); a schema change that must be undone is a new forward migration.`,
    );
  }
  return lines;
}

export function rollbackSection(inputs: StrategyInputs): string[] {
  const production = inputs.manifest?.environments.find((row) => /^(production|prod|live)$/i.test(row.name));
  const environment = production?.name ?? "production";
  return [
    detectStep(inputs),
    `2. **Decide** within ${DECIDE_WITHIN} of the first signal whether to roll back or fix forward; when in doubt, roll back. Who decides: ${FILL_IN_COMMENT}`,
    ...executeStep(inputs),
    `4. **Verify**: \`deploylint smoke --environment ${environment}\` passes against the restored release, and error rates are back to their usual level.`,
    `5. **Communicate**: tell ${FILL_IN_COMMENT} (the channel) that ${environment} was rolled back, what users saw, and what happens next.`,
    "6. **Investigate**: find the cause, and write it down with the fix before the change ships again.",
  ];
}
