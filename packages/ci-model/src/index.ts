// @deploylint/ci-model: reads the CI files of five providers into one model of pipelines, jobs
// and classified steps, for the packs that judge CI (pipeline, env-ladder).
import type { LineIndex } from "@deploylint/core/rule-api";
import type { Document } from "yaml";
import type { CommandTable } from "./commands.js";
import type { CiPipeline, CiProvider } from "./model.js";
import { isAzurePipelines, readAzurePipelines } from "./providers/azure.js";
import { isBitbucketPipelines, readBitbucketPipelines } from "./providers/bitbucket.js";
import { isCircleCi, readCircleCi } from "./providers/circleci.js";
import { isGithubWorkflow, readGithubWorkflow } from "./providers/github-actions.js";
import { isGitlabCi, isGitlabRoot, readGitlabCi } from "./providers/gitlab-ci.js";

export {
  branchesOfCondition,
  type CommandTable,
  classesOfAction,
  classesOfCommand,
  commandTable,
  isTestJobName,
  readScript,
  rungOfEnvironment,
  smokeTargetsOf,
  targetOfCommand,
} from "./commands.js";
export type * from "./model.js";
export { COMMAND_CLASSES } from "./model.js";
export type { ReadContext } from "./providers/shared.js";
export {
  isAzurePipelines,
  isBitbucketPipelines,
  isCircleCi,
  isGithubWorkflow,
  isGitlabCi,
  isGitlabRoot,
  readAzurePipelines,
  readBitbucketPipelines,
  readCircleCi,
  readGithubWorkflow,
  readGitlabCi,
};

/**
 * The provider whose pipeline file `path` is (repository-relative, `/`-separated), or null. GitLab
 * files under .gitlab/ci/ count: they are the provider's files even when only included.
 */
export function ciProviderOf(path: string): CiProvider | null {
  if (isGithubWorkflow(path)) return "github-actions";
  if (isGitlabCi(path)) return "gitlab-ci";
  if (isCircleCi(path)) return "circleci";
  if (isBitbucketPipelines(path)) return "bitbucket-pipelines";
  if (isAzurePipelines(path)) return "azure-pipelines";
  return null;
}

/**
 * The pipelines a CI file defines: one for a GitHub workflow, GitLab root file (with its local
 * includes, read through `readFile`) or Azure file; one per workflow (CircleCI) or start condition
 * (Bitbucket). Files included by GitLab's root (.gitlab/ci/*.yml) give none of their own.
 */
export function readCiFile(options: {
  path: string;
  document: Document;
  lines: LineIndex;
  table: CommandTable;
  readFile?: (path: string) => string | null;
}): CiPipeline[] {
  const { path, document, lines, table, readFile } = options;
  const context = { file: path, lines, table, ...(readFile ? { readFile } : {}) };
  switch (ciProviderOf(path)) {
    case "github-actions":
      return [readGithubWorkflow(document, context)];
    case "gitlab-ci":
      return isGitlabRoot(path) ? [readGitlabCi(document, context)] : [];
    case "circleci":
      return readCircleCi(document, context);
    case "bitbucket-pipelines":
      return readBitbucketPipelines(document, context);
    case "azure-pipelines":
      return [readAzurePipelines(document, context)];
    default:
      return [];
  }
}

export { nodeAt, pairOf } from "./yaml-nodes.js";
