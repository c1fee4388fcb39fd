// Questions the rules ask of the CI model: which pipelines gate merges, which jobs deploy where,
// what a job waits for and what follows it, and which checks a job (or the reusable workflow it
// calls) runs.
import {
  type CiJob,
  type CiPipeline,
  type CiStep,
  type CommandClass,
  type Located,
  rungOfEnvironment,
  type SmokeTarget,
} from "@deploylint/ci-model";
import type { ProjectRuleContext } from "@deploylint/core/rule-api";
import { MANIFEST_HOSTS_FACT, type ManifestHostsFact, PIPELINE_FACT } from "./facts.js";

export const CHECK_CLASSES: readonly CommandClass[] = [
  "test",
  "lint",
  "dependency-scan",
  "migration-check",
  "secret-scan",
];

export const CHECK_LABELS: Record<CommandClass, string> = {
  build: "a build",
  test: "the tests",
  lint: "the linter",
  "dependency-scan": "a dependency security scan",
  "migration-check": "the migration check",
  "secret-scan": "a secret scan",
  deploy: "a deploy",
  smoke: "a smoke test",
  rollback: "a rollback",
  watch: "a post-deploy watch",
};

// biome-ignore lint/suspicious/noExplicitAny: any rule's context: only `facts` is read.
type AnyContext = ProjectRuleContext<any, any>;

/** Every pipeline of the repository, in file order. */
export function pipelinesOf(context: AnyContext): CiPipeline[] {
  return context
    .facts<CiPipeline>(PIPELINE_FACT)
    .map(({ data }) => data)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** A finding's location from a model element. */
export function at(where: Located): { file: string; line: number; column: number; endLine: number; endColumn: number } {
  return {
    file: where.file,
    line: where.line,
    column: where.column,
    endLine: where.endLine,
    endColumn: where.endColumn,
  };
}

/** Whether a pipeline runs for pushes or pull requests (the runs that gate a merge). */
export function gatesMerges(pipeline: CiPipeline): boolean {
  return pipeline.triggers.some((trigger) => trigger.kind === "push" || trigger.kind === "pull-request");
}

export class Graph {
  private readonly byFile: Map<string, CiPipeline[]>;

  constructor(readonly pipelines: CiPipeline[]) {
    this.byFile = new Map();
    for (const pipeline of pipelines)
      this.byFile.set(pipeline.file, [...(this.byFile.get(pipeline.file) ?? []), pipeline]);
  }

  /** Pipelines that run on push/PR, with the local reusable workflows they call. */
  mergeGates(): CiPipeline[] {
    const gates = this.pipelines.filter(gatesMerges);
    const called = gates.flatMap((pipeline) => pipeline.jobs.flatMap((job) => this.calledPipelines(job)));
    return [...new Set([...gates, ...called])];
  }

  /** The local reusable workflows (`uses: ./.github/workflows/x.yml`) a job is. */
  calledPipelines(job: CiJob): CiPipeline[] {
    const uses = job.uses;
    if (!uses?.startsWith("./")) return [];
    return this.byFile.get(uses.slice(2).split("@")[0] ?? "") ?? [];
  }

  /** The classes a job's steps run, and those of the reusable workflow it calls. */
  classesOf(job: CiJob): Set<CommandClass> {
    const classes = new Set(job.steps.flatMap((step) => step.classes));
    for (const called of this.calledPipelines(job))
      for (const other of called.jobs)
        for (const step of other.steps) for (const kind of step.classes) classes.add(kind);
    return classes;
  }

  runsChecks(job: CiJob): boolean {
    const classes = this.classesOf(job);
    return CHECK_CLASSES.some((kind) => classes.has(kind));
  }

  /** Pipelines that another pipeline's `workflow_run` trigger follows. */
  followedBy(pipeline: CiPipeline): CiPipeline[] {
    return this.pipelines.filter((other) =>
      other.triggers.some((trigger) => trigger.kind === "pipeline" && (trigger.after ?? []).includes(pipeline.name)),
    );
  }

  /** Pipelines this one's `workflow_run` trigger follows. */
  follows(pipeline: CiPipeline): CiPipeline[] {
    const names = pipeline.triggers.flatMap((trigger) => (trigger.kind === "pipeline" ? (trigger.after ?? []) : []));
    return this.pipelines.filter((other) => names.includes(other.name));
  }
}

/** Jobs `job` waits for, directly or through other needs. */
export function upstream(pipeline: CiPipeline, job: CiJob): CiJob[] {
  const byId = new Map(pipeline.jobs.map((other) => [other.id, other]));
  const seen = new Set<string>();
  const queue = [...job.needs];
  const found: CiJob[] = [];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id) || id === job.id) continue;
    seen.add(id);
    const needed = byId.get(id);
    if (!needed) continue;
    found.push(needed);
    queue.push(...needed.needs);
  }
  return found;
}

