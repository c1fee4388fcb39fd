// The deployment pipeline as the CI model reads it: which jobs test, lint, scan, check migrations,
// deploy and smoke-test, from which branches deploys run, and the approval gates before them.
import type { CiJob, CiPipeline, CommandClass } from "@deploylint/ci-model";
import { FILL_IN_COMMENT } from "@deploylint/rules-strategy-docs";
import { escapeCell } from "./cells.js";
import type { StrategyInputs } from "./inputs.js";

const PROVIDERS: Record<string, string> = {
  "github-actions": "GitHub Actions",
  "gitlab-ci": "GitLab CI",
  circleci: "CircleCI",
  "bitbucket-pipelines": "Bitbucket Pipelines",
  "azure-pipelines": "Azure Pipelines",
};

// The checks the strategy asks of a pipeline, in the order a change meets them.
const STAGES: readonly [CommandClass, string][] = [
  ["test", "Tests"],
  ["lint", "Lint"],
  ["dependency-scan", "Dependency scan"],
  ["secret-scan", "Secret scan"],
  ["migration-check", "Migration check"],
  ["build", "Build"],
  ["deploy", "Deploy"],
  ["smoke", "Smoke tests"],
  ["rollback", "Automatic rollback"],
];

// Real repositories have dozens of workflows; a line naming every job would bury the answer.
const MAX_NAMED = 6;

interface NamedJob {
  pipeline: CiPipeline;
  job: CiJob;
}

function jobName({ pipeline, job }: NamedJob): string {
  return `\`${job.name ?? job.id}\` (${pipeline.file})`;
}

function named(jobs: readonly NamedJob[]): string {
  const shown = jobs.slice(0, MAX_NAMED).map(jobName);
  const more = jobs.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

function jobsDoing(pipelines: readonly CiPipeline[], kind: CommandClass): NamedJob[] {
  return pipelines.flatMap((pipeline) =>
    pipeline.jobs
      .filter((job) => job.steps.some((step) => step.classes.includes(kind) || step.afterDeploy.includes(kind)))
      .map((job) => ({ pipeline, job })),
  );
}

function gateOf(job: CiJob): string | null {
  if (job.approvalOnly) return "an approval job";
  if (job.manual) return "a manual start";
  return null;
}

function gatesLine(pipelines: readonly CiPipeline[], deploys: readonly NamedJob[]): string {
  const approvals = pipelines.flatMap((pipeline) =>
    pipeline.jobs.flatMap((job) => {
      const gate = gateOf(job);
      return gate === null ? [] : [`${jobName({ pipeline, job })}: ${gate}`];
    }),
  );
  const environments = [...new Set(deploys.flatMap(({ job }) => (job.environment ? [job.environment.name] : [])))];
  const parts = [...approvals.slice(0, MAX_NAMED)];
  if (environments.length > 0) {
    parts.push(
      `deploy jobs run in the CI environments ${environments.map((name) => `\`${name}\``).join(", ")}, whose required reviewers (if any) are set in the CI provider's settings, not in the files`,
    );
  }
  return parts.length > 0 ? parts.join("; ") : "none in the pipeline files";
}

function branchesLine(deploys: readonly NamedJob[]): string {
  const branches = new Set<string>();
  let any = false;
  for (const { job } of deploys) {
    if (job.branches === null) any = true;
    else for (const branch of job.branches) branches.add(branch === "@default" ? "the default branch" : branch);
  }
  const list = [...branches].map((branch) => (branch === "the default branch" ? branch : `\`${branch}\``));
  if (any) list.push("any branch (no branch filter)");
  if (deploys.some(({ job }) => job.tags)) list.push("tags");
  return list.join(", ");
}

export function pipelineSection(inputs: StrategyInputs): string[] {
  const pipelines = inputs.pipelines;
  if (pipelines.length === 0) {
    return [
      `No CI pipeline file was found (GitHub Actions, GitLab CI, CircleCI, Bitbucket, Azure). ${FILL_IN_COMMENT}`,
    ];
  }
  const providers = [...new Set(pipelines.map((pipeline) => PROVIDERS[pipeline.provider] ?? pipeline.provider))];
  const files = [...new Set(pipelines.map((pipeline) => pipeline.file))];
  const lines = [
    `CI: ${providers.join(", ")}, ${files.length} pipeline file${files.length === 1 ? "" : "s"}.`,
    "",
    "| Stage | Jobs |",
    "|---|---|",
  ];
  for (const [kind, label] of STAGES) {
    const jobs = jobsDoing(pipelines, kind);
    lines.push(`| ${label} | ${jobs.length > 0 ? escapeCell(named(jobs)) : "none in the CI files"} |`);
  }
  const deploys = jobsDoing(pipelines, "deploy");
  lines.push("");
  if (deploys.length > 0) lines.push(`Deploys run from: ${branchesLine(deploys)}.`, "");
  lines.push(`Approval gates: ${gatesLine(pipelines, deploys)}.`);
  return lines;
}
