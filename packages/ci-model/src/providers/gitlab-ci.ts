// GitLab CI (.gitlab-ci.yml): jobs with their stage, needs (explicit, else every job of the earlier
// stages), environment, `rules:`/`only:` branches, `when: manual`, `allow_failure`,
// `resource_group`; `extends:` of hidden jobs and `include:` of local files are followed.

import { createLineIndex } from "@deploylint/core/sources";
import { type Document, isMap, isScalar, isSeq, parseDocument, type YAMLMap } from "yaml";
import { branchesOfCondition, classesOfAction } from "../commands.js";
import type { CiExternal, CiJob, CiPipeline, CiStep, CiTrigger, CommandClass, Located } from "../model.js";
import { isTrue, keyAt, literalHost, locate, nodeAt, pairsOf, scalarText, textList } from "../yaml-nodes.js";
import { type ReadContext, stepOf } from "./shared.js";

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

/** The root pipeline file (the others are included by it). */
export function isGitlabRoot(path: string): boolean {
  return /^\.gitlab-ci\.ya?ml$/.test(path);
}

interface Entry {
  key: string;
  value: YAMLMap;
  keyNode: unknown;
  context: ReadContext;
}

export function readGitlabCi(document: Document, context: ReadContext): CiPipeline {
  const root = document.contents;
  const problems: CiPipeline["problems"] = [];
  const includes: string[] = [];
  const external: CiExternal[] = [];
  const entries: Entry[] = [];
  const collect = (rootNode: unknown, from: ReadContext, depth: number) => {
    const read = readIncludes(nodeAt(rootNode, ["include"]));
    for (const { kind, ref, node } of read.external)
      external.push({
        ...locate(node, from.lines, from.file),
        kind,
        ref,
        // A scan template (Security/Dependency-Scanning) adds its own scan job, which the model
        // has below; any other include may add or change any job.
        addsJobs: !(kind === "gitlab-template" && isCheckTemplate(ref, from.table)),
      });
    // Included files come first: the including file's own keys override theirs.
    for (const path of read.local) {
      includes.push(path);
      const text = depth < 5 && from.readFile ? from.readFile(`/${path.replace(/^\/+/, "")}`) : null;
      if (text === null) {
        if (from.readFile) {
          const at = locate(keyAt(rootNode, "include"), from.lines, from.file);
          problems.push({ message: `included file ${path} could not be read`, line: at.line, column: at.column });
        }
        continue;
      }
      const included = parseDocument(text);
      if (included.errors.length > 0) continue;
      const file = path.replace(/^\/+/, "");
      collect(included.contents, { ...from, file, lines: createLineIndex(text) }, depth + 1);
    }
    for (const { key, value, keyNode } of pairsOf(rootNode)) {
      if (!isMap(value)) continue;
      const existing = entries.findIndex((entry) => entry.key === key);
      if (existing >= 0) entries.splice(existing, 1);
      entries.push({ key, value, keyNode, context: from });
    }
  };
  collect(root, context, 0);

  const templates = new Map(entries.map((entry) => [entry.key, entry.value]));
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
  // Where a job's field is written: its own key, else the template's it inherits (a finding about
  // an inherited script points into the template, where the change goes).
  const entryOf = new Map(entries.map((entry) => [entry.key, entry]));
  const whereDefined = (job: YAMLMap, name: string, from: ReadContext, depth = 0): Located | null => {
    const key = keyAt(job, name);
    if (key) return locate(key, from.lines, from.file);
    if (depth > 5) return null;
    for (const parent of textList(nodeAt(job, ["extends"])).reverse()) {
      const entry = entryOf.get(parent);
      const found = entry ? whereDefined(entry.value, name, entry.context, depth + 1) : null;
      if (found) return found;
    }
    return null;
  };
  const stages = textList(nodeAt(root, ["stages"]));
  const order = stages.length > 0 ? [".pre", ...stages, ".post"] : DEFAULT_STAGES;
  const defined = entries.filter(({ key }) => !RESERVED.has(key) && !key.startsWith("."));
  const stageOf = new Map(defined.map(({ key, value }) => [key, scalarText(field(value, "stage")) ?? "test"]));
  // A scan template (Security/Dependency-Scanning.gitlab-ci.yml) is one job of its class in the
  // test stage, as GitLab runs it (or the first stage, where a pipeline without one must have moved
  // it); its other settings stay unknown.
  const scanTemplates = external.filter((include) => include.kind === "gitlab-template" && !include.addsJobs);
  const scanStage = order.includes("test") ? "test" : (order[1] ?? "test");
  for (const include of scanTemplates) stageOf.set(include.ref, scanStage);

  const jobs: CiJob[] = [];
  for (const { key: id, value: job, keyNode, context: from } of defined) {
    const { file, lines, table } = from;
    const environmentNode = field(job, "environment");
    const environmentName = isMap(environmentNode)
      ? scalarText(nodeAt(environmentNode, ["name"]))
      : scalarText(environmentNode);
    const script = ["before_script", "script", "after_script"].flatMap((name) => textList(field(job, name)));
    const needsNode = field(job, "needs");
    const stage = stageOf.get(id) ?? "test";
    const stageIndex = order.indexOf(stage);
    const needs =
      needsNode !== undefined
        ? needList(needsNode)
        : [...stageOf].filter(([, other]) => order.indexOf(other) < stageIndex).map(([other]) => other);
    const refs = jobRefs(field(job, "rules"), field(job, "only"));
    const at = locate(keyNode, lines, file);
    const steps: CiStep[] =
      script.length > 0
        ? [
            stepOf({
              where: whereDefined(job, "script", from) ?? locate(keyNode, lines, file),
              label: "script",
              script: script.join("\n"),
              uses: null,
              mayFail: false,
              table,
            }),
          ]
        : [];
    const allowFailure = field(job, "allow_failure");
    const resourceGroup = scalarText(field(job, "resource_group"));
    jobs.push({
      ...at,
      id,
      name: null,
      stage,
      needs,
      environment:
        environmentName === null
          ? null
          : {
              ...locate(keyAt(job, "environment") ?? keyNode, lines, file),
              name: environmentName,
              ...hostOf(environmentNode),
            },
      branches: refs.branches,
      tags: refs.tags,
      steps,
      manual: manualOf(job, field, from),
      approvalOnly: false,
      mayFail: isTrue(allowFailure) ? locate(keyAt(job, "allow_failure") ?? keyNode, lines, file) : null,
      serialisedBy: resourceGroup,
      uses: null,
      external: null,
    });
  }
  for (const include of scanTemplates) {
    const scanIndex = order.indexOf(scanStage);
    jobs.push({
      ...include,
      id: include.ref,
      name: null,
      stage: scanStage,
      needs: [...stageOf].filter(([, other]) => order.indexOf(other) < scanIndex).map(([other]) => other),
      environment: null,
      branches: null,
      tags: true,
      steps: [
        stepOf({
          where: include,
          label: include.ref,
          script: null,
          uses: include.ref,
          mayFail: false,
          table: context.table,
        }),
      ],
      manual: null,
      approvalOnly: false,
      mayFail: null,
      serialisedBy: null,
      uses: include.ref,
      external: include.ref,
    });
  }
  const rootAt = locate(keyAt(root, "stages") ?? pairsOf(root)[0]?.keyNode, context.lines, context.file);
  return {
    ...rootAt,
    provider: "gitlab-ci",
    name: context.file,
    triggers: triggersOf(root, rootAt),
    jobs,
    includes,
    external,
    problems,
  };
}