/** Jobs that wait for `job`, directly or through other needs. */
export function downstream(pipeline: CiPipeline, job: CiJob): CiJob[] {
  return pipeline.jobs.filter((other) => other !== job && upstream(pipeline, other).includes(job));
}

/** Whether the job deploys: a deploy command or action, or an environment that is a deploy target. */
export function isDeployJob(job: CiJob): boolean {
  if (job.approvalOnly) return false;
  if (job.steps.some((step) => step.classes.includes("deploy"))) return true;
  return job.environment !== null && rungOfEnvironment(job.environment.name) !== null;
}

/**
 * Where a deploy job deploys: its environment's rung, else what its deploy command names, else
 * what its id or name says (`deploy-prod`); null when nothing says (no guessing).
 */
export function targetOf(job: CiJob): "production" | "staging" | null {
  if (job.environment) {
    const rung = rungOfEnvironment(job.environment.name);
    if (rung) return rung;
  }
  for (const step of job.steps) {
    const rung = step.deployTarget ? rungOfEnvironment(step.deployTarget) : null;
    if (rung) return rung;
  }
  const words = `${job.id} ${job.name ?? ""}`.toLowerCase();
  if (/(^|[^a-z])(prod|production|live)([^a-z]|$)/.test(words)) return "production";
  if (/(^|[^a-z])(staging|stage|preprod)([^a-z]|$)/.test(words)) return "staging";
  return null;
}

/** What a deploy job deploys to, for messages. */
export function targetLabel(job: CiJob): string {
  return job.environment?.name ?? targetOf(job) ?? "an unnamed environment";
}

/** Whether a step of `classes` runs in the job after its (first) deploy step. */
export function afterDeploy(job: CiJob, classes: readonly CommandClass[]): boolean {
  const deployAt = job.steps.findIndex((step) => step.classes.includes("deploy"));
  if (deployAt < 0) return false;
  const deployStep = job.steps[deployAt];
  if (deployStep && classes.some((kind) => deployStep.afterDeploy.includes(kind))) return true;
  return job.steps.some((step, index) => index > deployAt && classes.some((kind) => step.classes.includes(kind)));
}

export function jobLabel(job: CiJob): string {
  return job.name && job.name !== job.id ? `${job.id} (${job.name})` : job.id;
}

/**
 * Whether `other` (a job after `deploy`) may smoke-test what `deploy` deployed: a job that deploys
 * elsewhere (production after staging) tests its own deploy, not staging's.
 */
export function smokesFor(deploy: CiJob, other: CiJob): boolean {
  if (!other.steps.some((step) => step.classes.includes("smoke"))) return false;
  return !isDeployJob(other) || targetOf(other) === targetOf(deploy);
}

/** A smoke step that runs after a deploy, with the job and pipeline it is in. */
export interface SmokeAfter {
  pipeline: CiPipeline;
  job: CiJob;
  step: CiStep;
}

/**
 * The smoke steps that run after `deploy`: later in its own job (or in the deploy step's script
 * after the deploy command), in jobs that need it, in workflows that follow its workflow.
 */
