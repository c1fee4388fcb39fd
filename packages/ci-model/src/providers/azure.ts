// Azure Pipelines (azure-pipelines.yml): triggers (`trigger`, `pr`, `schedules`), stages with
// `dependsOn` (default: the stage before), jobs and deployment jobs with their environment,
// steps (script/bash/pwsh/powershell/task), `continueOnError`, ManualValidation tasks, and
// `lockBehavior: sequential`. Approvals and checks on an environment live in Azure DevOps.
import { type Document, isMap, isScalar, isSeq } from "yaml";
import type { CiJob, CiPipeline, CiStep, CiTrigger } from "../model.js";
import { isTrue, keyAt, locate, nodeAt, pairsOf, scalarText, textList } from "../yaml-nodes.js";
import { type ReadContext, stepOf } from "./shared.js";

export function isAzurePipelines(path: string): boolean {
  return /^azure-pipelines\.ya?ml$/.test(path) || /^\.azure-pipelines\/[^/]+\.ya?ml$/.test(path);
}

const SCRIPT_KEYS = ["script", "bash", "pwsh", "powershell"];

export function readAzurePipelines(document: Document, context: ReadContext): CiPipeline {
  const { file, lines } = context;
  const root = document.contents;
  const pipelineLock = scalarText(nodeAt(root, ["lockBehavior"])) === "sequential";
  const stagesNode = nodeAt(root, ["stages"]);
  const stages = isSeq(stagesNode)
    ? stagesNode.items.flatMap((stage) => {
        const name = scalarText(nodeAt(stage, ["stage"]));
        return name === null ? [] : [{ name, node: stage }];
      })
    : [{ name: "", node: root }];
  const jobs: CiJob[] = [];
  const jobsOfStage = new Map<string, string[]>();
  stages.forEach(({ name: stageName, node: stage }, index) => {
    const dependsNode = nodeAt(stage, ["dependsOn"]);
    const stageNeeds =
      dependsNode !== undefined ? textList(dependsNode) : index > 0 ? [stages[index - 1]?.name ?? ""] : [];
    const inherited = stageNeeds.flatMap((other) => jobsOfStage.get(other) ?? []);
    const lock = pipelineLock || scalarText(nodeAt(stage, ["lockBehavior"])) === "sequential";
    const prefix = stageName === "" ? "" : `${stageName}.`;
    const jobsNode = nodeAt(stage, ["jobs"]);
    const own: string[] = [];
    const items = isSeq(jobsNode) ? jobsNode.items : nodeAt(stage, ["steps"]) !== undefined ? [stage] : [];
    for (const job of items) {
      const deployment = scalarText(nodeAt(job, ["deployment"]));
      const plain = scalarText(nodeAt(job, ["job"]));
      const bare = deployment ?? plain ?? "job";
      const id = `${prefix}${bare}`;
      const keyNode = keyAt(job, "deployment") ?? keyAt(job, "job") ?? keyAt(stage, "stage") ?? job;
      const environmentNode = nodeAt(job, ["environment"]);
      const environment = isMap(environmentNode)
        ? scalarText(nodeAt(environmentNode, ["name"]))
        : scalarText(environmentNode);
      const steps = readSteps(job, context);
      const manual = steps.find((step) => /^ManualValidation@/i.test(step.uses ?? ""));
      const jobDepends = textList(nodeAt(job, ["dependsOn"])).map((other) => `${prefix}${other}`);
      jobs.push({
        ...locate(keyNode, lines, file),
        id,
        name: scalarText(nodeAt(job, ["displayName"])),
        stage: stageName || null,
        needs: [...jobDepends, ...inherited],
        environment:
          environment === null
            ? null
            : { ...locate(keyAt(job, "environment"), lines, file), name: environment.split(".")[0] ?? environment },
        branches: null,
        tags: false,
        steps,
        manual: manual ? { ...manual } : null,
        approvalOnly: manual !== undefined && steps.length === 1,
        mayFail: isTrue(nodeAt(job, ["continueOnError"])) ? locate(keyAt(job, "continueOnError"), lines, file) : null,
        serialisedBy: lock ? "lockBehavior: sequential" : null,
        uses: scalarText(nodeAt(job, ["template"])),
        external: null,
      });
      own.push(id);
    }
    jobsOfStage.set(stageName, own);
  });
  const branches = branchFilter(nodeAt(root, ["trigger"]));
  for (const job of jobs) job.branches = branches;
  return {
    ...locate(
      keyAt(root, "trigger") ?? keyAt(root, "stages") ?? keyAt(root, "jobs") ?? keyAt(root, "steps"),
      lines,
      file,
    ),
    provider: "azure-pipelines",
    name: scalarText(nodeAt(root, ["name"])) ?? file,
    triggers: triggersOf(root, context),
    jobs,
    includes: [],
    external: [],
    problems: [],
  };
}

