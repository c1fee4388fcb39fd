// Tests for env-ladder/production-deploy-via-ci over GitHub Actions and GitLab CI.
import { readFileSync } from "node:fs";
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { SOUND, SOUND_WORKFLOW, soundWith } from "./helpers/ladder.js";

const tester = new RuleTester({ pack });
const fixture = (path: string) => readFileSync(new URL(`./fixtures/platforms/${path}`, import.meta.url), "utf8");
const WORKFLOW = ".github/workflows/deploy.yml";

// tidy-api's workflow: production needs staging, which needs the tests; both run on main only.
const TIDY = `name: ci
on:
  pull_request:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: npm ci && npm test
  deploy-staging:
    if: github.ref == 'refs/heads/main'
    needs: test
    environment: staging
    steps:
      - run: flyctl deploy --config fly.staging.toml --remote-only
  deploy-production:
    if: github.ref == 'refs/heads/main'
    needs: deploy-staging
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: flyctl deploy --remote-only
`;

tester.run("production-deploy-via-ci", {
  valid: [
    {
      name: "push to main, needs test, environment production",
      files: { "company.config.yaml": SOUND, [WORKFLOW]: SOUND_WORKFLOW },
    },
    {
      name: "tidy-api: needs reach the tests through staging",
      files: { "company.config.yaml": SOUND, ".github/workflows/ci.yml": TIDY },
    },
    {
      name: "GitLab: default-branch rule, tests in an earlier stage, extends a hidden job",
      files: { "company.config.yaml": SOUND, ".gitlab-ci.yml": fixture("gitlab-ci/.gitlab-ci.yml") },
    },
    {
      name: "branching.main names the main branch",
      files: {
        "company.config.yaml": soundWith("main: main", "main: trunk"),
        [WORKFLOW]: SOUND_WORKFLOW.replace("branches: [main]", "branches: [trunk]"),
      },
    },
    { name: "no manifest: nothing to check", files: { [WORKFLOW]: "on: push\njobs:\n  deploy:\n    steps: []\n" } },
  ],
  invalid: [
    {
      name: "no CI job deploys to production, reported at production's key",
      files: { "company.config.yaml": SOUND },
      errors: [
        { file: "company.config.yaml", messageId: "noCiJob", data: { name: "production" }, line: 20, column: 3 },
      ],
    },
    {
      name: "people in production's access list and a manual deploy",
      files: {
        "company.config.yaml": soundWith(
          "access: [ci]\n    deploy: ci-only",
          "access: [ci, alice]\n    deploy: manual",
        ),
        [WORKFLOW]: SOUND_WORKFLOW,
      },
      errors: [
        {
          file: "company.config.yaml",
          messageId: "accessNotCi",
          data: { name: "production", who: "alice" },
          line: 26,
          column: 5,
        },
        {
          file: "company.config.yaml",
          messageId: "deployNotCi",
          data: { name: "production", how: "manual" },
          line: 27,
          column: 5,
        },
      ],
    },
    {
      name: "a pull request can run the deploy, which does not wait for the tests",
      files: { "company.config.yaml": SOUND, [WORKFLOW]: fixture("github-actions/.github/workflows/deploy.yml") },
      errors: [
        {
          file: WORKFLOW,
          messageId: "notMainOnly",
          data: {
            job: "deploy-production",
            environment: "production",
            from: "from any branch or pull request",
            main: "main",
          },
          line: 12,
          column: 3,
        },
        { file: WORKFLOW, messageId: "noTests", line: 12, column: 3 },
      ],
    },
    {
      name: "a job that deploys production without the production environment",
      files: {
        "company.config.yaml": SOUND,
        [WORKFLOW]:
          "on:\n  push:\n    branches: [main]\njobs:\n  deploy-prod:\n    steps:\n      - run: flyctl deploy\n",
      },
      errors: [
        { file: WORKFLOW, messageId: "noEnvironment", data: { job: "deploy-prod" }, line: 5, column: 3 },
        { file: "company.config.yaml", messageId: "noCiJob", line: 20, column: 3 },
      ],
    },
    {
      name: "deploys from a release branch and on tags",
      files: {
        "company.config.yaml": SOUND,
        [WORKFLOW]: SOUND_WORKFLOW.replace("branches: [main]", "branches: [main, 'release/**']\n    tags: ['v*']"),
      },
      errors: [
        {
          file: WORKFLOW,
          messageId: "notMainOnly",
          data: { job: "deploy-production", environment: "production", from: "from release/**", main: "main" },
          line: 12,
          column: 3,
        },
      ],
    },
    {
      name: "GitLab: production deploy with only: branches and explicit needs on the build only",
      files: {
        "company.config.yaml": SOUND,
        ".gitlab-ci.yml":
          "stages: [build, test, deploy]\nbuild:\n  stage: build\n  script: [npm ci]\nunit:\n  stage: test\n  script: [npm test]\nrelease:\n  stage: deploy\n  needs: [build]\n  environment: prod\n  only: [branches]\n  script: [kubectl apply -f k8s/]\n",
      },
      errors: [
        { file: ".gitlab-ci.yml", messageId: "notMainOnly", line: 8, column: 1 },
        { file: ".gitlab-ci.yml", messageId: "noTests", line: 8, column: 1 },
      ],
    },
  ],
});
