// Tests for pipeline/staging-before-production.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { edit, fixture, PROVIDERS } from "./helpers.js";

const tester = new RuleTester({ pack });
const GH = ".github/workflows/pipeline.yml";

tester.run("staging-before-production", {
  valid: [
    ...PROVIDERS.map((provider) => ({ name: `${provider}: the strategy's pipeline`, files: fixture(provider) })),
    {
      name: "a promotion job that names staging",
      files: {
        ".github/workflows/promote.yml":
          "on: workflow_dispatch\njobs:\n  promote-staging-to-production:\n    environment: production\n    steps:\n      - run: flyctl deploy --image-label from-staging\n",
      },
    },
    {
      name: "a deploy with no known target is not taken for production",
      files: {
        ".github/workflows/docs.yml": "on: push\njobs:\n  publish:\n    steps:\n      - run: npx wrangler deploy\n",
      },
    },
  ],
  invalid: [
    {
      name: "GitHub: production straight after the checks",
      files: edit("github-actions", "    needs: smoke-staging\n", "    needs: checks\n"),
      errors: [{ file: GH, messageId: "noStaging", data: { job: "deploy-production" }, line: 28, column: 3 }],
    },
    {
      name: "GitHub: production after staging but not after its smoke test",
      files: edit("github-actions", "    needs: smoke-staging\n", "    needs: deploy-staging\n"),
      errors: [
        {
          file: GH,
          messageId: "noStagingSmoke",
          data: { job: "deploy-production", staging: "deploy-staging" },
          line: 28,
          column: 3,
        },
      ],
    },
    {
      name: "GitLab: staging's job no longer smoke-tests",
      files: edit("gitlab-ci", "    - curl --fail --retry 5 https://beta.example.com/health\n", ""),
      errors: [{ file: ".gitlab-ci.yml", messageId: "noStagingSmoke", line: 20, column: 1 }],
    },
    {
      name: "CircleCI: production requires only the checks",
      files: edit("circleci", "          requires: [deploy-staging]\n", "          requires: [checks]\n"),
      errors: [{ file: ".circleci/config.yml", messageId: "noStaging", line: 38, column: 9 }],
    },
  ],
});
