// Tests for pipeline/checks-gate-deploy: deploy jobs wait for the check jobs.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { edit, fixture, PROVIDERS } from "./helpers.js";

const tester = new RuleTester({ pack });
const GH = ".github/workflows/pipeline.yml";

tester.run("checks-gate-deploy", {
  valid: [
    ...PROVIDERS.map((provider) => ({ name: `${provider}: the strategy's pipeline`, files: fixture(provider) })),
    {
      name: "a deploy workflow started by workflow_run after the CI workflow",
      files: {
        ".github/workflows/ci.yml":
          "name: ci\non: [push, pull_request]\njobs:\n  test:\n    steps:\n      - run: npm test\n",
        ".github/workflows/deploy.yml":
          "on:\n  workflow_run:\n    workflows: [ci]\n    branches: [main]\n    types: [completed]\njobs:\n  deploy:\n    if: github.event.workflow_run.conclusion == 'success'\n    environment: production\n    steps:\n      - run: flyctl deploy\n",
      },
    },
    {
      name: "tests run in the deploy job itself, before the deploy",
      files: {
        ".github/workflows/deploy.yml":
          "on: push\njobs:\n  deploy:\n    steps:\n      - run: npm test\n      - run: flyctl deploy\n",
      },
    },
  ],
  invalid: [
    {
      name: "GitHub: staging does not wait for the checks",
      files: edit("github-actions", "    needs: checks\n", ""),
      errors: [
        {
          file: GH,
          messageId: "notWaiting",
          data: { job: "deploy-staging", environment: "staging", missing: "checks" },
          line: 16,
          column: 3,
        },
        // Production waits for staging, so it no longer reaches the checks either.
        {
          file: GH,
          messageId: "notWaiting",
          data: { job: "deploy-production", environment: "production", missing: "checks" },
          line: 27,
          column: 3,
        },
      ],
    },
    {
      name: "GitHub: a deploy workflow with no checks, beside the CI workflow",
      files: {
        ".github/workflows/ci.yml":
          "name: ci\non: [push, pull_request]\njobs:\n  test:\n    steps:\n      - run: npm test\n",
        ".github/workflows/cd.yml":
          "on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    steps:\n      - run: npx vercel deploy --prod\n",
      },
      errors: [
        {
          file: ".github/workflows/cd.yml",
          messageId: "noChecks",
          data: { job: "deploy", environment: "production", pipeline: ".github/workflows/cd.yml" },
          line: 5,
          column: 3,
        },
      ],
    },
    {
      name: "GitLab: the staging job's needs skip the check stage",
      files: edit("gitlab-ci", "  stage: staging\n", "  stage: staging\n  needs: []\n"),
      errors: [{ file: ".gitlab-ci.yml", messageId: "notWaiting", line: 12, column: 1 }],
    },
    {
      name: "CircleCI: staging does not require the checks",
      files: edit("circleci", "          requires: [checks]\n", ""),
      errors: [
        { file: ".circleci/config.yml", messageId: "notWaiting", line: 31, column: 9 },
        { file: ".circleci/config.yml", messageId: "notWaiting", line: 37, column: 9 },
      ],
    },
  ],
});
