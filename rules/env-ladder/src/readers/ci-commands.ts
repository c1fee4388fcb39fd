// What a CI step does, judged by its command or action: deploying, or running the test suite.
const DEPLOY_COMMAND =
  /\b(fly(ctl)?\s+deploy|vercel\b[^\n]*--prod|netlify\s+deploy\b[^\n]*--prod|kubectl\s+(apply|rollout|set\s+image)|helm\s+(upgrade|install)|(serverless|sls)\s+deploy|wrangler\s+(deploy|publish)|gcloud\s+(run|app|functions)\s+deploy|aws\s+(ecs\s+update-service|deploy\b|lambda\s+update-function-code)|eb\s+deploy|git\s+push\s+heroku|kamal\s+deploy|cap\s+\w+\s+deploy|terraform\s+apply|pulumi\s+up|cdk\s+deploy|sam\s+deploy|railway\s+up|firebase\s+deploy|az\s+webapp\s+deploy|(npm|pnpm|yarn)\s+(run\s+)?deploy|make\s+deploy)\b/i;

const DEPLOY_ACTION = /(deploy|flyctl|vercel|netlify|wrangler|heroku|serverless)/i;

const TEST_COMMAND =
  /\b((npm|pnpm|yarn|bun)\s+(run\s+)?test|npm\s+t|pytest|go\s+test|cargo\s+(test|nextest)|mvn\b[^\n]*\b(test|verify)|gradlew?\b[^\n]*\b(test|check)|rspec|jest|vitest|mix\s+test|dotnet\s+test|phpunit|make\s+(test|check)|rake\s+test|tox|nox)\b/i;

export function isDeployCommand(command: string): boolean {
  return DEPLOY_COMMAND.test(command);
}

export function isDeployAction(uses: string): boolean {
  return DEPLOY_ACTION.test(uses.split("@")[0] ?? "");
}

export function isTestCommand(command: string): boolean {
  return TEST_COMMAND.test(command);
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
