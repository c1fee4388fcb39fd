// pipeline/staging-before-production: production is deployed only after a staging deploy of the
// same revision and its smoke tests: in the same pipeline's needs graph, in a pipeline it follows
// (`workflow_run`), or through a promotion job that names staging.
import type { CiJob, CiPipeline } from "@deploylint/ci-model";
import { defineRule } from "@deploylint/core/rule-api";
import { MANIFEST_HOSTS_FACT, PIPELINE_FACT } from "../facts.js";
import {
  at,
  Graph,
  isDeployJob,
  jobLabel,
  manifestHosts,
  pipelinesOf,
  smokesAfter,
  smokeVerdict,
  targetOf,
  unreadFor,
  unreadLabel,
  upstream,
} from "../graph.js";

export default defineRule({
  id: "staging-before-production",
  scope: "project",
  meta: {
    description: "Require production deploys to come after a staging deploy of the same revision and its smoke tests.",
    kinds: ["yaml"],
    facts: [PIPELINE_FACT, MANIFEST_HOSTS_FACT],
    presets: { recommended: "off", strict: "error", strategy: "error" },
    messages: {
      noStaging:
        "Production deploy job {{job}} does not come after a staging deploy: the revision reaches users without having run anywhere like production first.",
      noStagingUnread:
        "Production deploy job {{job}} comes after no staging deploy that deploylint could read; one may be defined in {{unread}}, which cannot be read offline: check that production waits for it.",
      noStagingSmoke:
        "Production deploy job {{job}} comes after staging deploy {{staging}} but not after a smoke test of staging: a release that broke staging is promoted anyway.",
    },
    help: "Make the production job need the staging deploy and the job that smoke-tests staging (or a promotion job that names staging).",
    docs: {
      url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/pipeline/staging-before-production.md",
    },
  },
  check(context) {
    const graph = new Graph(pipelinesOf(context));
    const hosts = manifestHosts(context);
    for (const pipeline of graph.pipelines) {
      for (const job of pipeline.jobs) {
        if (!isDeployJob(job) || targetOf(job) !== "production") continue;
        const before = upstream(pipeline, job);
        if ([job, ...before].some(isPromotionFromStaging)) continue;
        const candidates: { pipeline: CiPipeline; staging: CiJob[] }[] = [
          { pipeline, staging: before.filter((other) => isDeployJob(other) && targetOf(other) === "staging") },
          ...graph.follows(pipeline).map((other) => ({
            pipeline: other,
            staging: other.jobs.filter((each) => isDeployJob(each) && targetOf(each) === "staging"),
          })),
        ];
        const staging = candidates.flatMap(({ pipeline: owner, staging: jobs }) =>
          jobs.map((each) => ({ owner, each })),
        );
        if (staging.length === 0) {
          const unread = unreadFor(pipeline, [job, ...before]);
          if (unread.length > 0)
            context.report({
              messageId: "noStagingUnread",
              data: { job: jobLabel(job), unread: unreadLabel(unread) },
              severity: "info",
              ...at(job),
            });
          else context.report({ messageId: "noStaging", data: { job: jobLabel(job) }, ...at(job) });
          continue;
        }
        const smoked = staging.some(({ owner, each }) =>
          smokesAfter(graph, owner, each).some(
            (smoke) =>
              smokeVerdict(each, smoke.step, hosts) !== "other" &&
              // In the production pipeline the smoke job must also come before production.
              (smoke.job === each || smoke.pipeline !== pipeline || before.includes(smoke.job)),
          ),
        );
        if (!smoked) {
          context.report({
            messageId: "noStagingSmoke",
            data: { job: jobLabel(job), staging: staging.map(({ each }) => jobLabel(each)).join(", ") },
            ...at(job),
          });
        }
      }
    }
  },
});

function isPromotionFromStaging(job: CiJob): boolean {
  const words = `${job.id} ${job.name ?? ""}`.toLowerCase();
  return /promot/.test(words) && /stag/.test(words);
}
