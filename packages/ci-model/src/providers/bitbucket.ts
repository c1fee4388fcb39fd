// Bitbucket Pipelines (bitbucket-pipelines.yml): one pipeline per start condition (default,
// branches, tags, pull-requests, custom); its steps run in order, a parallel group together.
// `deployment:` names the environment, `trigger: manual` is a manual gate, and Bitbucket runs one
// deployment to an environment at a time, so a deployment step is serialised by it.
import { type Document, isAlias, isMap, isSeq, type Node } from "yaml";
import type { CiJob, CiPipeline, CiTrigger, Located, TriggerKind } from "../model.js";
import { keyAt, locate, nodeAt, pairsOf, scalarText, textList } from "../yaml-nodes.js";
import { type ReadContext, stepOf } from "./shared.js";

export function isBitbucketPipelines(path: string): boolean {
  return /^bitbucket-pipelines\.ya?ml$/.test(path);
}

const SECTIONS: Record<string, TriggerKind> = {
  branches: "push",
  tags: "tag",
  "pull-requests": "pull-request",
  custom: "manual",
};

export function readBitbucketPipelines(document: Document, context: ReadContext): CiPipeline[] {
  const { file, lines } = context;
  const deref = (node: unknown): unknown => (isAlias(node) ? node.resolve(document) : node);
  const pipelines: CiPipeline[] = [];
  const add = (name: string, trigger: Omit<CiTrigger, keyof Located>, at: Located, items: unknown) => {
    const jobs = readSteps(deref(items), deref, context).map((job) => ({
      ...job,
      branches: trigger.kind === "tag" ? [] : trigger.branches,
      tags: trigger.kind === "tag",
    }));
    pipelines.push({
      ...at,
      provider: "bitbucket-pipelines",
      name,
      triggers: [{ ...at, ...trigger }],
      jobs,
      includes: [],
      external: [],
      problems: [],
    });
  };
  for (const { key, value, keyNode } of pairsOf(nodeAt(document.contents, ["pipelines"]))) {
    const at = locate(keyNode, lines, file);
    if (key === "default") {
      add("default", { kind: "push", branches: null }, at, value);
      continue;
    }
    const kind = SECTIONS[key];
    if (!kind) continue;
    for (const entry of pairsOf(deref(value))) {
      const where = locate(entry.keyNode, lines, file);
      const branches = kind === "push" ? [entry.key] : kind === "tag" ? [] : null;
      add(`${key}: ${entry.key}`, { kind, branches }, where, entry.value);
    }
  }
  return pipelines;
}

function readSteps(items: unknown, deref: (node: unknown) => unknown, context: ReadContext): CiJob[] {
  const { file, lines, table } = context;
  const jobs: CiJob[] = [];
  let before: string[] = [];
  for (const item of isSeq(items) ? items.items : []) {
    const parallel = deref(nodeAt(item, ["parallel"]));
    const group = isSeq(parallel)
      ? parallel.items
      : isSeq(nodeAt(parallel, ["steps"]))
        ? (nodeAt(parallel, ["steps"]) as { items: unknown[] }).items
        : [item];
    const added: string[] = [];
    for (const member of group) {
      const stepKey = keyAt(member, "step");
      const step = deref(nodeAt(member, ["step"]));
      if (!isMap(step)) continue;
      // Steps are known by name; an unnamed or repeated one by its place.
      const named = scalarText(nodeAt(step, ["name"]));
      const id = named && !jobs.some((job) => job.id === named) ? named : `step ${jobs.length + 1}`;
      const at = locate(stepKey ?? (member as Node), lines, file);
      const deployment = scalarText(nodeAt(step, ["deployment"]));
      const trigger = nodeAt(step, ["trigger"]);
      const script = textList(deref(nodeAt(step, ["script"])));
      const pipes = isSeq(deref(nodeAt(step, ["script"])))
        ? (deref(nodeAt(step, ["script"])) as { items: unknown[] }).items.flatMap((entry) => {
            const pipe = scalarText(nodeAt(entry, ["pipe"]));
            return pipe ? [pipe] : [];
          })
        : [];
      const scriptAt = locate(keyAt(step, "script") ?? stepKey, lines, file);
      jobs.push({
        ...at,
        id,
        name: scalarText(nodeAt(step, ["name"])),
        stage: null,
        needs: [...before],
        environment:
          deployment === null ? null : { ...locate(keyAt(step, "deployment"), lines, file), name: deployment },
        branches: null,
        tags: false,
        steps: [
          stepOf({ where: scriptAt, label: "script", script: script.join("\n"), uses: null, mayFail: false, table }),
          ...pipes.map((pipe) =>
            stepOf({ where: scriptAt, label: pipe, script: null, uses: pipe, mayFail: false, table }),
          ),
        ],
        manual: scalarText(trigger) === "manual" ? locate(keyAt(step, "trigger"), lines, file) : null,
        approvalOnly: false,
        mayFail:
          scalarText(nodeAt(step, ["on-fail", "strategy"])) === "ignore"
            ? locate(keyAt(step, "on-fail"), lines, file)
            : null,
        serialisedBy: deployment === null ? null : `deployment:${deployment}`,
        uses: null,
        external: null,
      });
      added.push(id);
    }
    if (added.length > 0) before = [...before, ...added];
  }
  return jobs;
}
