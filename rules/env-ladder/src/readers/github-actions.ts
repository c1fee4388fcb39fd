// GitHub Actions workflows: each job's environment, the branches it can run from (workflow
// triggers narrowed by the job's `if:`), its needs, and whether it deploys or tests; plus the
// job's `env:` values when it names an environment.
import type { LineIndex } from "@deploylint/core/rule-api";
import { type Document, isMap, isScalar, isSeq } from "yaml";
import type { CiJobFact, ValuesFact } from "../facts.js";
import { branchesOfCondition, isDeployAction, isDeployCommand, isTestCommand, isTestJobName } from "./ci-commands.js";
import { mapEntries, nodeAt, pairOf, pairsOf } from "./yaml-env.js";

export function isGithubWorkflow(path: string): boolean {
  return /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path);
}

interface Refs {
  branches: string[] | null;
  tags: boolean;
}

export function readGithubWorkflow(document: Document, lines: LineIndex): { jobs: CiJobFact[]; values: ValuesFact[] } {
  const root = document.contents;
  const refs = workflowRefs(nodeAt(root, ["on"]) ?? nodeAt(root, ["true"]));
  const jobs: CiJobFact[] = [];
  const values: ValuesFact[] = [];
  for (const { key: id, value: job, keyNode } of pairsOf(nodeAt(root, ["jobs"]))) {
    if (!isMap(job) || !keyNode.range) continue;
    const start = lines.positionAt(keyNode.range[0]);
    const end = lines.positionAt(keyNode.range[1]);
    const environment = environmentName(pairOf(job.items, "environment")?.value);
    const condition = scalarText(pairOf(job.items, "if")?.value);
    const restricted = condition === null ? null : branchesOfCondition(condition);
    const steps = nodeAt(job, ["steps"]);
    const runs = isSeq(steps) ? steps.items.map((step) => scalarText(nodeAt(step, ["run"])) ?? "") : [];
    const uses = [
      ...(isSeq(steps) ? steps.items.map((step) => scalarText(nodeAt(step, ["uses"])) ?? "") : []),
      scalarText(nodeAt(job, ["uses"])) ?? "",
    ].filter((text) => text !== "");
    jobs.push({
      provider: "github-actions",
      id,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      environment,
      branches: restricted ?? refs.branches,
      tags: restricted === null && refs.tags,
      needs: textList(pairOf(job.items, "needs")?.value),
      deploys: runs.some(isDeployCommand) || uses.some(isDeployAction),
      runsTests: isTestJobName(id) || runs.some(isTestCommand),
    });
    if (environment !== null) {
      const entries = mapEntries(nodeAt(job, ["env"]), lines);
      if (entries.length > 0) values.push({ source: "github-actions", environment, entries });
    }
  }
  return { jobs, values };
}

// Triggers decide who can start the workflow: only pushes to listed branches (and the schedule,
// which runs on the default branch) keep a deploy on known branches; a pull request, a manual
// dispatch or a push to any branch can run it from anywhere.
function workflowRefs(on: unknown): Refs {
  const triggers = isScalar(on)
    ? [{ name: String(on.value), config: null as unknown }]
    : isSeq(on)
      ? on.items.map((item) => ({ name: scalarText(item) ?? "", config: null as unknown }))
      : pairsOf(on).map(({ key, value }) => ({ name: key, config: value }));
  const branches = new Set<string>();
  let anyBranch = false;
  let tags = false;
  for (const { name, config } of triggers) {
    if (name === "schedule") branches.add("@default");
    else if (name === "release") tags = true;
    else if (name === "push" || name === "workflow_run") {
      const listed = textList(nodeAt(config, ["branches"]));
      const hasTags = nodeAt(config, ["tags"]) !== undefined;
      if (hasTags) tags = true;
      if (listed.length > 0) for (const branch of listed) branches.add(branch);
      else if (!hasTags) anyBranch = true;
    } else {
      anyBranch = true;
    }
  }
  return { branches: anyBranch ? null : [...branches], tags };
}

function environmentName(node: unknown): string | null {
  if (isMap(node)) return scalarText(nodeAt(node, ["name"]));
  return scalarText(node);
}

function scalarText(node: unknown): string | null {
  return isScalar(node) && node.value !== null ? String(node.value) : null;
}

function textList(node: unknown): string[] {
  if (isScalar(node)) return node.value === null ? [] : [String(node.value)];
  if (isSeq(node)) return node.items.flatMap((item) => (isScalar(item) ? [String(item.value)] : []));
  return [];
}