// A GitLab pipeline runs for every push unless `workflow: rules` say otherwise; merge request
// pipelines run when a rule names the merge request event.
function triggersOf(root: unknown, at: Located): CiTrigger[] {
  const triggers: CiTrigger[] = [{ ...at, kind: "push", branches: null }];
  const rules = nodeAt(root, ["workflow", "rules"]);
  const text = isSeq(rules) ? rules.items.map((rule) => scalarText(nodeAt(rule, ["if"])) ?? "").join("\n") : "";
  if (!isSeq(rules) || /merge_request/.test(text)) triggers.push({ ...at, kind: "pull-request", branches: null });
  if (!isSeq(rules) || /CI_COMMIT_TAG/.test(text)) triggers.push({ ...at, kind: "tag", branches: [] });
  return triggers;
}

function manualOf(job: YAMLMap, field: (job: YAMLMap, name: string) => unknown, context: ReadContext): CiJob["manual"] {
  const when = field(job, "when");
  if (scalarText(when) === "manual") return locate(keyAt(job, "when") ?? when, context.lines, context.file);
  const rules = field(job, "rules");
  if (isSeq(rules)) {
    for (const rule of rules.items) {
      const ruleWhen = nodeAt(rule, ["when"]);
      if (scalarText(ruleWhen) === "manual") return locate(ruleWhen, context.lines, context.file);
    }
  }
  return null;
}

