// pipeline/checks-gate-deploy: a deploy job waits, through its needs graph, for the jobs that run
// the checks; a deploy in a workflow without them waits for the workflow that runs them.
import { defineRule } from "@deploylint/core/rule-api";
import { PIPELINE_FACT } from "../facts.js";
import {
  at,
  Graph,
  isDeployJob,
  jobLabel,
  pipelinesOf,
  targetLabel,
  unreadFor,
  unreadLabel,
  upstream,
} from "../graph.js";

export default defineRule({
  id: "checks-gate-deploy",
  scope: "project",
  meta: {
    description: "Require every deploy job to depend, directly or through its needs, on the jobs that run the checks.",
    kinds: ["yaml"],
    facts: [PIPELINE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "error" },
    messages: {
      notWaiting:
        "Deploy job {{job}} ({{environment}}) does not wait for {{missing}}, which run the checks: it can deploy a revision whose checks are failing or still running.",
      noChecks:
        "Deploy job {{job}} ({{environment}}) runs in {{pipeline}}, which runs no checks and waits for no workflow that does: it deploys whatever was pushed, tested or not.",
      checksAfter:
        "Deploy job {{job}} ({{environment}}) runs before {{after}}, the only jobs of {{pipeline}} that run the checks: it deploys a revision before they pass.",
      noChecksUnread:
        "Deploy job {{job}} ({{environment}}) waits for no checks that deploylint could read; they may be defined in {{unread}}, which cannot be read offline: check that the deploy waits for them.",
    },
    help: "Add the check jobs to the deploy job's needs (or start the deploy workflow with workflow_run after the CI workflow succeeds).",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/pipeline/checks-gate-deploy.md" },
  },
  check(context) {
    const graph = new Graph(pipelinesOf(context));
    for (const pipeline of graph.pipelines) {
      for (const job of pipeline.jobs.filter(isDeployJob)) {
        if (
          job.steps.some(
            (step, index) => graph.runsChecks({ ...job, steps: [step], uses: null }) && index < deployIndex(job),
          )
        )
          continue;
        const before = upstream(pipeline, job);
        const checkJobs = pipeline.jobs.filter(
          (other) =>
            other !== job && graph.runsChecks(other) && !upstream(pipeline, other).includes(job) && !isDeployJob(other),
        );
        const environment = targetLabel(job);
        if (checkJobs.length > 0) {
          const missing = checkJobs.filter((other) => !before.includes(other));
          if (missing.length > 0) {
            context.report({
              messageId: "notWaiting",
              data: { job: jobLabel(job), environment, missing: missing.map(jobLabel).join(", ") },
              ...at(job),
            });
          }
          continue;
        }
        if (before.some((other) => graph.runsChecks(other))) continue;
        if (graph.follows(pipeline).some((other) => other.jobs.some((each) => graph.runsChecks(each)))) continue;
        // Checks only after the deploy (a Bitbucket step list with the checks last): the pipeline
        // does run them, too late. (A deploy with checks before it is not asked to wait for the
        // tests that run against what it deployed.)
        const after = pipeline.jobs.filter(
          (other) => other !== job && !isDeployJob(other) && graph.runsChecks(other) && !before.includes(other),
        );
        if (after.length > 0) {
          context.report({
            messageId: "checksAfter",
            data: { job: jobLabel(job), environment, after: after.map(jobLabel).join(", "), pipeline: pipeline.file },
            ...at(job),
          });
          continue;
        }
        const unread = unreadFor(pipeline, [job, ...before]);
        if (unread.length > 0) {
          context.report({
            messageId: "noChecksUnread",
            data: { job: jobLabel(job), environment, unread: unreadLabel(unread) },
            severity: "info",
            ...at(job),
          });
          continue;
        }
        context.report({
          messageId: "noChecks",
          data: { job: jobLabel(job), environment, pipeline: pipeline.file },
          ...at(job),
        });
      }
    }
  },
});

function deployIndex(job: { steps: { classes: string[] }[] }): number {
  const index = job.steps.findIndex((step) => step.classes.includes("deploy"));
  return index < 0 ? job.steps.length : index;
}
