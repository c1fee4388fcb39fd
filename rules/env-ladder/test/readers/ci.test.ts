// Tests for the ladder's view of CI jobs (read through @deploylint/ci-model): GitHub Actions
// triggers and conditions, GitLab rules, stages and extends.
import { createLineIndex, parseYaml } from "@deploylint/core/sources";
import { describe, expect, it } from "vitest";
import { readCiJobs } from "../../src/readers/ci-jobs.js";

const readGithubWorkflow = ".github/workflows/ci.yml";
const readGitlabCi = ".gitlab-ci.yml";

function read(path: string, text: string) {
  const parsed = parseYaml(text);
  if (!parsed.ok) throw new Error("fixture does not parse");
  const document = parsed.source.documents[0];
  if (!document) throw new Error("no document");
  return readCiJobs({ path, document, lines: createLineIndex(text) });
}

describe("readGithubWorkflow", () => {
  it("narrows triggers by the job's if and follows the environment forms", () => {
    const { jobs, values } = read(
      readGithubWorkflow,
      `on:
  pull_request:
  push: { branches: [main] }
  schedule: [{ cron: "0 3 * * *" }]
jobs:
  test: { steps: [{ run: pnpm test }] }
  prod:
    if: github.event_name == 'push' && github.ref == 'refs/heads/main'
    needs: [test]
    environment: { name: production, url: https://x }
    env: { LOG_LEVEL: warn }
    steps: [{ uses: superfly/flyctl-actions/setup-flyctl@master }]
  nightly:
    environment: staging
    steps: [{ run: make deploy }]
`,
    );
    expect(
      jobs.map(({ id, environment, branches, tags, needs, deploys, runsTests }) => ({
        id,
        environment,
        branches,
        tags,
        needs,
        deploys,
        runsTests,
      })),
    ).toEqual([
      { id: "test", environment: null, branches: null, tags: false, needs: [], deploys: false, runsTests: true },
      {
        id: "prod",
        environment: "production",
        branches: ["main"],
        tags: false,
        needs: ["test"],
        deploys: true,
        runsTests: false,
      },
      {
        id: "nightly",
        environment: "staging",
        branches: null,
        tags: false,
        needs: [],
        deploys: true,
        runsTests: false,
      },
    ]);
    expect(values).toEqual([
      {
        source: "github-actions",
        environment: "production",
        entries: [
          { key: "LOG_LEVEL", line: 11, column: 12, endLine: 11, endColumn: 21, hasValue: true, level: "warn" },
        ],
      },
    ]);
  });

  it("push-only branches and the schedule keep a workflow on known branches", () => {
    const { jobs } = read(
      readGithubWorkflow,
      "on:\n  push:\n    branches: [main]\n    tags: ['v*']\n  schedule: []\njobs:\n  a: { steps: [] }\n",
    );
    expect(jobs[0]).toMatchObject({ branches: ["main", "@default"], tags: true });
  });
});

describe("readGitlabCi", () => {
  it("needs are the earlier stages' jobs unless given; extends supplies script and environment", () => {
    const { jobs } = read(
      readGitlabCi,
      `stages: [build, test, deploy]
.deploy: { script: [helm upgrade --install app ./chart], environment: production }
build: { stage: build, script: [make] }
lint: { stage: test, script: [npm run lint] }
ship:
  extends: .deploy
  stage: deploy
  rules:
    - if: $CI_COMMIT_TAG
      when: never
    - if: '$CI_COMMIT_BRANCH == "main"'
`,
    );
    expect(
      jobs.map(({ id, environment, branches, needs, deploys, runsTests }) => ({
        id,
        environment,
        branches,
        needs,
        deploys,
        runsTests,
      })),
    ).toEqual([
      { id: "build", environment: null, branches: null, needs: [], deploys: false, runsTests: false },
      { id: "lint", environment: null, branches: null, needs: ["build"], deploys: false, runsTests: true },
      {
        id: "ship",
        environment: "production",
        branches: ["main"],
        needs: ["build", "lint"],
        deploys: true,
        runsTests: false,
      },
    ]);
  });
});
