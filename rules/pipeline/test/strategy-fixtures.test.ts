// The strategy's pipeline on every provider: all nine rules (with the rollout pack loaded, as the
// CLI has it) find nothing in each fixture repository, and each variant that breaks one rule gets
// exactly that rule's finding, on the line to change.
import type { Finding } from "@deploylint/core";
import { describe, expect, it } from "vitest";
import { edit, fixture, lineOf, lintAll, MAIN_FILE, type Provider } from "./helpers.js";

interface Expected {
  rule: string;
  /** Defaults to the provider's pipeline file. */
  file?: string;
  /** The line the finding must be on: the text of that line in the variant's file… */
  at: string;
  /** …its nth occurrence (1 by default)… */
  occurrence?: number;
  /** …and this many lines below it. */
  offset?: number;
  /** A fragment of the message, so the finding says the right thing. */
  says: string;
  severity?: "error" | "warn" | "info";
}

interface Variant {
  name: string;
  files: Record<string, string>;
  expect: Expected[];
}

function shape(findings: Finding[]) {
  return findings.map((f) => ({
    rule: f.ruleId,
    file: f.file,
    line: f.line,
    severity: f.severity,
    message: f.message,
  }));
}

function runVariants(provider: Provider, variants: Variant[]) {
  describe(provider, () => {
    it("the strategy's pipeline: no finding from any of the nine rules", async () => {
      expect(shape(await lintAll(fixture(provider)))).toEqual([]);
    });
    for (const variant of variants) {
      it(variant.name, async () => {
        const findings = await lintAll(variant.files);
        const expected = variant.expect.map((e) => {
          const file = e.file ?? MAIN_FILE[provider];
          return {
            rule: `pipeline/${e.rule}`,
            file,
            line: lineOf(variant.files, file, e.at, e.occurrence) + (e.offset ?? 0),
            severity: e.severity ?? "error",
            message: expect.stringContaining(e.says),
          };
        });
        expect(shape(findings)).toEqual(expected);
      });
    }
  });
}

const wrongProvider = (provider: Provider, name: string): Record<string, string> =>
  edit(provider, `provider: ${name}`, "provider: jenkins", "company.config.yaml");

// --- GitHub Actions -------------------------------------------------------------------------
const GH = "github-actions";
runVariants(GH, [
  {
    name: "require-checks: no dependency scan",
    files: edit(GH, "      - run: npm audit --audit-level=high\n", ""),
    expect: [{ rule: "require-checks", at: "on:", says: "a dependency security scan" }],
  },
  {
    name: "checks-gate-merge: the tests cannot fail",
    files: edit(GH, "run: npm test", "run: npm test || true"),
    expect: [{ rule: "checks-gate-merge", at: "npm test || true", says: "cannot fail" }],
  },
  {
    name: "checks-gate-deploy: staging does not wait for the checks",
    files: edit(GH, "    needs: checks\n", ""),
    // Production's way to the checks was through staging: both deploys stop waiting for them.
    expect: [
      { rule: "checks-gate-deploy", at: "  deploy-staging:", says: "does not wait for checks" },
      { rule: "checks-gate-deploy", at: "  deploy-production:", says: "does not wait for checks" },
    ],
  },
  {
    name: "staging-before-production: production needs only the checks",
    files: edit(GH, "needs: smoke-staging", "needs: checks"),
    expect: [{ rule: "staging-before-production", at: "  deploy-production:", says: "does not come after a staging" }],
  },
  {
    name: "smoke-after-deploy: production is smoke-tested against staging",
    files: edit(GH, "tools/qa/smoke-test.sh production", "tools/qa/smoke-test.sh staging"),
    expect: [
      {
        rule: "smoke-after-deploy",
        at: "tools/qa/smoke-test.sh staging",
        occurrence: 2,
        says: "targets staging, not production",
      },
    ],
  },
  {
    name: "production-approval: no approval step (the environment may still require reviewers)",
    files: edit(
      GH,
      "      - uses: trstringer/manual-approval@v1\n        with:\n          approvers: release-managers\n",
      "",
    ),
    expect: [
      { rule: "production-approval", at: "environment: production", says: "may require approval", severity: "info" },
    ],
  },
  {
    name: "post-deploy-watch: nothing watches production",
    files: edit(GH, "      - run: tools/deploy/watch-deploy.sh --window 15m\n", ""),
    expect: [{ rule: "post-deploy-watch", at: "  deploy-production:", says: "Nothing watches" }],
  },
  {
    name: "no-concurrent-production-deploys: no concurrency group",
    files: edit(GH, "    concurrency:\n      group: deploy-production\n      cancel-in-progress: false\n", ""),
    expect: [{ rule: "no-concurrent-production-deploys", at: "  deploy-production:", says: "is not serialised" }],
  },
  {
    name: "ci-provider-matches: the manifest names another provider",
    files: wrongProvider(GH, "github-actions"),
    expect: [{ rule: "ci-provider-matches", file: "company.config.yaml", at: "provider:", says: "names Jenkins" }],
  },
]);

