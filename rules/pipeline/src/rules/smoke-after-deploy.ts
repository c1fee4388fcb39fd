// pipeline/smoke-after-deploy: every deploy (staging and production) is followed by a smoke test:
// a later step of the deploy job, a job that needs it, or a workflow that follows its workflow.
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
  targetLabel,
} from "../graph.js";

export default defineRule({
  id: "smoke-after-deploy",
  scope: "project",
  meta: {
    description: "Require every deploy job to be followed by a smoke test against what it deployed.",
    kinds: ["yaml"],
    facts: [PIPELINE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "error" },
    messages: {
      noSmoke:
        "Deploy job {{job}} ({{environment}}) is followed by no smoke test: a deploy that starts but does not serve goes unnoticed until users hit it.",
    },
    help: "Add a step after the deploy (or a job that needs it) that checks the deployed environment: tools/qa/smoke-test.sh, `curl --fail <url>/health`, a smoke-tagged test run; or name your script in settings.pipeline.commands.smoke.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/pipeline/smoke-after-deploy.md" },
  },
  check(context) {
    const graph = new Graph(pipelinesOf(context));
    for (const pipeline of graph.pipelines) {
      for (const job of pipeline.jobs.filter(isDeployJob)) {
        if (afterDeploy(job, ["smoke"])) continue;
        const smokes = (jobs: typeof pipeline.jobs) => jobs.some((other) => smokesFor(job, other));
        if (smokes(downstream(pipeline, job))) continue;
        if (graph.followedBy(pipeline).some((other) => smokes(other.jobs))) continue;
        context.report({
          messageId: "noSmoke",
          data: { job: jobLabel(job), environment: targetLabel(job) },
          ...at(job),
        });
      }
    }
  },
});
