// Tests for pipeline/checks-gate-merge: continue-on-error, allow_failure, `|| true`, `set +e`.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { edit, fixture, PROVIDERS } from "./helpers.js";

const tester = new RuleTester({ pack });
// biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions expression under test.
const MATRIX = "${{ matrix.experimental }}";
const GH = ".github/workflows/pipeline.yml";

tester.run("checks-gate-merge", {
  valid: [
    ...PROVIDERS.map((provider) => ({ name: `${provider}: the strategy's pipeline`, files: fixture(provider) })),
    {
      name: "set +e that collects the exit status fails later: nothing masked",
      files: edit(
        "github-actions",
        "      - run: npm test\n",
        "      - run: |\n          set +e\n          npm test\n          status=$?\n          exit $status\n",
      ),
    },
    {
      name: "|| true on a command that is not a check",
      files: edit("github-actions", "      - run: npm ci\n", "      - run: npm ci && rm -rf .cache || true\n"),
    },
    {
      name: "continue-on-error from a matrix expression is not known to be true",
      files: edit(
        "github-actions",
        "    runs-on: ubuntu-latest\n",
        `    runs-on: ubuntu-latest\n    continue-on-error: ${MATRIX}\n`,
      ),
    },
  ],
  invalid: [
    {
      name: "GitHub: the audit step may fail",
      files: edit(
        "github-actions",
        "      - run: npm audit --audit-level=high\n",
        "      - run: npm audit --audit-level=high\n        continue-on-error: true\n",
      ),
      errors: [
        {
          file: GH,
          messageId: "stepMayFail",
          data: { step: "step 5", job: "checks", checks: "a dependency security scan" },
          line: 14,
          column: 9,
        },
      ],
    },
    {
      name: "GitHub: the linter's failure is swallowed by || true",
      files: edit("github-actions", "npm run lint", "npm run lint || true"),
      errors: [
        {
          file: GH,
          messageId: "masked",
          data: { step: "step 4", job: "checks", checks: "the linter" },
          line: 13,
          column: 9,
        },
      ],
    },
    {
      name: "GitHub: set +e before the tests",
      files: edit(
        "github-actions",
        "      - run: npm test\n",
        "      - run: |\n          set +e\n          npm test\n",
      ),
      errors: [{ file: GH, messageId: "masked", line: 12, column: 9 }],
    },
    {
      name: "GitHub: the whole check job may fail",
      files: edit(
        "github-actions",
        "  checks:\n    runs-on: ubuntu-latest\n",
        "  checks:\n    runs-on: ubuntu-latest\n    continue-on-error: true\n",
      ),
      errors: [
        {
          file: GH,
          messageId: "jobMayFail",
          data: {
            job: "checks",
            checks: "the tests, the linter, a dependency security scan, the migration check, a secret scan",
            how: "continue-on-error",
          },
          line: 9,
          column: 5,
        },
      ],
    },
    {
      name: "GitHub: an optional extra test run beside a gating one is said at info",
      files: edit(
        "github-actions",
        "  deploy-staging:\n",
        "  tests-race:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test -race ./...\n        continue-on-error: true\n  deploy-staging:\n",
      ),
      errors: [{ file: GH, messageId: "optionalExtra", severity: "info", line: 19, column: 9 }],
    },
    {
      name: "GitLab: allow_failure on the audit job (in the included file)",
      files: edit(
        "gitlab-ci",
        "  script: [npm audit --audit-level=high]\n",
        "  script: [npm audit --audit-level=high]\n  allow_failure: true\n",
        ".gitlab/ci/checks.yml",
      ),
      errors: [
        {
          file: ".gitlab/ci/checks.yml",
          messageId: "jobMayFail",
          data: { job: "audit", checks: "a dependency security scan", how: "allow_failure: true" },
          line: 14,
          column: 3,
        },
      ],
    },
    {
      name: "CircleCI: tests masked with || true",
      files: edit("circleci", "      - run: npm test\n", "      - run: npm test || true\n"),
      errors: [{ file: ".circleci/config.yml", messageId: "masked", line: 9, column: 9 }],
    },
    {
      name: "Bitbucket: the linter masked with || echo",
      files: edit("bitbucket", "          - npm run lint\n", "          - npm run lint || echo lint failed\n"),
      errors: [{ file: "bitbucket-pipelines.yml", messageId: "masked", line: 7, column: 9 }],
    },
    {
      name: "Azure: the audit step continues on error",
      files: edit(
        "azure",
        "          - script: npm audit --audit-level=high\n",
        "          - script: npm audit --audit-level=high\n            continueOnError: true\n",
      ),
      errors: [{ file: "azure-pipelines.yml", messageId: "stepMayFail", line: 15, column: 13 }],
    },
  ],
});