// --- GitLab CI --------------------------------------------------------------------------------
const GL = "gitlab-ci";
const GL_CHECKS = ".gitlab/ci/checks.yml";
runVariants(GL, [
  {
    name: "require-checks: no linter",
    files: edit(GL, "lint:\n  stage: check\n  script: [npm run lint]\n\n", "", GL_CHECKS),
    expect: [{ rule: "require-checks", at: "stages:", says: "runs the linter" }],
  },
  {
    name: "checks-gate-merge: the audit may fail",
    files: edit(GL, "audit:\n  stage: check\n", "audit:\n  stage: check\n  allow_failure: true\n", GL_CHECKS),
    expect: [{ rule: "checks-gate-merge", file: GL_CHECKS, at: "allow_failure: true", says: "allow_failure: true" }],
  },
  {
    name: "checks-gate-deploy: staging needs nothing",
    files: edit(GL, "  stage: staging\n", "  stage: staging\n  needs: []\n"),
    expect: [
      { rule: "checks-gate-deploy", at: "deploy-staging:", says: "does not wait for test, lint, audit, migrations" },
    ],
  },
  {
    name: "staging-before-production: production needs only the checks",
    files: edit(GL, "  stage: production\n", "  stage: production\n  needs: [test, lint, audit, migrations]\n"),
    expect: [{ rule: "staging-before-production", at: "deploy-production:", says: "does not come after a staging" }],
  },
  {
    name: "smoke-after-deploy: production curls staging's URL (the manifest's environments.staging.url)",
    files: edit(GL, "https://example.com/health", "https://beta.example.com/health"),
    expect: [{ rule: "smoke-after-deploy", at: "  script:", says: "targets beta.example.com, not production" }],
  },
  {
    name: "production-approval: not manual (a protected environment may still require approval)",
    files: edit(GL, "      when: manual\n", ""),
    expect: [
      {
        rule: "production-approval",
        at: "  environment: production",
        says: "protected environments",
        severity: "info",
      },
    ],
  },
  {
    name: "post-deploy-watch: the template no longer watches",
    files: edit(GL, "    - tools/deploy/watch-deploy.sh --window 15m\n", ""),
    expect: [{ rule: "post-deploy-watch", at: "deploy-production:", says: "Nothing watches" }],
  },
  {
    name: "no-concurrent-production-deploys: no resource group",
    files: edit(GL, "  resource_group: production\n", ""),
    expect: [{ rule: "no-concurrent-production-deploys", at: "deploy-production:", says: "is not serialised" }],
  },
  {
    name: "ci-provider-matches: the manifest names another provider",
    files: wrongProvider(GL, "gitlab-ci"),
    expect: [{ rule: "ci-provider-matches", file: "company.config.yaml", at: "provider:", says: "names Jenkins" }],
  },
]);

