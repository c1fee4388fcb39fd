// The command classifier: which of the strategy's pipeline steps a shell command or an action
// stands for. A table of patterns per class that a team extends in config
// (`settings.pipeline.commands: { smoke: ["scripts/check-live\\.sh"] }`), never replaces: a
// project adds its own scripts, and the built-in spellings keep working.
import { COMMAND_CLASSES, type CommandClass, type SmokeTarget } from "./model.js";

export interface CommandTable {
  commands: Record<CommandClass, RegExp[]>;
  actions: Record<CommandClass, RegExp[]>;
}

// Deploy and test patterns start from env-ladder's original ones (production-deploy-via-ci reads
// the same classes), widened only where a spelling was plainly missing.
const DEPLOY =
  /\b(fly(ctl)?\s+deploy|vercel\b[^\n]*--prod|netlify\s+deploy\b[^\n]*--prod|kubectl\s+(apply|rollout|set\s+image)|helm\s+(upgrade|install)|(serverless|sls)\s+deploy|wrangler\s+(deploy|publish)|gcloud\s+(run|app|functions)\s+deploy|aws\s+(ecs\s+update-service|deploy\b|lambda\s+update-function-code)|eb\s+deploy|git\s+push\s+heroku|kamal\s+deploy|cap\s+\w+\s+deploy|terraform\s+apply|pulumi\s+up|cdk\s+deploy|sam\s+deploy|railway\s+up|firebase\s+deploy|az\s+webapp\s+deploy|(npm|pnpm|yarn)\s+(run\s+)?deploy|make\s+deploy|argocd\s+app\s+sync)\b/i;

const TEST =
  /\b((npm|pnpm|yarn|bun)\s+(run\s+)?test|npm\s+t|pytest|go\s+test|cargo\s+(test|nextest)|mvn\b[^\n]*\b(test|verify)|gradlew?\b[^\n]*\b(test|check)|rspec|jest|vitest|mix\s+test|dotnet\s+test|phpunit|make\s+(test|check)|rake\s+test|tox|nox)\b/i;

// A package script by name, through workspace flags and a `ci:` prefix (`pnpm ci:test`,
// `pnpm -r --filter api run test:unit`, `yarn workspace web lint`); `build:test` is a build.
function packageScript(name: string): RegExp {
  const flags = String.raw`(?:(?:-r|--recursive|--filter[= ]\S+|-F\s+\S+|-w|--workspace[= ]\S+|workspace\s+\S+|--if-present)\s+)*`;
  return new RegExp(String.raw`\b(?:npm|pnpm|yarn|bun)\s+${flags}(?:run\s+)?(?:ci:)?${name}(?=$|[\s:;&|)])`, "i");
}

const DEFAULT_COMMANDS: Record<CommandClass, RegExp[]> = {
  // A build matters to the checks where the build lints (`next build` runs ESLint).
  build: [/\bnext\s+build\b/i, packageScript("(?:[\\w-]+:)?build")],
  test: [
    TEST,
    packageScript("test"),
    /\b(turbo|nx)\s+(run\s+)?test\b/i,
    /\bplaywright\s+test\b/i,
    /\bcypress\s+run\b/i,
  ],
  lint: [
    /\b(eslint|golangci-lint|flake8|pylint|rubocop|stylelint|clippy|oxlint)\b/i,
    /\bbiome\s+(check|lint|ci)\b/i,
    /\bruff\s+(check|format\s+--check)\b/i,
    /\bprettier\b[^\n]*--check\b/i,
    packageScript("[a-z]*lint"),
    /\bpre-commit\s+run\b/i,
    /\b(turbo|nx)\s+(run\s+)?lint\b/i,
    /\bmake\s+lint\b/i,
  ],
  "dependency-scan": [
    /\b(npm|pnpm|bun)\s+audit\b/i,
    /\byarn\s+(npm\s+)?audit\b/i,
    /\b(audit-ci|better-npm-audit|osv-scanner|trivy|grype|pip-audit|govulncheck|bundle-audit|bundler-audit)\b/i,
    /\bsnyk\s+(test|monitor)\b/i,
    /\bsafety\s+check\b/i,
    /\bcargo\s+(audit|deny)\b/i,
    /\bdependency-check\b/i,
  ],
  "migration-check": [
    // `deploylint smoke` and the like test a deployed environment; they check no migration.
    /\bdeploylint\b(?!\s+(smoke|watch|init|strategy)\b)/i,
    /\bsquawk\b/i,
    /\batlas\s+migrate\s+lint\b/i,
    /\bmigration-check\b/i,
    /\bmakemigrations\b[^\n]*--check\b/i,
    /\balembic\s+check\b/i,
  ],
  "secret-scan": [
    /\b(gitleaks|trufflehog|detect-secrets|secretlint|ggshield)\b/i,
    /\bdeploylint\b(?!\s+(smoke|watch|init|strategy)\b)/i,
  ],
  deploy: [DEPLOY],
  smoke: [
    /smoke/i,
    /\bcurl\b(?=[^\n]*\s(-[a-zA-Z]*f[a-zA-Z]*|--fail(-with-body)?)\b)[^\n]*\b(health|healthz|healthcheck|readyz|livez|status|ping|ready)\b/i,
  ],
  rollback: [
    /\brollback\b/i,
    /\bkubectl\s+rollout\s+undo\b/i,
    /\bhelm\s+rollback\b/i,
    /\b(fly(ctl)?|heroku|vercel)\s+(releases\s+)?rollback\b/i,
  ],
  watch: [
    /\b(post-?deploy|deploy|release)[-_ ]?(watch|monitor)/i,
    /\bwatch[-_ ]?(deploy|release|errors?|error[-_ ]?rates?)\b/i,
    /\berror[-_ ]?rates?\b/i,
    /\bdeploylint\s+watch\b/i,
  ],
};

