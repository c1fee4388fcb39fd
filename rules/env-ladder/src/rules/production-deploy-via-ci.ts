// env-ladder/production-deploy-via-ci: production is changed by CI only — its access is CI, and a CI
// job deploys to the `production` environment (so the platform's approval gate applies), runs only
// from the main branch and waits for the tests. The jobs come from the shared CI model
// (@deploylint/ci-model, through readers/ci-jobs.ts), which the pipeline pack reads too.
import { defineRule, type FactRecord, type ProjectRuleContext } from "@deploylint/core/rule-api";
import { CI_JOB_FACT, type CiJobFact, MANIFEST_FACT } from "../facts.js";
import { rungOf } from "../ladder.js";
import { type LadderEnvironment, readLadder, spotOf, textField } from "../ladder-model.js";

export interface ProductionDeployViaCiOptions {
  /** Who counts as CI in `access:`. */
  ciPrincipals: string[];
  /** Branches production may deploy from, when the manifest names none (`branching.main`). */
  mainBranches: string[];
  /** Whether a tag push may deploy production. */
  allowTags: boolean;
}

const DEFAULTS: ProductionDeployViaCiOptions = {
  ciPrincipals: ["ci", "cd", "ci/cd", "github-actions", "gitlab-ci", "pipeline"],
  mainBranches: ["main", "master"],
  allowTags: false,
};

const MESSAGES = {
  accessNotCi:
    "Environment {{name}} grants access to {{who}}: anyone with production access can deploy around review, tests and the approval gate.",
  deployNotCi:
    "Environment {{name}} is deployed {{how}}: a deploy that does not go through CI skips the tests and leaves no reviewed record.",
  noCiJob:
    "No CI job deploys to the {{name}} environment: production is then deployed by hand, without the tests and approval gate a CI job enforces.",
  noEnvironment:
    "CI job {{job}} deploys production without environment: production, so the environment's approval gate and protected secrets do not apply.",
  notMainOnly:
    "CI job {{job}} deploys to {{environment}} {{from}}: code that was never merged to {{main}} can reach production.",
  noTests:
    "CI job {{job}} deploys to {{environment}} without needing a job that runs the tests: a failing build can still be deployed.",
} as const;

export default defineRule({
  id: "production-deploy-via-ci",
  scope: "project",
  meta: {
    description:
      "Require production to be deployed only by a CI job that uses the production environment, runs from main and needs the tests.",
    kinds: ["yaml", "json"],
    facts: [MANIFEST_FACT, CI_JOB_FACT],
    presets: { recommended: "error", strict: "error" },
    messages: MESSAGES,
    help: "Deploy production from one CI job with environment: production, restricted to the main branch, that needs the test job.",
    options: {
      type: "object",
      properties: {
        ciPrincipals: { type: "array", items: { type: "string" } },
        mainBranches: { type: "array", items: { type: "string" }, minItems: 1 },
        allowTags: { type: "boolean" },
      },
      additionalProperties: false,
    },
    defaultOptions: DEFAULTS,
    docs: {
      url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/env-ladder/production-deploy-via-ci.md",
    },
  },
  check(context) {
    const ladder = readLadder(context);
    const production = ladder?.onRung("production");
    if (!ladder || !production) return;
    const options = { ...DEFAULTS, ...context.options };
    checkManifest({ production, file: ladder.file, options, report: context.report });

    const jobs = context.facts<CiJobFact>(CI_JOB_FACT);
    const deploying = jobs.filter(
      ({ data }) =>
        (data.environment !== null && rungOf(data.environment) === "production") ||
        (data.environment === null && data.deploys && /prod|live/i.test(data.id)),
    );
    if (!deploying.some(({ data }) => data.environment !== null)) {
      context.report({
        messageId: "noCiJob",
        data: { name: production.name },
        file: ladder.file,
        ...spotOf(production),
      });
    }
    const main = ladder.manifest.mainBranch ? [ladder.manifest.mainBranch] : options.mainBranches;
    for (const record of deploying) checkJob({ record, jobs, main, options, report: context.report });
  },
});

// The `deploy` values a message may echo; anything else (a pasted command or URL may hold a
// credential) is described, not quoted.
const KNOWN_DEPLOY_MODES = new Set(["manual", "manually", "by hand", "local", "cli", "console", "ssh", "script"]);

type Report = ProjectRuleContext<typeof MESSAGES, ProductionDeployViaCiOptions>["report"];

function checkManifest(options: {
  production: LadderEnvironment;
  file: string;
  options: ProductionDeployViaCiOptions;
  report: Report;
}): void {
  const { production, file, report } = options;
  const access = production.fields.access?.value;
  const principals = new Set(options.options.ciPrincipals.map((name) => name.toLowerCase()));
  if (Array.isArray(access)) {
    const others = access.filter((who) => typeof who !== "string" || !principals.has(who.trim().toLowerCase()));
    if (others.length > 0) {
      report({
        messageId: "accessNotCi",
        data: { name: production.name, who: others.map(String).join(", ") },
        file,
        ...spotOf(production, "access"),
      });
    }
  }
  const deploy = textField(production, "deploy");
  if (deploy !== null && deploy !== "ci-only" && deploy !== "ci") {
    report({
      messageId: "deployNotCi",
      data: { name: production.name, how: KNOWN_DEPLOY_MODES.has(deploy) ? deploy : "by a method other than CI" },
      file,
      ...spotOf(production, "deploy"),
    });
  }
}

function checkJob(options: {
  record: FactRecord<CiJobFact>;
  jobs: FactRecord<CiJobFact>[];
  main: string[];
  options: ProductionDeployViaCiOptions;
  report: Report;
}): void {
  const { record, jobs, main, report } = options;
  const job = record.data;
  const at = {
    file: record.file,
    line: job.line,
    column: job.column,
    endLine: job.endLine,
    endColumn: job.endColumn,
  };
  if (job.environment === null) {
    report({ messageId: "noEnvironment", data: { job: job.id }, ...at });
    return;
  }
  const environment = job.environment;
  const offMain =
    job.branches === null || job.branches.some((branch) => branch !== "@default" && !main.includes(branch));
  const tags = job.tags && !options.options.allowTags;
  if (offMain || tags) {
    const from =
      job.branches === null
        ? "from any branch or pull request"
        : offMain
          ? `from ${job.branches.filter((b) => b !== "@default" && !main.includes(b)).join(", ")}`
          : "from tag pushes";
    report({ messageId: "notMainOnly", data: { job: job.id, environment, from, main: main.join(" or ") }, ...at });
  }
  const sameFile = new Map(
    jobs.filter((other) => other.file === record.file).map((other) => [other.data.id, other.data]),
  );
  if (!needsTests(job, sameFile)) report({ messageId: "noTests", data: { job: job.id, environment }, ...at });
}

// The tests must finish before the deploy: some job it needs, directly or through other needs, runs them.
function needsTests(job: CiJobFact, jobs: Map<string, CiJobFact>): boolean {
  const seen = new Set<string>();
  const queue = [...job.needs];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const needed = jobs.get(id);
    if (!needed) continue;
    if (needed.runsTests) return true;
    queue.push(...needed.needs);
  }
  return false;
}