// --- CircleCI ---------------------------------------------------------------------------------
const CC = "circleci";
runVariants(CC, [
  {
    name: "require-checks: no migration check (the repository has migrations)",
    files: edit(CC, "      - run: npx deploylint\n", ""),
    expect: [{ rule: "require-checks", at: "  pipeline:", says: "the migration check" }],
  },
  {
    name: "checks-gate-merge: the linter runs after set +e",
    files: edit(CC, "      - run: npm run lint\n", "      - run: |\n          set +e\n          npm run lint\n"),
    expect: [{ rule: "checks-gate-merge", at: "      - run: |", says: "cannot fail" }],
  },
  {
    name: "checks-gate-deploy: staging does not require the checks",
    files: edit(CC, "          requires: [checks]\n", ""),
    expect: [
      { rule: "checks-gate-deploy", at: "      - deploy-staging:", says: "does not wait for checks" },
      { rule: "checks-gate-deploy", at: "      - deploy-production:", says: "does not wait for checks" },
    ],
  },
  {
    name: "staging-before-production: the hold follows the checks, not staging",
    files: edit(CC, "          requires: [deploy-staging]\n", "          requires: [checks]\n"),
    expect: [
      { rule: "staging-before-production", at: "      - deploy-production:", says: "does not come after a staging" },
    ],
  },
  {
    name: "smoke-after-deploy: staging's smoke curls the production URL",
    files: edit(CC, "https://staging.example.com/healthz", "https://example.com/healthz"),
    expect: [
      { rule: "smoke-after-deploy", at: "https://example.com/healthz", says: "targets example.com, not staging" },
      // Staging is then not smoke-tested before production either.
      {
        rule: "staging-before-production",
        at: "      - deploy-production:",
        says: "not after a smoke test of staging",
      },
    ],
  },
  {
    name: "production-approval: no approval job",
    files: edit(
      CC,
      "      - hold-production:\n          type: approval\n          requires: [deploy-staging]\n      - deploy-production:\n          requires: [hold-production]\n",
      "      - deploy-production:\n          requires: [deploy-staging]\n",
    ),
    expect: [{ rule: "production-approval", at: "      - deploy-production:", says: "passes no manual gate" }],
  },
  {
    name: "post-deploy-watch: nothing watches production",
    files: edit(CC, "      - run: tools/deploy/watch-deploy.sh --window 15m\n", ""),
    expect: [{ rule: "post-deploy-watch", at: "      - deploy-production:", says: "Nothing watches" }],
  },
  {
    name: "no-concurrent-production-deploys: no serial group",
    files: edit(CC, "          serial-group: deploy-production\n", ""),
    expect: [{ rule: "no-concurrent-production-deploys", at: "      - deploy-production:", says: "is not serialised" }],
  },
  {
    name: "ci-provider-matches: the manifest names another provider",
    files: wrongProvider(CC, "circleci"),
    expect: [{ rule: "ci-provider-matches", file: "company.config.yaml", at: "provider:", says: "names Jenkins" }],
  },
]);

// --- Bitbucket Pipelines ----------------------------------------------------------------------
const BB = "bitbucket";
runVariants(BB, [
  {
    name: "require-checks: no tests",
    files: edit(BB, "          - npm test\n", ""),
    expect: [{ rule: "require-checks", at: '    "**":', says: "runs the tests" }],
  },
  {
    name: "checks-gate-merge: the audit's result is ignored",
    files: edit(BB, "npm audit --audit-level=high", "npm audit --audit-level=high || echo audit failed"),
    expect: [{ rule: "checks-gate-merge", at: "        script:", says: "cannot fail" }],
  },
  {
    name: "checks-gate-deploy: staging deploys before the checks run",
    files: edit(
      BB,
      "      - step: *checks\n      - step:\n          name: deploy staging\n          deployment: staging\n          script:\n            - flyctl deploy --config fly.staging.toml\n            - deploylint smoke --environment staging\n",
      "      - step:\n          name: deploy staging\n          deployment: staging\n          script:\n            - flyctl deploy --config fly.staging.toml\n            - deploylint smoke --environment staging\n      - step: *checks\n",
    ),
    expect: [{ rule: "checks-gate-deploy", at: "name: deploy staging", offset: -1, says: "runs before checks" }],
  },
  {
    name: "staging-before-production: no staging step",
    files: edit(
      BB,
      "      - step:\n          name: deploy staging\n          deployment: staging\n          script:\n            - flyctl deploy --config fly.staging.toml\n            - deploylint smoke --environment staging\n",
      "",
    ),
    expect: [
      {
        rule: "staging-before-production",
        at: "name: deploy production",
        offset: -1,
        says: "does not come after a staging",
      },
    ],
  },
  {
    name: "smoke-after-deploy: staging is smoke-tested as production",
    files: edit(BB, "deploylint smoke --environment staging", "deploylint smoke --environment production"),
    expect: [
      { rule: "smoke-after-deploy", at: "          script:", says: "targets production, not staging" },
      {
        rule: "staging-before-production",
        at: "name: deploy production",
        offset: -1,
        says: "not after a smoke test of staging",
      },
    ],
  },
  {
    name: "production-approval: not manual (the deployment environment may still require approval)",
    files: edit(BB, "          trigger: manual\n", ""),
    expect: [
      { rule: "production-approval", at: "deployment: production", says: "may require approval", severity: "info" },
    ],
  },
  {
    name: "post-deploy-watch: nothing watches production",
    files: edit(BB, "            - tools/deploy/watch-deploy.sh --window 15m\n", ""),
    expect: [{ rule: "post-deploy-watch", at: "name: deploy production", offset: -1, says: "Nothing watches" }],
  },
  {
    name: "no-concurrent-production-deploys: no deployment environment, so Bitbucket does not serialise",
    files: edit(BB, "          deployment: production\n", ""),
    expect: [
      {
        rule: "no-concurrent-production-deploys",
        at: "name: deploy production",
        offset: -1,
        says: "is not serialised",
      },
    ],
  },
  {
    name: "ci-provider-matches: the manifest names another provider",
    files: wrongProvider(BB, "bitbucket-pipelines"),
    expect: [{ rule: "ci-provider-matches", file: "company.config.yaml", at: "provider:", says: "names Jenkins" }],
  },
]);