const CHECK_TEMPLATE_CLASSES = new Set<CommandClass>([
  "test",
  "lint",
  "dependency-scan",
  "migration-check",
  "secret-scan",
]);

function isCheckTemplate(ref: string, table: ReadContext["table"]): boolean {
  return classesOfAction(ref, table).some((kind) => CHECK_TEMPLATE_CLASSES.has(kind));
}

type IncludeKind = "gitlab-remote" | "gitlab-project" | "gitlab-template" | "gitlab-component";

/** The local files an `include:` names, and the ones deploylint cannot read offline. */
function readIncludes(node: unknown): {
  local: string[];
  external: { kind: IncludeKind; ref: string; node: unknown }[];
} {
  const items = isSeq(node) ? node.items : node === undefined ? [] : [node];
  const local: string[] = [];
  const external: { kind: IncludeKind; ref: string; node: unknown }[] = [];
  for (const item of items) {
    if (isScalar(item)) {
      const text = String(item.value);
      // A bare string is local unless it is a URL.
      if (/^https?:/.test(text)) external.push({ kind: "gitlab-remote", ref: withoutSecrets(text), node: item });
      else local.push(text);
      continue;
    }
    const path = scalarText(nodeAt(item, ["local"]));
    if (path) local.push(path);
    const remote = scalarText(nodeAt(item, ["remote"]));
    if (remote) external.push({ kind: "gitlab-remote", ref: withoutSecrets(remote), node: item });
    const template = scalarText(nodeAt(item, ["template"]));
    if (template) external.push({ kind: "gitlab-template", ref: template, node: item });
    const component = scalarText(nodeAt(item, ["component"]));
    if (component) external.push({ kind: "gitlab-component", ref: component.split("@")[0] ?? component, node: item });
    const project = scalarText(nodeAt(item, ["project"]));
    if (project) {
      const files = textList(nodeAt(item, ["file"]));
      for (const file of files.length > 0 ? files : [""])
        external.push({
          kind: "gitlab-project",
          ref: file ? `${project}:${file.replace(/^\/+/, "")}` : project,
          node: item,
        });
    }
  }
  return { local, external };
}

// A remote include's URL as messages may show it: no credentials, no query (where tokens go).
function withoutSecrets(url: string): string {
  return url.replace(/\/\/[^/@]*@/, "//").replace(/[?#].*$/, "");
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

// `environment: { name, url }`: the URL's host, so a smoke step that fetches it is known to test it.
function hostOf(environment: unknown): { host?: string } {
  const host = isMap(environment) ? literalHost(nodeAt(environment, ["url"])) : undefined;
  return host ? { host } : {};
}