// Steps of a job, of a deployment job's strategy (runOnce/rolling/canary: deploy, routeTraffic,
// postRouteTraffic, on success/failure) in order.
function readSteps(job: unknown, context: ReadContext): CiStep[] {
  const lists: unknown[] = [nodeAt(job, ["steps"])];
  for (const { value: strategy } of pairsOf(nodeAt(job, ["strategy"]))) {
    for (const phase of ["preDeploy", "deploy", "routeTraffic", "postRouteTraffic"])
      lists.push(nodeAt(strategy, [phase, "steps"]));
    lists.push(nodeAt(strategy, ["on", "failure", "steps"]), nodeAt(strategy, ["on", "success", "steps"]));
  }
  return lists.flatMap((list) => (isSeq(list) ? list.items.map((step, index) => readStep(step, index, context)) : []));
}

function readStep(step: unknown, index: number, context: ReadContext): CiStep {
  const { file, lines, table } = context;
  const scriptKey = SCRIPT_KEYS.find((key) => nodeAt(step, [key]) !== undefined);
  const task = scalarText(nodeAt(step, ["task"])) ?? scalarText(nodeAt(step, ["template"]));
  const inputs = pairsOf(nodeAt(step, ["inputs"]))
    .map(({ value }) => scalarText(value) ?? "")
    .join("\n");
  const script = scriptKey ? scalarText(nodeAt(step, [scriptKey])) : task ? inputs : null;
  return stepOf({
    where: locate(keyAt(step, scriptKey ?? "task") ?? keyAt(step, "template") ?? step, lines, file),
    label: scalarText(nodeAt(step, ["displayName"])) ?? task ?? `step ${index + 1}`,
    script,
    uses: task,
    mayFail: isTrue(nodeAt(step, ["continueOnError"])),
    table,
  });
}

function branchFilter(trigger: unknown): string[] | null {
  if (isScalar(trigger)) return trigger.value === "none" ? [] : [String(trigger.value)];
  if (isSeq(trigger)) return textList(trigger);
  const include = textList(nodeAt(trigger, ["branches", "include"]));
  return include.length > 0 && !include.includes("*") ? include.map((b) => b.replace(/^refs\/heads\//, "")) : null;
}

function triggersOf(root: unknown, context: ReadContext): CiTrigger[] {
  const { file, lines } = context;
  const at = (key: string) => locate(keyAt(root, key) ?? pairsOf(root)[0]?.keyNode, lines, file);
  const triggers: CiTrigger[] = [];
  const trigger = nodeAt(root, ["trigger"]);
  if (scalarText(trigger) !== "none")
    triggers.push({ ...at("trigger"), kind: "push", branches: branchFilter(trigger) });
  const pr = nodeAt(root, ["pr"]);
  if (scalarText(pr) !== "none") triggers.push({ ...at("pr"), kind: "pull-request", branches: null });
  if (nodeAt(root, ["schedules"]) !== undefined)
    triggers.push({ ...at("schedules"), kind: "schedule", branches: ["@default"] });
  return triggers;
}
