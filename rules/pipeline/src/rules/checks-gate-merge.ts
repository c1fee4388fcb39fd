// pipeline/checks-gate-merge: a check that runs on push or pull request can fail the pipeline:
// not `continue-on-error`/`allow_failure`, not `cmd || true`, not after `set +e`.
import { defineRule } from "@deploylint/core/rule-api";
import { PIPELINE_FACT } from "../facts.js";
import { at, CHECK_CLASSES, CHECK_LABELS, Graph, jobLabel, pipelinesOf } from "../graph.js";

export default defineRule({
  id: "checks-gate-merge",
  scope: "project",
  meta: {
    description:
      "Forbid checks that pass while failing: continue-on-error, allow_failure, `|| true` or `set +e` around a check.",
    kinds: ["yaml"],
    facts: [PIPELINE_FACT],
    presets: { recommended: "off", strict: "error", strategy: "error" },
    messages: {
      jobMayFail:
        "Job {{job}} runs {{checks}} but may fail without failing the pipeline ({{how}}): a red check shows as passed and the merge goes ahead.",
      stepMayFail:
        "Step {{step}} of job {{job}} runs {{checks}} with continue-on-error: its failure does not fail the job, so the merge goes ahead.",
      optionalExtra:
        "Step {{step}} of job {{job}} runs {{checks}} with continue-on-error, as an optional extra run: other jobs run {{checks}} and do gate the merge, so make sure nothing is tested only here.",
      masked:
        "Step {{step}} of job {{job}} runs {{checks}} in a way that cannot fail (`|| true`, `|| echo`, or after `set +e`): the step passes whatever the check finds.",
    },
    help: "Let the check fail the pipeline; if it is informational on purpose, run it in a separate workflow that does not claim to gate merges.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/pipeline/checks-gate-merge.md" },
  },
  check(context) {
    const graph = new Graph(pipelinesOf(context));
    const gates = graph.mergeGates();
    // Classes that some step runs in a way that can fail the merge.
    const gating = new Set(
      gates.flatMap((pipeline) =>
        pipeline.jobs
          .filter((job) => !job.mayFail)
          .flatMap((job) =>
            job.steps
              .filter((step) => !step.mayFail)
              .flatMap((step) => step.classes.filter((kind) => !step.masked.includes(kind))),
          ),
      ),
    );
    // A step shared by several pipelines (a Bitbucket anchor) is reported once.
    const said = new Set<string>();
    const first = (where: { file: string; line: number; column: number }) => {
      const key = `${where.file}:${where.line}:${where.column}`;
      if (said.has(key)) return false;
      said.add(key);
      return true;
    };
    for (const pipeline of gates) {
      for (const job of pipeline.jobs) {
        const checkSteps = job.steps.filter((step) => CHECK_CLASSES.some((kind) => step.classes.includes(kind)));
        if (checkSteps.length === 0) continue;
        const labelsOf = (classes: readonly string[]) =>
          CHECK_CLASSES.filter((kind) => classes.includes(kind))
            .map((kind) => CHECK_LABELS[kind])
            .join(", ");
        if (job.mayFail) {
          if (!first(job.mayFail)) continue;
          const how = pipeline.provider === "gitlab-ci" ? "allow_failure: true" : "continue-on-error";
          const jobChecks = CHECK_CLASSES.filter((kind) => checkSteps.some((step) => step.classes.includes(kind)));
          context.report({
            messageId: "jobMayFail",
            data: { job: jobLabel(job), checks: labelsOf(checkSteps.flatMap((step) => step.classes)), how },
            // Beside jobs that run the same checks and gate, an optional job is said, not failed.
            ...(jobChecks.every((kind) => gating.has(kind)) ? { severity: "info" as const } : {}),
            ...at(job.mayFail),
          });
          continue;
        }
        for (const step of checkSteps) {
          if (!first(step)) continue;
          const stepChecks = CHECK_CLASSES.filter((kind) => step.classes.includes(kind));
          if (step.mayFail && stepChecks.every((kind) => gating.has(kind))) {
            // An instrumented or experimental re-run beside a gating one (hatchet's load-deadlock):
            // said, but not a failure.
            context.report({
              messageId: "optionalExtra",
              data: { step: step.label, job: jobLabel(job), checks: labelsOf(step.classes) },
              severity: "info",
              ...at(step),
            });
          } else if (step.mayFail) {
            context.report({
              messageId: "stepMayFail",
              data: { step: step.label, job: jobLabel(job), checks: labelsOf(step.classes) },
              ...at(step),
            });
          } else if (step.masked.some((kind) => CHECK_CLASSES.includes(kind))) {
            context.report({
              messageId: "masked",
              data: { step: step.label, job: jobLabel(job), checks: labelsOf(step.masked) },
              ...at(step),
            });
          }
        }
      }
    }
  },
});
