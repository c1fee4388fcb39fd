// pipeline/staging-before-production: production is deployed only after a staging deploy of the
// same revision and its smoke tests: in the same pipeline's needs graph, in a pipeline it follows
// (`workflow_run`), or through a promotion job that names staging.
import type { CiJob, CiPipeline } from "@deploylint/ci-model";
import { defineRule } from "@deploylint/core/rule-api";
import { PIPELINE_FACT } from "../facts.js";
import {
  afterDeploy,
  at,
  downstream,
  Graph,
  isDeployJob,
  jobLabel,
  pipelinesOf,
  smokesFor,
  targetOf,
  upstream,
} from "../graph.js";

export default defineRule({
  id: "staging-before-production",
  scope: "project",
  meta: {
    description: "Require production deploys to come after a staging deploy of the same revision and its smoke tests.",
    kinds: ["yaml"],
    facts: [PIPELINE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "error" },
    messages: {
      noStaging:
        "Production deploy job {{job}} does not come after a staging deploy: the revision reaches users without having run anywhere like production first.",
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
          context.report({ messageId: "noStaging", data: { job: jobLabel(job) }, ...at(job) });
          continue;
        }
        const smoked = staging.some(({ owner, each }) => {
          if (afterDeploy(each, ["smoke"])) return true;
          const smokeJobs = downstream(owner, each).filter((other) => smokesFor(each, other));
          // In the production pipeline the smoke job must also come before production.
          return owner === pipeline ? smokeJobs.some((other) => before.includes(other)) : smokeJobs.length > 0;
        });
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