const DEFAULT_ACTIONS: Record<CommandClass, RegExp[]> = {
  build: [],
  test: [/^cypress-io\/github-action\b/i],
  lint: [
    /^pre-commit\/action\b/i,
    /^golangci\/golangci-lint-action\b/i,
    /^(github|super-linter)\/super-linter\b/i,
    /^wearerequired\/lint-action\b/i,
    /(^|\/)Code-Quality\.gitlab-ci\.yml$/i,
  ],
  "dependency-scan": [
    /^github\/codeql-action\b/i,
    /^actions\/dependency-review-action\b/i,
    /^google\/osv-scanner-action\b/i,
    /osv-scanner/i,
    /^aquasecurity\/trivy-action\b/i,
    /^snyk\/actions\b/i,
    /^anchore\/scan-action\b/i,
    /^golang\/govulncheck-action\b/i,
    // CircleCI orbs and Azure tasks name the tool.
    /^snyk\/scan$/i,
    // GitLab's templates (Security/ or Jobs/Dependency-Scanning.gitlab-ci.yml).
    /(^|\/)(Dependency|Container)-Scanning(\.latest)?\.gitlab-ci\.yml$/i,
  ],
  "migration-check": [/^sbdchd\/squawk-action\b/i, /^ariga\/atlas-action\/migrate\/lint\b/i, /^deploylint\//i],
  "secret-scan": [
    /^gitleaks\/gitleaks-action\b/i,
    /^trufflesecurity\/trufflehog\b/i,
    /(^|\/)Secret-Detection(\.latest)?\.gitlab-ci\.yml$/i,
  ],
  // env-ladder's original action test: a platform's deploy action. Pages deploys publish a static
  // site (docs), not the application, and are kept out below.
  deploy: [/(deploy|flyctl|vercel|netlify|wrangler|heroku|serverless)/i],
  smoke: [/smoke/i, /url-health-check/i],
  rollback: [/rollback/i],
  watch: [],
};

const NOT_A_DEPLOY_ACTION = /(^actions\/deploy-pages\b|pages-deploy|gh-pages|github-pages)/i;

/** The built-in table, extended by `settings.pipeline.commands` (class -> regular expressions). */
export function commandTable(extra: unknown = undefined): { table: CommandTable; problems: string[] } {
  const commands = Object.fromEntries(COMMAND_CLASSES.map((name) => [name, [...DEFAULT_COMMANDS[name]]])) as Record<
    CommandClass,
    RegExp[]
  >;
  const problems: string[] = [];
  if (extra && typeof extra === "object") {
    for (const [name, patterns] of Object.entries(extra as Record<string, unknown>)) {
      if (!(COMMAND_CLASSES as readonly string[]).includes(name)) {
        problems.push(`settings.pipeline.commands.${name} is not a command class (${COMMAND_CLASSES.join(", ")}).`);
        continue;
      }
      for (const pattern of Array.isArray(patterns) ? patterns : []) {
        try {
          commands[name as CommandClass].push(new RegExp(String(pattern), "i"));
        } catch {
          problems.push(`settings.pipeline.commands.${name} has a pattern that is not a regular expression.`);
        }
      }
    }
  }
  return { table: { commands, actions: DEFAULT_ACTIONS }, problems };
}

/** The classes a command line belongs to. */
export function classesOfCommand(command: string, table: CommandTable): CommandClass[] {
  return COMMAND_CLASSES.filter((name) => table.commands[name].some((pattern) => pattern.test(command)));
}

/** The classes an action, orb command or template belongs to (its name without the version). */
export function classesOfAction(uses: string, table: CommandTable): CommandClass[] {
  const name = uses.split("@")[0] ?? "";
  return COMMAND_CLASSES.filter((kind) => {
    if (kind === "deploy" && NOT_A_DEPLOY_ACTION.test(name)) return false;
    return table.actions[kind].some((pattern) => pattern.test(name));
  });
}

export interface ScriptReading {
  classes: CommandClass[];
  afterDeploy: CommandClass[];
  masked: CommandClass[];
  deployTarget: string | null;
  watchSeconds: number | null;
  smokeTargets: SmokeTarget[];
}

/**
 * Reads a shell script (a `run:` block, a `script:` list joined by newlines): the classes of its
 * commands, the ones that cannot fail it (`cmd || true`, or after `set +e` until `set -e`), the
 * environment a deploy command names, and a watch step's window.
 */
export function readScript(script: string, table: CommandTable): ScriptReading {
  const classes = new Set<CommandClass>();
  const masked = new Set<CommandClass>();
  const afterDeploy = new Set<CommandClass>();
  let deployed = false;
  let deployTarget: string | null = null;
  let watchSeconds: number | null = null;
  const smokeTargets: SmokeTarget[] = [];
  let errexitOff = false;
  // `set +e` followed by a look at the exit status (`$?`, PIPESTATUS) is how scripts collect a
  // failure and fail later: that masks nothing.
  const statusChecked = /\$\?|PIPESTATUS/.test(script);
  for (const line of logicalLines(script)) {
    if (/^\s*set\s+\+e\b/.test(line)) errexitOff = true;
    if (/^\s*set\s+-e\b|^\s*set\s+-[a-z]*e/.test(line)) errexitOff = false;
    // `a && b || true`: everything before the `|| true` is masked; each `;`/`&&` part is classified.
    for (const segment of line.split(/;|&&/)) {
      const found = classesOfCommand(segment, table);
      if (found.length === 0) continue;
      const swallowed =
        (errexitOff && !statusChecked) || /\|\|\s*(true|:|exit\s+0|echo\b)/.test(line.slice(line.indexOf(segment)));
      for (const kind of found) {
        classes.add(kind);
        if (deployed) afterDeploy.add(kind);
        if (swallowed) masked.add(kind);
      }
      if (found.includes("deploy")) {
        deployed = true;
        if (deployTarget === null) deployTarget = targetOfCommand(segment);
      }
      if (found.includes("watch") && watchSeconds === null) watchSeconds = windowOfCommand(segment);
      if (found.includes("smoke")) smokeTargets.push(...smokeTargetsOf(segment));
    }
  }
  // A masked class is only reported when no unmasked command of the class runs.
  return {
    classes: [...classes],
    afterDeploy: [...afterDeploy],
    masked: [...masked],
    deployTarget,
    watchSeconds,
    smokeTargets,
  };
}

// Words of a variable or expression name that name an environment (`$STAGING_URL`,
// `${{ vars.PROD_BASE_URL }}`, `${{ needs.deploy-staging.outputs.url }}`). Not "stage": `$STAGE`
// and `inputs.stage` hold whichever stage the run is for.
const ENVIRONMENT_WORDS: Record<string, string> = {
  staging: "staging",
  stg: "staging",
  preprod: "staging",
  production: "production",
  prod: "production",
  prd: "production",
  live: "production",
};

/**
 * What a smoke command tests, from its own words only: the environment it names
 * (`--environment staging`, `-e staging` for deploylint smoke, the first argument of
 * smoke-test.sh), URL hosts (credentials and ports dropped), and environment words in the names of
 * the variables it reads. Nothing when it says nothing: the rules then do not guess.
 */
export function smokeTargetsOf(command: string): SmokeTarget[] {
  const targets: SmokeTarget[] = [];
  const add = (environment: string | null, host: string | null) => {
    if (!targets.some((target) => target.environment === environment && target.host === host))
      targets.push({ environment, host });
  };
  const unquote = (word: string) => word.replace(/^["']|["']$/g, "");
  for (const match of command.matchAll(/(?:^|\s)--env(?:ironment)?[= ](\S+)/g)) nameOrVariable(unquote(match[1] ?? ""));
  if (/\bdeploylint\s+smoke\b/.test(command))
    for (const match of command.matchAll(/(?:^|\s)-e[= ]?(\S+)/g)) nameOrVariable(unquote(match[1] ?? ""));
  const script = /smoke[-_]?test\.sh\s+(\S+)/.exec(command);
  if (script?.[1] && !script[1].startsWith("-") && !/^["']?https?:/.test(script[1])) nameOrVariable(unquote(script[1]));
  for (const match of command.matchAll(/https?:\/\/(?:[^\s/@'"]*@)?([^\s/:'"?#]+)/g)) {
    const host = (match[1] ?? "").toLowerCase();
    if (host && !/[${}]/.test(host)) add(null, host);
  }
  for (const match of command.matchAll(/\$\{\{\s*([\w.-]+)|\$\{?([A-Za-z_]\w*)/g)) {
    const word = environmentWordOf(match[1] ?? match[2] ?? "");
    if (word) add(word, null);
  }
  return targets;

  function nameOrVariable(word: string): void {
    if (word.startsWith("$")) return; // read by the variable pass below
    if (/^[\w.-]+$/.test(word)) add(word, null);
  }
}

function environmentWordOf(name: string): string | null {
  for (const word of name.toLowerCase().split(/[._-]+/)) {
    const environment = ENVIRONMENT_WORDS[word];
    if (environment) return environment;
  }
  return null;
}

// Continuation lines (`\` at the end) form one command; comments are dropped.
function logicalLines(script: string): string[] {
  return script
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, ""))
    .filter((line) => line.trim() !== "");
}

/** The environment a deploy command names (`--prod`, `fly.staging.toml`, `-e production`), or null. */
export function targetOfCommand(command: string): string | null {
  if (/(--prod\b|--production\b|\bproduction\b|\bprod\b|\blive\b)/i.test(command)) return "production";
  if (/(\bstaging\b|\bstage\b|\bpreprod\b|\bpre-prod\b)/i.test(command)) return "staging";
  return null;
}

function windowOfCommand(command: string): number | null {
  const match = /--(window|duration|for|timeout)[= ](\d+)\s*(s|m|min|h)?\b/i.exec(command);
  if (!match) return null;
  const amount = Number(match[2]);
  const unit = (match[3] ?? "s").toLowerCase();
  return unit === "h" ? amount * 3600 : unit.startsWith("m") ? amount * 60 : amount;
}

/** Whether a job name says it tests (test, tests, unit-test, e2e-tests, ci-test, check). */
export function isTestJobName(name: string): boolean {
  return /(^|[-_\s])(test|tests|check|checks|verify)($|[-_\s])/i.test(name);
}

/**
 * Branches an `if:` condition restricts a job to (`github.ref == 'refs/heads/main'`,
 * `github.ref_name == 'main'`, `$CI_COMMIT_BRANCH == "main"`, `== $CI_DEFAULT_BRANCH`), or null when
 * it does not restrict the branch. "@default" stands for the default branch.
 */
export function branchesOfCondition(condition: string): string[] | null {
  const alternatives = condition.split("||");
  const branches: string[] = [];
  for (const alternative of alternatives) {
    const found = refComparisons(alternative);
    if (found.length === 0) return null;
    branches.push(...found);
  }
  return [...new Set(branches)];
}

function refComparisons(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /github\.ref\s*==\s*['"]refs\/heads\/([^'"]+)['"]/g,
    /['"]refs\/heads\/([^'"]+)['"]\s*==\s*github\.ref\b/g,
    /github\.ref_name\s*==\s*['"]([^'"]+)['"]/g,
    /\$CI_COMMIT_(?:BRANCH|REF_NAME)\s*==\s*['"]([^'"]+)['"]/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) if (match[1]) found.push(match[1]);
  if (/\$CI_COMMIT_(?:BRANCH|REF_NAME)\s*==\s*\$CI_DEFAULT_BRANCH/.test(text)) found.push("@default");
  if (/github\.ref\s*==\s*format\([^)]*default_branch/.test(text)) found.push("@default");
  return found;
}

/** The rung an environment name stands for: production, staging, or null for other names. */
export function rungOfEnvironment(name: string): "production" | "staging" | null {
  const lower = name.trim().toLowerCase();
  if (/^(production|prod|live)([-_ ].*)?$/.test(lower) || /[-_ ](production|prod)$/.test(lower)) return "production";
  if (/^(staging|stage|preprod|pre-prod|pre-production)([-_ ].*)?$/.test(lower) || /[-_ ]staging$/.test(lower))
    return "staging";
  return null;
}
