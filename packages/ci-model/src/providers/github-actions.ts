// GitHub Actions (.github/workflows/*.yml): triggers with their branch filters, jobs with needs,
// environment, `if:` branch narrowing, steps (run/uses), continue-on-error and concurrency.
import { type Document, isMap, isScalar, isSeq } from "yaml";
import { branchesOfCondition } from "../commands.js";
import type { CiExternal, CiJob, CiPipeline, CiStep, CiTrigger, TriggerKind } from "../model.js";
import { isTrue, keyAt, literalHost, locate, nodeAt, pairOf, pairsOf, scalarText, textList } from "../yaml-nodes.js";
import { type ReadContext, stepOf } from "./shared.js";

export function isGithubWorkflow(path: string): boolean {
  return /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path);
}

export function readGithubWorkflow(document: Document, context: ReadContext): CiPipeline {
  const { file, lines } = context;
  const root = document.contents;
  const onKey = keyAt(root, "on") ?? keyAt(root, "true");
  const triggers = readTriggers(nodeAt(root, ["on"]) ?? nodeAt(root, ["true"]), context);
  const refs = refsOf(triggers);
  const workflowGroup = groupOf(nodeAt(root, ["concurrency"]));
  const jobs: CiJob[] = [];
  const external: CiExternal[] = [];
  for (const { key: id, value: job, keyNode } of pairsOf(nodeAt(root, ["jobs"]))) {
    if (!isMap(job)) continue;
    const environmentNode = pairOf(job.items, "environment")?.value;
    const environmentName = isMap(environmentNode)
      ? scalarText(nodeAt(environmentNode, ["name"]))
      : scalarText(environmentNode);
    const condition = scalarText(pairOf(job.items, "if")?.value);
    const restricted = condition === null ? null : branchesOfCondition(condition);
    const stepsNode = nodeAt(job, ["steps"]);
    const steps: CiStep[] = isSeq(stepsNode)
      ? stepsNode.items.map((step, index) => readStep(step, index, context))
      : [];
    const jobUses = scalarText(nodeAt(job, ["uses"]));
    if (jobUses) {
      steps.push(
        stepOf({
          where: locate(keyAt(job, "uses"), lines, file),
          label: jobUses,
          script: null,
          uses: jobUses,
          mayFail: false,
          table: context.table,
        }),
      );
    }
    // A reusable workflow of another repository (`org/repo/.github/workflows/x.yml@ref`): its jobs
    // run in another repository's file, which cannot be read offline.
    const externalWorkflow = jobUses && !jobUses.startsWith("./") ? jobUses : null;
    if (externalWorkflow)
      external.push({
        ...locate(keyAt(job, "uses"), lines, file),
        kind: "github-workflow",
        ref: externalWorkflow,
        addsJobs: false,
      });
    const continueKey = keyAt(job, "continue-on-error");
    jobs.push({
      ...locate(keyNode, lines, file),
      id,
      name: scalarText(nodeAt(job, ["name"])),
      stage: null,
      needs: textList(pairOf(job.items, "needs")?.value),
      environment:
        environmentName === null
          ? null
          : {
              ...locate(keyAt(job, "environment"), lines, file),
              name: environmentName,
              ...hostOf(environmentNode),
            },
      branches: restricted ?? refs.branches,
      tags: restricted === null && refs.tags,
      steps,
      // An approval action (trstringer/manual-approval) holds the job until someone approves.
      manual: steps.find((step) => /manual-approval/i.test(step.uses ?? "")) ?? null,
      approvalOnly: false,
      mayFail: continueKey && isTrue(nodeAt(job, ["continue-on-error"])) ? locate(continueKey, lines, file) : null,
      serialisedBy: groupOf(nodeAt(job, ["concurrency"])) ?? workflowGroup,
      uses: jobUses,
      external: externalWorkflow,
    });
  }
  return {
    ...(onKey ? locate(onKey, lines, file) : locate(undefined, lines, file)),
    provider: "github-actions",
    name: scalarText(nodeAt(root, ["name"])) ?? file,
    triggers,
    jobs,
    includes: [],
    external,
    problems: [],
  };
}

