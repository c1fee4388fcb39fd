// GitLab CI (.gitlab-ci.yml): each job's environment, the branches its `rules:`/`only:` allow, its
// needs (explicit, else every job of the earlier stages), and whether it deploys or tests; plus
// its `variables:` when it names an environment. `extends:` of hidden jobs is followed.
import type { LineIndex } from "@deploylint/core/rule-api";
import { type Document, isMap, isScalar, isSeq, type YAMLMap } from "yaml";
import type { CiJobFact, ValuesFact } from "../facts.js";
import { branchesOfCondition, isDeployCommand, isTestCommand, isTestJobName } from "./ci-commands.js";
import { mapEntries, nodeAt, pairsOf } from "./yaml-env.js";

const RESERVED = new Set([
  "stages",
  "variables",
  "default",
  "include",
  "workflow",
  "image",
  "services",
  "before_script",
  "after_script",
  "cache",
]);
const DEFAULT_STAGES = [".pre", "build", "test", "deploy", ".post"];

export function isGitlabCi(path: string): boolean {
  return /^\.gitlab-ci\.ya?ml$/.test(path) || /^\.gitlab\/ci\/[^/]+\.ya?ml$/.test(path);
}

export function readGitlabCi(document: Document, lines: LineIndex): { jobs: CiJobFact[]; values: ValuesFact[] } {
  const root = document.contents;
  const all = pairsOf(root);
  const templates = new Map(all.filter(({ value }) => isMap(value)).map(({ key, value }) => [key, value as YAMLMap]));
  const field = (job: YAMLMap, name: string, depth = 0): unknown => {
    const own = nodeAt(job, [name]);
    if (own !== undefined || depth > 5) return own;
    for (const parent of textList(nodeAt(job, ["extends"])).reverse()) {
      const template = templates.get(parent);
      const inherited = template ? field(template, name, depth + 1) : undefined;
      if (inherited !== undefined) return inherited;
    }
    return undefined;
  };
  const stages = textList(nodeAt(root, ["stages"]));
  const order = stages.length > 0 ? [".pre", ...stages, ".post"] : DEFAULT_STAGES;
  const defined = all.filter(({ key, value }) => !RESERVED.has(key) && !key.startsWith(".") && isMap(value));
  const stageOf = new Map(
    defined.map(({ key, value }) => [key, scalarText(field(value as YAMLMap, "stage")) ?? "test"]),
  );

  const jobs: CiJobFact[] = [];
  const values: ValuesFact[] = [];
  for (const { key: id, value, keyNode } of defined) {
    const job = value as YAMLMap;
    if (!keyNode.range) continue;
    const start = lines.positionAt(keyNode.range[0]);
    const end = lines.positionAt(keyNode.range[1]);
    const environmentNode = field(job, "environment");
    const environment = isMap(environmentNode)
      ? scalarText(nodeAt(environmentNode, ["name"]))
      : scalarText(environmentNode);
    const scripts = ["before_script", "script", "after_script"].flatMap((name) => textList(field(job, name)));
    const needsNode = field(job, "needs");
    const stageIndex = order.indexOf(stageOf.get(id) ?? "test");
    const needs =
      needsNode !== undefined
        ? needList(needsNode)
        : [...stageOf].filter(([, stage]) => order.indexOf(stage) < stageIndex).map(([other]) => other);
    const refs = jobRefs(field(job, "rules"), field(job, "only"));
    jobs.push({
      provider: "gitlab-ci",
      id,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      environment,
      branches: refs.branches,
      tags: refs.tags,
      needs,
      deploys: scripts.some(isDeployCommand),
      runsTests: isTestJobName(id) || stageOf.get(id) === "test" || scripts.some(isTestCommand),
    });
    if (environment !== null) {
      const entries = mapEntries(nodeAt(job, ["variables"]), lines);
      if (entries.length > 0) values.push({ source: "gitlab-ci", environment, entries });
    }
  }
  return { jobs, values };
}

// `rules:` run the job when any rule that is not `when: never` matches; `only:` lists refs.
function jobRefs(rules: unknown, only: unknown): { branches: string[] | null; tags: boolean } {
  if (isSeq(rules)) {
    const branches: string[] = [];
    let tags = false;
    for (const rule of rules.items) {
      if (scalarText(nodeAt(rule, ["when"])) === "never") continue;
      const condition = scalarText(nodeAt(rule, ["if"]));
      if (condition === null) return { branches: null, tags: true };
      if (/\$CI_COMMIT_TAG\b/.test(condition) && !/\$CI_COMMIT_TAG\s*==\s*null/.test(condition)) {
        tags = true;
        continue;
      }
      const found = branchesOfCondition(condition);
      if (found === null) return { branches: null, tags: true };
      branches.push(...found);
    }
    return { branches, tags };
  }
  const refs = isMap(only) ? textList(nodeAt(only, ["refs"])) : textList(only);
  if (refs.length === 0 || refs.includes("branches")) return { branches: null, tags: true };
  return {
    branches: refs.filter((ref) => ref !== "tags" && ref !== "branches"),
    tags: refs.includes("tags"),
  };
}

function needList(node: unknown): string[] {
  if (!isSeq(node)) return [];
  return node.items.flatMap((item) => {
    const name = isMap(item) ? scalarText(nodeAt(item, ["job"])) : scalarText(item);
    return name === null ? [] : [name];
  });
}

function scalarText(node: unknown): string | null {
  return isScalar(node) && node.value !== null ? String(node.value) : null;
}

function textList(node: unknown): string[] {
  if (isScalar(node)) return node.value === null ? [] : [String(node.value)];
  if (isSeq(node)) return node.items.flatMap((item) => (isScalar(item) ? [String(item.value)] : []));
  return [];
}
