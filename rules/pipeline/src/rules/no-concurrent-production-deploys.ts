// pipeline/no-concurrent-production-deploys: two production deploys never run at once (a
// concurrency group, GitLab resource_group, CircleCI serial-group, Azure lockBehavior; Bitbucket
// serialises a deployment environment by itself). A group keyed by the run id or commit is one
// group per run, which serialises nothing.
import { defineRule } from "@deploylint/core/rule-api";
import { PIPELINE_FACT } from "../facts.js";
import { at, Graph, isDeployJob, jobLabel, pipelinesOf, targetOf, unreadFor, unreadLabel } from "../graph.js";

const PER_RUN =
  /\b(github\.(run_id|run_number|run_attempt|sha)|CI_PIPELINE_ID|CI_JOB_ID|CI_COMMIT_SHA|CIRCLE_BUILD_NUM|Build\.BuildId)\b/;

export default defineRule({
  id: "no-concurrent-production-deploys",
  scope: "project",
  meta: {
    description: "Require production deploys to be serialised by a concurrency group or resource group.",
    kinds: ["yaml"],
    facts: [PIPELINE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "warn" },
    messages: {
      notSerialised:
        "Production deploy job {{job}} is not serialised: two merges in quick succession deploy at once, and the older revision can finish last.",
      notSerialisedUnread:
        "Production deploy job {{job}} is not serialised in anything deploylint could read; a group may be set in {{unread}}, which cannot be read offline: check that production deploys run one at a time.",
      perRun:
        "Production deploy job {{job}} is in concurrency group {{group}}, which differs for every run: it serialises nothing, so two deploys can still overlap.",
    },
    help: "Give production deploys one fixed group: GitHub `concurrency: { group: deploy-production, cancel-in-progress: false }`, GitLab `resource_group: production`, CircleCI `serial-group`, Azure `lockBehavior: sequential`.",
    docs: {
      url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/pipeline/no-concurrent-production-deploys.md",
    },
  },
  check(context) {
    const graph = new Graph(pipelinesOf(context));
    for (const pipeline of graph.pipelines) {
      for (const job of pipeline.jobs) {
        if (!isDeployJob(job) || targetOf(job) !== "production") continue;
        const group = job.serialisedBy;
        const unread = unreadFor(pipeline, [job]);
        if (group === null && unread.length > 0) {
          context.report({
            messageId: "notSerialisedUnread",
            data: { job: jobLabel(job), unread: unreadLabel(unread) },
            severity: "info",
            ...at(job),
          });
        } else if (group === null) {
          context.report({ messageId: "notSerialised", data: { job: jobLabel(job) }, ...at(job) });
        } else if (PER_RUN.test(group)) {
          context.report({ messageId: "perRun", data: { job: jobLabel(job), group }, ...at(job) });
        }
      }
    }
  },
});
