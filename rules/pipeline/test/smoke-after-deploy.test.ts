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
        "tools/qa/smoke-test.sh https://example.com",
        "curl --fail --retry 5 https://example.com/health",
      ),
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
      files: edit("github-actions", "      - run: tools/qa/smoke-test.sh https://example.com\n", ""),
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
        "      - run: flyctl deploy --remote-only\n      - run: tools/qa/smoke-test.sh https://example.com\n",
        "      - run: tools/qa/smoke-test.sh https://example.com\n      - run: flyctl deploy --remote-only\n",
      ),
      errors: [{ file: GH, messageId: "noSmoke", line: 28, column: 3 }],
    },
    {
      name: "GitLab: staging is not smoke-tested",
      files: edit("gitlab-ci", "    - tools/qa/smoke-test.sh https://staging.example.com\n", ""),
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
      files: edit("circleci", "      - run: tools/qa/smoke-test.sh https://example.com\n", ""),
      errors: [{ file: ".circleci/config.yml", messageId: "noSmoke", line: 37, column: 9 }],
    },
  ],
});
