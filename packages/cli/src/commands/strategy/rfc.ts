// `deploylint strategy --rfc <file>`: a "Deployment plan" skeleton appended to a feature's RFC:
// migration order (expand, migrate, contract), flag gating 0 → 5 → 25 → 50 → 100% with a time per
// step and a cleanup date, rollback triggers (metric, threshold, longest degraded time), and canary
// criteria when the platform files configure a canary. Idempotent: an RFC with the section keeps it.
import { FILL_IN_COMMENT } from "@deploylint/rules-strategy-docs";
import { sameHeading } from "./sections.js";

export const PLAN_HEADING = "Deployment plan";

/** The progressive exposure steps of a flag, in percent of users. */
export const ROLLOUT_STEPS = [0, 5, 25, 50, 100] as const;

/** Whether the RFC already has a Deployment plan heading (any level from 2), outside code blocks. */
export function hasDeploymentPlan(text: string): boolean {
  let fence: string | null = null;
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (opener && (fence === null || (opener[0] === fence[0] && opener.length >= fence.length))) {
      fence = fence === null ? opener : null;
      continue;
    }
    const heading = fence === null ? /^ {0,3}#{2,6}[ \t]+(.*?)[ \t#]*$/.exec(line) : null;
    if (heading && sameHeading(heading[1] ?? "", PLAN_HEADING)) return true;
  }
  return false;
}

export function deploymentPlan(options: { canary: boolean; migrations: boolean }): string[] {
  const lines = [
    `## ${PLAN_HEADING}`,
    "",
    "### Migration order",
    "",
    `${options.migrations ? "" : "(Skip when the feature changes no schema.) "}Each step ships and is verified before the next:`,
    "",
    `1. Expand: ${FILL_IN_COMMENT} (additive migrations only: new tables, nullable columns, indexes built concurrently), deployed before the code that uses them.`,
    `2. Deploy the code that writes both the old and the new shape; backfill in batches: ${FILL_IN_COMMENT}`,
    `3. Contract: ${FILL_IN_COMMENT} (drop what nothing reads any more), in a later release.`,
    "",
    "### Feature flag rollout",
    "",
    `Flag: ${FILL_IN_COMMENT}`,
    "",
    "| Step | Users | Hold for | Go on when |",
    "|---|---|---|---|",
    ...ROLLOUT_STEPS.map(
      (percent, index) =>
        `| ${index + 1} | ${percent}%${percent === 0 ? " (deployed, flag off)" : ""} | ${percent === 100 ? "-" : FILL_IN_COMMENT} | ${percent === 0 ? "smoke checks pass" : percent === 100 ? "-" : "no rollback trigger fired"} |`,
    ),
    "",
    `Flag cleanup: remove the flag and the old code path by ${FILL_IN_COMMENT} (a date).`,
    "",
    "### Rollback triggers",
    "",
    "Turn the flag off (then roll back the release if that is not enough) when a metric crosses its threshold for longer than the time given:",
    "",
    "| Metric | Threshold | Max degraded time |",
    "|---|---|---|",
    `| Error rate | ${FILL_IN_COMMENT} | ${FILL_IN_COMMENT} |`,
    `| p95 latency | ${FILL_IN_COMMENT} | ${FILL_IN_COMMENT} |`,
    `| ${FILL_IN_COMMENT} (a business metric) | ${FILL_IN_COMMENT} | ${FILL_IN_COMMENT} |`,
  ];
  if (options.canary) {
    lines.push(
      "",
      "### Canary criteria",
      "",
      "The canary is promoted only when, over its observation window, it does no worse than the stable version:",
      "",
      "| Metric | Compared with stable | Observation window |",
      "|---|---|---|",
      // Each row names the canary: a reader (or the pack) takes a row for a criterion on its own.
      `| Canary error rate | ${FILL_IN_COMMENT} | ${FILL_IN_COMMENT} |`,
      `| Canary p95 latency | ${FILL_IN_COMMENT} | ${FILL_IN_COMMENT} |`,
    );
  }
  return lines;
}

/** The RFC with the plan appended, or null when it already has one. */
export function withDeploymentPlan(text: string, options: { canary: boolean; migrations: boolean }): string | null {
  if (hasDeploymentPlan(text)) return null;
  const body = text.replace(/\s*$/, "");
  return `${body}${body === "" ? "" : "\n\n"}${deploymentPlan(options).join("\n")}\n`;
}
