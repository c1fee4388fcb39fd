// Tests for pipeline/smoke-after-deploy.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { edit, fixture, PROVIDERS } from "./helpers.js";

const tester = new RuleTester({ pack });
const GH = ".github/workflows/pipeline.yml";

tester.run("smoke-after-deploy", {
  valid: [
    ...PROVIDERS.map((provider) => ({ name: `${provider}: the strategy's pipeline`, files: fixture(provider) })),
    {
      name: "curl --fail against the health endpoint counts",
      files: edit(
        "github-actions",
        "tools/qa/smoke-test.sh production",
        "curl --fail --retry 5 https://example.com/health",
      ),
    },
    {
      name: "a smoke test whose target cannot be told counts (no guessing)",
      files: edit("github-actions", "tools/qa/smoke-test.sh production", "curl --fail $BASE_URL/health"),
    },
    {
      name: "deploylint smoke -e names the environment",
      files: edit("github-actions", "tools/qa/smoke-test.sh production", "npx deploylint smoke -e production"),
    },
    {
      name: "a host without an environment word is the manifest's production URL",
      files: {
        ...edit("github-actions", "tools/qa/smoke-test.sh production", "curl --fail https://shop.example/health"),
        "company.config.yaml":
          "environments:\n  staging:\n    url: https://preview.shop.example\n  production:\n    url: https://shop.example/\n",
      },
    },
    {
      name: "without a manifest, a host that names no environment cannot be told apart",
      files: edit(
        "github-actions",
        "tools/qa/smoke-test.sh production",
        "curl --fail https://preview.shop.example/health",
      ),
    },
    {
      name: "GitHub: a host without an environment word is the URL the deploy job's environment declares",
      files: {
        ".github/workflows/deploy.yml":
          "on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    environment:\n      name: production\n      url: https://shop.example\n    steps:\n      - run: flyctl deploy\n      - run: curl --fail https://shop.example/health\n",
      },
    },
    {
      name: "a GitHub Pages deploy of the docs is not an application deploy",
      files: {
        ".github/workflows/docs.yml": "on: push\njobs:\n  pages:\n    steps:\n      - uses: actions/deploy-pages@v4\n",
      },
    },
  ],
  invalid: [
    {
      name: "GitHub: production is not smoke-tested",
      files: edit("github-actions", "      - run: tools/qa/smoke-test.sh production\n", ""),
      errors: [
        {
          file: GH,
          messageId: "noSmoke",
          data: { job: "deploy-production", environment: "production" },
          line: 28,
          column: 3,
        },
      ],
    },
    {
      name: "GitHub: a smoke test before the deploy does not count",
      files: edit(
        "github-actions",
        "      - run: flyctl deploy --remote-only\n      - run: tools/qa/smoke-test.sh production\n",
        "      - run: tools/qa/smoke-test.sh production\n      - run: flyctl deploy --remote-only\n",
      ),
      errors: [{ file: GH, messageId: "noSmoke", line: 28, column: 3 }],
    },
    {
      name: "GitHub: production's smoke step names staging",
      files: edit(
        "github-actions",
        "tools/qa/smoke-test.sh production",
        "tools/qa/smoke-test.sh staging --url https://staging.example.com",
      ),
      errors: [
        {
          file: GH,
          messageId: "wrongTarget",
          data: {
            step: "step 3",
            smokeJob: "deploy-production",
            tested: "staging, staging.example.com",
            environment: "production",
            job: "deploy-production",
          },
          line: 41,
          column: 9,
        },
      ],
    },
    {
      name: "GitHub: a smoke job after production curls the manifest's staging URL",
      files: {
        ...edit("github-actions", "      - run: tools/qa/smoke-test.sh production\n", ""),
        ".github/workflows/pipeline.yml": `${edit("github-actions", "      - run: tools/qa/smoke-test.sh production\n", "")[GH]}  smoke-production:\n    needs: deploy-production\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl --fail https://preview.shop.example/health\n`,
        "company.config.yaml":
          "environments:\n  staging:\n    url: https://preview.shop.example\n  production:\n    url: https://shop.example\n",
      },
      errors: [
        {
          file: GH,
          messageId: "wrongTarget",
          data: {
            step: "step 1",
            smokeJob: "smoke-production",
            tested: "preview.shop.example",
            environment: "production",
            job: "deploy-production",
          },
          line: 46,
          column: 9,
        },
      ],
    },
    {
      name: "GitLab: production's smoke curls the URL the staging job's environment declares",
      files: {
        ".gitlab-ci.yml":
          "stages: [staging, production]\ndeploy-staging:\n  stage: staging\n  environment:\n    name: staging\n    url: https://preview.shop.example\n  script:\n    - fly deploy --config fly.staging.toml\n    - curl --fail https://preview.shop.example/health\ndeploy-production:\n  stage: production\n  environment: production\n  script:\n    - fly deploy\n    - curl --fail https://preview.shop.example/health\n",
      },
      errors: [
        {
          file: ".gitlab-ci.yml",
          messageId: "wrongTarget",
          data: {
            step: "script",
            smokeJob: "deploy-production",
            tested: "preview.shop.example",
            environment: "production",
            job: "deploy-production",
          },
          line: 13,
          column: 3,
        },
      ],
    },
    {
      name: "GitLab: staging is not smoke-tested",
      files: edit("gitlab-ci", "    - curl --fail --retry 5 https://beta.example.com/health\n", ""),
      errors: [
        {
          file: ".gitlab-ci.yml",
          messageId: "noSmoke",
          data: { job: "deploy-staging", environment: "staging" },
          line: 12,
          column: 1,
        },
      ],
    },
    {
      name: "CircleCI: production is not smoke-tested",
      files: edit("circleci", "      - run: tools/qa/smoke-test.sh production\n", ""),
      errors: [{ file: ".circleci/config.yml", messageId: "noSmoke", line: 37, column: 9 }],
    },
  ],
});
