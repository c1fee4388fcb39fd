// CI jobs as the ladder sees them, read from the shared CI model (@deploylint/ci-model): each
// job's environment, the branches it runs from, its needs and whether it deploys or tests; plus
// the `env:` (GitHub) / `variables:` (GitLab) values of a job that names an environment.
import {
  COMMAND_CLASSES,
  type CommandClass,
  type CommandTable,
  commandTable,
  isGithubWorkflow,
  isGitlabCi,
  isTestJobName,
  readGithubWorkflow,
  readGitlabCi,
} from "@deploylint/ci-model";
import type { LineIndex, Settings } from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import type { CiJobFact, ValuesFact } from "../facts.js";
import { mapEntries, nodeAt } from "./yaml-env.js";

export { isGithubWorkflow, isGitlabCi };

/** The settings section teams extend the command classes in (`settings.pipeline.commands`). */
function pipelineCommands(settings: Settings | undefined): unknown {
  const section = settings?.pipeline;
  return section && typeof section === "object" ? (section as { commands?: unknown }).commands : undefined;
}

/** The only command classes a ladder fact holds (`deploys`, `runsTests`). */
const LADDER_CLASSES: readonly CommandClass[] = ["deploy", "test"];

/**
 * The command table cut down to the classes the ladder reads: every other class's patterns (lint,
 * smoke, watch, …, some 30 case-insensitive expressions) would be compiled and run over each
 * line of every `run:` script only to be dropped. The pipeline pack reads them all, with its own table.
 */
export function ladderCommandTable(settings: Settings | undefined): CommandTable {
  const { table } = commandTable(pipelineCommands(settings));
  const keep = <T>(byClass: Record<CommandClass, T[]>) =>
    Object.fromEntries(
      COMMAND_CLASSES.map((name) => [name, LADDER_CLASSES.includes(name) ? byClass[name] : []]),
    ) as Record<CommandClass, T[]>;
  return { commands: keep(table.commands), actions: keep(table.actions) };
}

export function readCiJobs(options: { path: string; document: Document; lines: LineIndex; settings?: Settings }): {
  jobs: CiJobFact[];
  values: ValuesFact[];
} {
  const { path, document, lines } = options;
  const github = isGithubWorkflow(path);
  if (!github && !isGitlabCi(path)) return { jobs: [], values: [] };
  const table = ladderCommandTable(options.settings);
  // Each GitLab file is read on its own here (no include resolution), as the ladder always did:
  // an included file's jobs are then counted once, from their own file.
  const context = { file: path, lines, table };
  const pipeline = github ? readGithubWorkflow(document, context) : readGitlabCi(document, context);
  const jobs: CiJobFact[] = [];
  const values: ValuesFact[] = [];
  for (const job of pipeline.jobs) {
    const environment = job.environment?.name ?? null;
    const classes = new Set(job.steps.flatMap((step) => step.classes));
    jobs.push({
      provider: pipeline.provider === "github-actions" ? "github-actions" : "gitlab-ci",
      id: job.id,
      line: job.line,
      column: job.column,
      endLine: job.endLine,
      endColumn: job.endColumn,
      environment,
      branches: job.branches,
      tags: job.tags,
      needs: job.needs,
      deploys: classes.has("deploy"),
      runsTests: isTestJobName(job.id) || (!github && job.stage === "test") || classes.has("test"),
    });
    if (environment !== null) {
      const node = nodeAt(document.contents, github ? ["jobs", job.id, "env"] : [job.id, "variables"]);
      const entries = mapEntries(node, lines);
      if (entries.length > 0)
        values.push({
          source: pipeline.provider === "github-actions" ? "github-actions" : "gitlab-ci",
          environment,
          entries,
        });
    }
  }
  return { jobs, values };
}