function readStep(step: unknown, index: number, context: ReadContext): CiStep {
  const { file, lines, table } = context;
  const run = scalarText(nodeAt(step, ["run"]));
  const uses = scalarText(nodeAt(step, ["uses"]));
  const at = keyAt(step, "run") ?? keyAt(step, "uses") ?? step;
  return stepOf({
    where: locate(at, lines, file),
    label: scalarText(nodeAt(step, ["name"])) ?? uses ?? `step ${index + 1}`,
    script: run,
    uses,
    mayFail: isTrue(nodeAt(step, ["continue-on-error"])),
    table,
  });
}

function groupOf(node: unknown): string | null {
  if (isMap(node)) return scalarText(nodeAt(node, ["group"]));
  return scalarText(node);
}

const KINDS: Record<string, TriggerKind> = {
  push: "push",
  pull_request: "pull-request",
  pull_request_target: "pull-request",
  merge_group: "pull-request",
  workflow_dispatch: "manual",
  repository_dispatch: "manual",
  schedule: "schedule",
  release: "tag",
  workflow_run: "pipeline",
};

function readTriggers(on: unknown, context: ReadContext): CiTrigger[] {
  const { file, lines } = context;
  const entries = isScalar(on)
    ? [{ name: String(on.value), config: undefined as unknown, node: on as unknown }]
    : isSeq(on)
      ? on.items.map((item) => ({ name: scalarText(item) ?? "", config: undefined as unknown, node: item as unknown }))
      : pairsOf(on).map(({ key, value, keyNode }) => ({ name: key, config: value, node: keyNode as unknown }));
  const triggers: CiTrigger[] = [];
  for (const { name, config, node } of entries) {
    const where = locate(node, lines, file);
    const kind = KINDS[name] ?? "other";
    if (name === "push") {
      const branches = textList(nodeAt(config, ["branches"]));
      const hasTags = nodeAt(config, ["tags"]) !== undefined;
      if (hasTags) triggers.push({ ...where, kind: "tag", branches: [] });
      if (branches.length > 0 || !hasTags)
        triggers.push({ ...where, kind, branches: branches.length > 0 ? branches : null });
    } else if (name === "workflow_run") {
      const branches = textList(nodeAt(config, ["branches"]));
      triggers.push({
        ...where,
        kind,
        branches: branches.length > 0 ? branches : null,
        after: textList(nodeAt(config, ["workflows"])),
      });
    } else if (name === "schedule") {
      triggers.push({ ...where, kind, branches: ["@default"] });
    } else if (kind === "pull-request") {
      const branches = textList(nodeAt(config, ["branches"]));
      triggers.push({ ...where, kind, branches: branches.length > 0 ? branches : null });
    } else {
      triggers.push({ ...where, kind, branches: kind === "tag" ? [] : null });
    }
  }
  return triggers;
}

// Who can start the workflow decides where its jobs run from: only pushes to listed branches (and
// the schedule, on the default branch) keep a job on known branches; a pull request, a manual
// dispatch or a push to any branch can run it from anywhere. (env-ladder's original semantics.)
function refsOf(triggers: CiTrigger[]): { branches: string[] | null; tags: boolean } {
  const branches = new Set<string>();
  let anyBranch = false;
  let tags = false;
  for (const trigger of triggers) {
    if (trigger.kind === "tag") tags = true;
    else if (trigger.kind === "schedule") branches.add("@default");
    else if ((trigger.kind === "push" || trigger.kind === "pipeline") && trigger.branches !== null)
      for (const branch of trigger.branches) branches.add(branch);
    else anyBranch = true;
  }
  return { branches: anyBranch ? null : [...branches], tags };
}

// `environment: { name, url }`: the URL's host, so a smoke step that fetches it is known to test it.
function hostOf(environment: unknown): { host?: string } {
  const host = isMap(environment) ? literalHost(nodeAt(environment, ["url"])) : undefined;
  return host ? { host } : {};
}
