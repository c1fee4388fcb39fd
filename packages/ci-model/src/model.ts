// The CI model: one shape for every provider's pipeline file, plain JSON (so it can travel as a
// fact and be cached). Commands are classified when the file is read and their text is dropped:
// a `run:` line may carry a token, and a fact must never hold a secret.

export type CiProvider = "github-actions" | "gitlab-ci" | "circleci" | "bitbucket-pipelines" | "azure-pipelines";

/** A file position: 1-based lines and columns, end exclusive, as findings take them. */
export interface Spot {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** An element's position in a named file (a GitLab job may come from an included file). */
export interface Located extends Spot {
  file: string;
}

/** What a command or action does, as far as the strategy's pipeline cares. */
export type CommandClass =
  | "build"
  | "test"
  | "lint"
  | "dependency-scan"
  | "migration-check"
  | "secret-scan"
  | "deploy"
  | "smoke"
  | "rollback"
  | "watch";

export const COMMAND_CLASSES: readonly CommandClass[] = [
  "build",
  "test",
  "lint",
  "dependency-scan",
  "migration-check",
  "secret-scan",
  "deploy",
  "smoke",
  "rollback",
  "watch",
];

export type TriggerKind = "push" | "pull-request" | "tag" | "manual" | "schedule" | "pipeline" | "other";

export interface CiTrigger extends Located {
  kind: TriggerKind;
  /** Branches the trigger is limited to; null for any branch. "@default" is the default branch. */
  branches: string[] | null;
  /** For a trigger by another pipeline (GitHub `workflow_run`): the pipelines it follows. */
  after?: string[];
}

export interface CiStep extends Located {
  /** The step's name, or its action/orb/template, or "script" — never the command text. */
  label: string;
  /** The action, orb command or template the step uses (`actions/checkout@v4`), when it uses one. */
  uses: string | null;
  classes: CommandClass[];
  /** Classes of the commands that run after the step's first deploy command (deploy, then smoke). */
  afterDeploy: CommandClass[];
  /** Classes whose command cannot fail the step (`|| true`, `set +e` before it). */
  masked: CommandClass[];
  /** The step may fail without failing the job (`continue-on-error: true`). */
  mayFail: boolean;
  /** The environment a deploy command names itself (`vercel --prod`), when it does. */
  deployTarget: string | null;
  /** A watch step's window in seconds, when its command states one. */
  watchSeconds: number | null;
  /**
   * What the step's smoke commands test, as far as their text tells: an environment they name
   * (`deploylint smoke --environment staging`, `tools/qa/smoke-test.sh production`, `$STAGING_URL`)
   * or the host of a URL they fetch. Empty when the target cannot be told (`$BASE_URL`).
   */
  smokeTargets: SmokeTarget[];
}

/** One target of a smoke command: a named environment, or a URL's host (never a URL's credentials). */
export interface SmokeTarget {
  environment: string | null;
  host: string | null;
}

/**
 * Something a pipeline uses that deploylint cannot read offline: a GitLab include of a remote URL,
 * another project's file, a template or a component; a GitHub reusable workflow of another
 * repository; a CircleCI orb's job.
 */
export interface CiExternal extends Located {
  kind:
    | "gitlab-remote"
    | "gitlab-project"
    | "gitlab-template"
    | "gitlab-component"
    | "github-workflow"
    | "circleci-orb";
  /** How the file names it (a URL without credentials or query, project:file, the template, org/repo/path@ref, the orb job). */
  ref: string;
  /**
   * Whether it can add jobs anywhere in the pipeline (a GitLab include: its jobs join the stages);
   * otherwise it is one job of the model whose insides are unknown.
   */
  addsJobs: boolean;
}

export interface CiEnvironment extends Located {
  name: string;
  /** The host of the environment's literal `url` (GitHub `environment.url`, GitLab `environment:url`), when it has one. */
  host?: string;
}

export interface CiJob extends Located {
  /** The job's key (GitHub, GitLab, CircleCI job in a workflow, Azure job or stage.job, Bitbucket step index). */
  id: string;
  /** A display name, when it has one. */
  name: string | null;
  /** GitLab/Azure stage. */
  stage: string | null;
  /** Jobs this one waits for (explicit needs/requires/dependsOn, or GitLab's earlier stages). */
  needs: string[];
  environment: CiEnvironment | null;
  /** Branches the job runs from (triggers narrowed by its own conditions); null for any branch. */
  branches: string[] | null;
  /** Whether a tag push can run it. */
  tags: boolean;
  steps: CiStep[];
  /** A manual gate on this job itself (GitLab `when: manual`, Bitbucket `trigger: manual`, a CircleCI approval job). */
  manual: Located | null;
  /** The job is only an approval (CircleCI `type: approval`, an Azure ManualValidation task). */
  approvalOnly: boolean;
  /** The job may fail without failing the pipeline (`continue-on-error`, `allow_failure`). */
  mayFail: Located | null;
  /** Concurrency group or resource group that serialises the job (its own or its pipeline's). */
  serialisedBy: string | null;
  /** A reusable workflow or template the whole job is (GitHub `jobs.x.uses`). */
  uses: string | null;
  /** The file the job's insides are in when deploylint cannot read it (another repository's workflow, an orb's job). */
  external: string | null;
}

export interface CiPipeline extends Located {
  provider: CiProvider;
  /** The workflow's name (GitHub `name:`, CircleCI workflow key), else the file's path. */
  name: string;
  triggers: CiTrigger[];
  jobs: CiJob[];
  /** Local files this pipeline includes (GitLab `include:`), whether or not they could be read. */
  includes: string[];
  /** What the pipeline uses that cannot be read offline (see CiExternal). */
  external: CiExternal[];
  /** Problems reading the file that a rule should say rather than guess past. */
  problems: { message: string; line: number; column: number }[];
}
