// pipeline/smoke-after-deploy: every deploy (staging and production) is followed by a smoke test
// of the environment it deployed: a later step of the deploy job, a job that needs it, or a
// workflow that follows its workflow. A smoke test that names another environment (staging's URL
// after a production deploy) does not count; one whose target cannot be told does.
import { defineRule } from "@deploylint/core/rule-api";
import { MANIFEST_HOSTS_FACT, PIPELINE_FACT } from "../facts.js";
import {
  at,
  downstream,
  Graph,
  isDeployJob,
  jobLabel,
  manifestHosts,
  pipelinesOf,
  smokesAfter,
  smokeTargetLabel,
  smokeVerdict,
  targetLabel,
  unreadFor,
  unreadLabel,
} from "../graph.js";

export default defineRule({
  id: "smoke-after-deploy",
  scope: "project",
  meta: {
    description: "Require every deploy job to be followed by a smoke test against what it deployed.",
    kinds: ["yaml"],
    facts: [PIPELINE_FACT, MANIFEST_HOSTS_FACT],
    presets: { recommended: "off", strict: "error", strategy: "error" },
    messages: {
      noSmoke:
        "Deploy job {{job}} ({{environment}}) is followed by no smoke test: a deploy that starts but does not serve goes unnoticed until users hit it.",
      noSmokeUnread:
        "Deploy job {{job}} ({{environment}}) is followed by no smoke test that deploylint could read; one may be defined in {{unread}}, which cannot be read offline: check that it smoke-tests {{environment}}.",
      wrongTarget:
        "The smoke test in job {{smokeJob}} ({{step}}) targets {{tested}}, not {{environment}}, which deploy job {{job}} just deployed: {{environment}} itself is never smoke-tested.",
    },
    help: "Add a step after the deploy (or a job that needs it) that checks the deployed environment: `tools/qa/smoke-test.sh <environment>`, `deploylint smoke --environment <environment>`, `curl --fail <url>/health`; or name your script in settings.pipeline.commands.smoke.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/pipeline/smoke-after-deploy.md" },
  },
  check(context) {
    const graph = new Graph(pipelinesOf(context));
    const hosts = manifestHosts(context);
    for (const pipeline of graph.pipelines) {
      for (const job of pipeline.jobs.filter(isDeployJob)) {
        const smokes = smokesAfter(graph, pipeline, job);
        if (smokes.some(({ step }) => smokeVerdict(job, step, hosts) !== "other")) continue;
        const environment = targetLabel(job);
        const wrong = smokes[0];
        if (wrong) {
          context.report({
            messageId: "wrongTarget",
            data: {
              step: wrong.step.label,
              smokeJob: jobLabel(wrong.job),
              tested: smokeTargetLabel(wrong.step),
              environment,
              job: jobLabel(job),
            },
            ...at(wrong.step),
          });
          continue;
        }
        const unread = unreadFor(pipeline, [job, ...downstream(pipeline, job)]);
        if (unread.length > 0) {
          context.report({
            messageId: "noSmokeUnread",
            data: { job: jobLabel(job), environment, unread: unreadLabel(unread) },
            severity: "info",
            ...at(job),
          });
          continue;
        }
        context.report({ messageId: "noSmoke", data: { job: jobLabel(job), environment }, ...at(job) });
      }
    }
  },
});
