// pipeline/production-approval: a production deploy passes a manual gate (GitLab `when: manual`,
// a CircleCI approval job, Bitbucket `trigger: manual`, an Azure ManualValidation task) unless the
// team auto-promotes. Gates that live outside the repository (GitHub environment reviewers, Azure
// environment checks, GitLab protected environments) are noted, not assumed.
import type { CiPipeline } from "@deploylint/ci-model";
import { defineRule } from "@deploylint/core/rule-api";
import { PIPELINE_FACT } from "../facts.js";
import { at, Graph, isDeployJob, jobLabel, pipelinesOf, targetOf, unreadFor, unreadLabel, upstream } from "../graph.js";

export interface ProductionApprovalOptions {
  /** The team promotes to production without a person (the strategy allows auto-promote). */
  autoPromote: boolean;
}

const DEFAULTS: ProductionApprovalOptions = { autoPromote: false };

const OUTSIDE: Partial<Record<CiPipeline["provider"], string>> = {
  "github-actions": "the repository's environment settings (required reviewers)",
  "gitlab-ci": "the project's protected environments (approval rules)",
  "azure-pipelines": "the environment's approvals and checks in Azure DevOps",
  "bitbucket-pipelines": "the deployment environment's settings in Bitbucket",
};

export default defineRule({
  id: "production-approval",
  scope: "project",
  meta: {
    description: "Require production deploys to pass a manual approval gate, unless the team auto-promotes.",
    kinds: ["yaml"],
    facts: [PIPELINE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "warn" },
    messages: {
      noGate:
        "Production deploy job {{job}} passes no manual gate: every merge reaches production without anyone deciding to release it.",
      noGateUnread:
        "Production deploy job {{job}} passes no manual gate that deploylint could read; one may be defined in {{unread}}, which cannot be read offline: check that production waits for a person.",
      outside:
        "Production deploy job {{job}} has no manual gate in the pipeline file; its environment {{environment}} may require approval in {{where}}, which deploylint cannot see: check that it does.",
    },
    help: "Add a manual gate before production (GitLab when: manual, a CircleCI approval job, Bitbucket trigger: manual, required reviewers on the GitHub environment), or set autoPromote: true if the team promotes automatically.",
    options: {
      type: "object",
      properties: { autoPromote: { type: "boolean" } },
      additionalProperties: false,
    },
    defaultOptions: DEFAULTS,
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/pipeline/production-approval.md" },
  },
  check(context) {
    const options = { ...DEFAULTS, ...context.options };
    if (options.autoPromote) return;
    const graph = new Graph(pipelinesOf(context));
    for (const pipeline of graph.pipelines) {
      for (const job of pipeline.jobs) {
        if (!isDeployJob(job) || targetOf(job) !== "production") continue;
        const before = upstream(pipeline, job);
        if ([job, ...before].some((other) => other.manual !== null || other.approvalOnly)) continue;
        const where = OUTSIDE[pipeline.provider];
        if (job.environment && where) {
          context.report({
            messageId: "outside",
            data: { job: jobLabel(job), environment: job.environment.name, where },
            severity: "info",
            ...at(job.environment),
          });
        } else if (unreadFor(pipeline, [job, ...before]).length > 0) {
          context.report({
            messageId: "noGateUnread",
            data: { job: jobLabel(job), unread: unreadLabel(unreadFor(pipeline, [job, ...before])) },
            severity: "info",
            ...at(job),
          });
        } else {
          context.report({ messageId: "noGate", data: { job: jobLabel(job) }, ...at(job) });
        }
      }
    }
  },
});