// --- Azure Pipelines --------------------------------------------------------------------------
const AZ = "azure";
runVariants(AZ, [
  {
    name: "require-checks: no dependency scan",
    files: edit(AZ, "          - script: npm audit --audit-level=high\n", ""),
    expect: [{ rule: "require-checks", at: "trigger:", says: "a dependency security scan" }],
  },
  {
    name: "checks-gate-merge: the linter may fail",
    files: edit(
      AZ,
      "          - script: npm run lint\n",
      "          - script: npm run lint\n            continueOnError: true\n",
    ),
    expect: [{ rule: "checks-gate-merge", at: "script: npm run lint", says: "continue-on-error" }],
  },
  {
    // Production's only way to the checks was through staging: both deploys stop waiting for them.
    name: "checks-gate-deploy: the staging stage depends on nothing",
    files: edit(AZ, "    dependsOn: checks\n", "    dependsOn: []\n"),
    expect: [
      { rule: "checks-gate-deploy", at: "deployment: deploy_staging", says: "does not wait for checks.checks" },
      { rule: "checks-gate-deploy", at: "deployment: deploy_production", says: "does not wait for checks.checks" },
    ],
  },
  {
    name: "staging-before-production: production depends on the checks, not staging",
    files: edit(AZ, "    dependsOn: staging\n", "    dependsOn: checks\n"),
    expect: [
      { rule: "staging-before-production", at: "deployment: deploy_production", says: "does not come after a staging" },
    ],
  },
  {
    name: "smoke-after-deploy: production is smoke-tested as staging",
    files: edit(AZ, "tools/qa/smoke-test.sh production", "tools/qa/smoke-test.sh staging"),
    expect: [
      {
        rule: "smoke-after-deploy",
        at: "script: tools/qa/smoke-test.sh staging",
        occurrence: 2,
        says: "targets staging, not production",
      },
    ],
  },
  {
    name: "production-approval: no ManualValidation (environment checks may still apply)",
    files: edit(
      AZ,
      "      - job: approve\n        pool: server\n        steps:\n          - task: ManualValidation@0\n            inputs:\n              notifyUsers: release-managers@example.com\n      - deployment: deploy_production\n        dependsOn: approve\n",
      "      - deployment: deploy_production\n",
    ),
    expect: [
      {
        rule: "production-approval",
        at: "environment: production",
        says: "approvals and checks in Azure DevOps",
        severity: "info",
      },
    ],
  },
  {
    name: "post-deploy-watch: nothing watches production",
    files: edit(AZ, "                - script: tools/deploy/watch-deploy.sh --window 15m\n", ""),
    expect: [{ rule: "post-deploy-watch", at: "deployment: deploy_production", says: "Nothing watches" }],
  },
  {
    name: "no-concurrent-production-deploys: no lockBehavior",
    files: edit(AZ, "    lockBehavior: sequential\n", ""),
    expect: [
      { rule: "no-concurrent-production-deploys", at: "deployment: deploy_production", says: "is not serialised" },
    ],
  },
  {
    name: "ci-provider-matches: the manifest names another provider",
    files: wrongProvider(AZ, "azure-pipelines"),
    expect: [{ rule: "ci-provider-matches", file: "company.config.yaml", at: "provider:", says: "names Jenkins" }],
  },
]);
