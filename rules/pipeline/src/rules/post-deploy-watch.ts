// pipeline/post-deploy-watch: after a production deploy something watches it for a while and can
// roll it back: a watch or rollback step after the deploy, or a job that follows it; or the
// platform rolls back on its own, as configured in the repository (read from the rollout pack's
// facts: ECS's deployment circuit breaker with rollback, a canary whose Argo Rollouts analysis or
// Flagger metrics can abort it), or as the team says with `platformRollback`.

import { defineRule } from "@deploylint/core/rule-api";
import type { PlatformFileFact } from "@deploylint/rules-rollout";
import { PLATFORM_FILE_FACT, productionAutomaticRollbacks } from "@deploylint/rules-rollout";
import { PIPELINE_FACT } from "../facts.js";
import {
  afterDeploy,
  at,
  downstream,
  Graph,
  isDeployJob,
  jobLabel,
  pipelinesOf,
  targetOf,
  unreadFor,
  unreadLabel,
} from "../graph.js";

export interface PostDeployWatchOptions {
  /** How long the strategy watches error rates after a production deploy. */
  watchMinutes: number;
  /** The platform rolls back a bad release by itself (Argo Rollouts, ECS circuit breaker, …). */
  platformRollback: boolean;
}

const DEFAULTS: PostDeployWatchOptions = { watchMinutes: 15, platformRollback: false };

export default defineRule({
  id: "post-deploy-watch",
  scope: "project",
  meta: {
    description: "Require something to watch a production deploy and roll it back on an error spike.",
    kinds: ["yaml"],
    facts: [PIPELINE_FACT, PLATFORM_FILE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "warn" },
    messages: {
      noWatch:
        "Nothing watches production deploy job {{job}} or can roll it back: an error spike after the release lasts until someone notices and reverts by hand (the strategy watches for {{minutes}} minutes).",
      noWatchUnread:
        "Nothing that deploylint could read watches production deploy job {{job}} or can roll it back; a watch may be defined in {{unread}}, which cannot be read offline: check that it watches for {{minutes}} minutes and rolls back on a spike.",
      shortWatch:
        "Production deploy job {{job}} is watched for {{actual}} minutes, less than the {{minutes}} the strategy asks: slow-burning errors surface after the watch ends.",
    },
    help: "Add a step after the production deploy that watches error rates and rolls back on a spike (or a job that needs the deploy); set platformRollback: true if the platform rolls back by itself.",
    options: {
      type: "object",
      properties: {
        watchMinutes: { type: "number", minimum: 1 },
        platformRollback: { type: "boolean" },
      },
      additionalProperties: false,
    },
    defaultOptions: DEFAULTS,
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/pipeline/post-deploy-watch.md" },
  },
  check(context) {
    const options = { ...DEFAULTS, ...context.options };
    if (options.platformRollback) return;
    // A platform that rolls a failing production release back by itself is the watch.
    if (productionAutomaticRollbacks(context.facts<PlatformFileFact>(PLATFORM_FILE_FACT)).length > 0) return;
    const graph = new Graph(pipelinesOf(context));
    for (const pipeline of graph.pipelines) {
      for (const job of pipeline.jobs) {
        if (!isDeployJob(job) || targetOf(job) !== "production") continue;
        const deployAt = job.steps.findIndex((step) => step.classes.includes("deploy"));
        const deployStep = deployAt >= 0 ? job.steps[deployAt] : undefined;
        const later = [
          // The deploy step's own script, when it watches after deploying (its window is the step's).
          ...(deployStep?.afterDeploy.some((kind) => kind === "watch" || kind === "rollback") ? [deployStep] : []),
          ...job.steps.filter((_, index) => deployAt >= 0 && index > deployAt),
          ...downstream(pipeline, job).flatMap((other) => other.steps),
          ...graph.followedBy(pipeline).flatMap((other) => other.jobs.flatMap((each) => each.steps)),
        ];
        const watchers = later.filter((step) => step.classes.includes("watch") || step.classes.includes("rollback"));
        if (watchers.length === 0 && !afterDeploy(job, ["watch", "rollback"])) {
          const unread = unreadFor(pipeline, [job, ...downstream(pipeline, job)]);
          if (unread.length > 0) {
            context.report({
              messageId: "noWatchUnread",
              data: { job: jobLabel(job), minutes: options.watchMinutes, unread: unreadLabel(unread) },
              severity: "info",
              ...at(job),
            });
            continue;
          }
          context.report({
            messageId: "noWatch",
            data: { job: jobLabel(job), minutes: options.watchMinutes },
            ...at(job),
          });
          continue;
        }
        const windows = watchers.flatMap((step) => (step.watchSeconds === null ? [] : [step.watchSeconds]));
        const longest = windows.length > 0 ? Math.max(...windows) : null;
        if (longest !== null && longest < options.watchMinutes * 60) {
          context.report({
            messageId: "shortWatch",
            data: { job: jobLabel(job), actual: Math.round((longest / 60) * 10) / 10, minutes: options.watchMinutes },
            ...at(job),
          });
        }
      }
    }
  },
});