export function smokesAfter(graph: Graph, pipeline: CiPipeline, deploy: CiJob): SmokeAfter[] {
  const found: SmokeAfter[] = [];
  const deployAt = deploy.steps.findIndex((step) => step.classes.includes("deploy"));
  deploy.steps.forEach((step, index) => {
    const after = index > deployAt || (index === deployAt && step.afterDeploy.includes("smoke"));
    if (deployAt >= 0 && after && step.classes.includes("smoke")) found.push({ pipeline, job: deploy, step });
  });
  const add = (owner: CiPipeline, jobs: CiJob[]) => {
    for (const job of jobs.filter((other) => smokesFor(deploy, other)))
      for (const step of job.steps.filter((each) => each.classes.includes("smoke")))
        found.push({ pipeline: owner, job, step });
  };
  add(pipeline, downstream(pipeline, deploy));
  for (const other of graph.followedBy(pipeline)) add(other, other.jobs);
  return found;
}

/** Manifest host -> the environment whose `url` it is. */
export type Hosts = Map<string, string>;

/** The manifest's environment URLs, and the literal URLs CI jobs give their environments. */
export function manifestHosts(context: AnyContext): Hosts {
  const hosts: Hosts = new Map();
  for (const pipeline of pipelinesOf(context))
    for (const job of pipeline.jobs) if (job.environment?.host) hosts.set(job.environment.host, job.environment.name);
  // The manifest is the declared truth: it wins over a CI file.
  for (const { data } of context.facts<ManifestHostsFact>(MANIFEST_HOSTS_FACT))
    for (const { environment, host } of data.hosts) hosts.set(host, environment);
  return hosts;
}

const HOST_LABELS: Record<string, "staging" | "production"> = {
  staging: "staging",
  stage: "staging",
  stg: "staging",
  preprod: "staging",
  production: "production",
  prod: "production",
  prd: "production",
};

/** The environment a smoke target names: itself, the manifest's owner of its host, or a host label. */
export function environmentOfTarget(target: SmokeTarget, hosts: Hosts): string | null {
  if (target.environment) return target.environment;
  if (!target.host) return null;
  const owner = hosts.get(target.host);
  if (owner) return owner;
  for (const label of target.host.split(/[.-]/)) {
    const rung = HOST_LABELS[label];
    if (rung) return rung;
  }
  return null;
}

/**
 * Whether a smoke step tests what `deploy` deployed: "same", "other" (it names only environments
 * of another rung: staging's URL after a production deploy), or "unknown" when either side cannot
 * be told, which the rules accept rather than guess.
 */
export function smokeVerdict(deploy: CiJob, step: CiStep, hosts: Hosts): "same" | "other" | "unknown" {
  const deployed = deploy.environment?.name ?? targetOf(deploy);
  if (deployed === null || step.smokeTargets.length === 0) return "unknown";
  let unknown = false;
  for (const target of step.smokeTargets) {
    const named = environmentOfTarget(target, hosts);
    if (named === null) {
      unknown = true;
      continue;
    }
    const a = rungOfEnvironment(named);
    const b = rungOfEnvironment(deployed);
    if (named.toLowerCase() === deployed.toLowerCase() || (a !== null && a === b)) return "same";
    // Only two known rungs that differ say "another environment"; `qa` vs `eu-prod-1` says nothing.
    if (a === null || b === null) unknown = true;
  }
  return unknown ? "unknown" : "other";
}

/** What a smoke step names, for messages: "staging", "staging.example.com". */
export function smokeTargetLabel(step: CiStep): string {
  return [...new Set(step.smokeTargets.map((target) => target.environment ?? target.host ?? ""))]
    .filter(Boolean)
    .join(", ");
}

/**
 * What deploylint could not read that may hold what a finding says is missing: the pipeline's
 * includes that can add jobs (GitLab), and the given jobs whose insides live elsewhere (another
 * repository's reusable workflow, an orb's job). Empty when the finding stands on what was read.
 */
export function unreadFor(pipeline: CiPipeline, jobs: readonly CiJob[]): string[] {
  const refs = [
    ...pipeline.external.filter((external) => external.addsJobs).map((external) => external.ref),
    ...jobs.flatMap((job) => (job.external ? [job.external] : [])),
  ];
  return [...new Set(refs)];
}

/** A list of unread files for messages. */
export function unreadLabel(refs: readonly string[]): string {
  return refs.length > 3 ? `${refs.slice(0, 3).join(", ")} and ${refs.length - 3} more` : refs.join(", ");
}
