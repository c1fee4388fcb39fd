// What cannot be read offline (GitLab remote/project/template/component includes, another
// repository's reusable workflow, an orb's job): one info per unread file, and the rules that would
// say something is missing say at info that it may be defined there, instead of claiming it is not.
import type { Finding } from "@deploylint/core";
import { describe, expect, it } from "vitest";
import { edit, fixture, lineOf, lintAll } from "./helpers.js";

// Sorted: the engine's order among findings of several rules is not what these tests are about.
function brief(findings: Finding[]) {
  return findings
    .map((f) => `${f.ruleId.replace("pipeline/", "")} ${f.severity} ${f.file}:${f.line} ${f.message}`)
    .sort();
}

describe("unread includes", () => {
  it("GitLab: checks from another project's file are not claimed missing", async () => {
    const files = edit(
      "gitlab-ci",
      "  - local: .gitlab/ci/checks.yml\n",
      "  - project: acme/ci-templates\n    file: /checks.yml\n",
    );
    delete files[".gitlab/ci/checks.yml"];
    const found = brief(await lintAll(files));
    const include = lineOf(files, ".gitlab-ci.yml", "- project: acme/ci-templates");
    const line = (text: string) => lineOf(files, ".gitlab-ci.yml", text);
    expect(found).toEqual(
      [
        `require-checks info .gitlab-ci.yml:${include} Jobs from acme/ci-templates:checks.yml were not checked: deploylint cannot read another project's file offline, so the pipeline rules judge .gitlab-ci.yml without them.`,
        ...["the tests", "the linter", "a dependency security scan", "the migration check"].map(
          (check) =>
            `require-checks info .gitlab-ci.yml:${line("stages:")} No push or pull-request pipeline that deploylint could read runs ${check}; it may be defined in acme/ci-templates:checks.yml, which cannot be read offline: check that it runs there and can fail the pipeline.`,
        ),
        ...[
          ["deploy-staging", "staging", line("deploy-staging:")],
          ["deploy-production", "production", line("deploy-production:")],
        ].map(
          ([job, environment, at]) =>
            `checks-gate-deploy info .gitlab-ci.yml:${at} Deploy job ${job} (${environment}) waits for no checks that deploylint could read; they may be defined in acme/ci-templates:checks.yml, which cannot be read offline: check that the deploy waits for them.`,
        ),
      ].sort(),
    );
  });

  it("GitLab: a scan template is the scan it names, and adds no doubt about other jobs", async () => {
    const files = edit(
      "gitlab-ci",
      "audit:\n  stage: check\n  script: [npm audit --audit-level=high]\n\n",
      "",
      ".gitlab/ci/checks.yml",
    );
    const withTemplate = edit(
      "gitlab-ci",
      "  - local: .gitlab/ci/checks.yml\n",
      "  - local: .gitlab/ci/checks.yml\n  - template: Jobs/Dependency-Scanning.gitlab-ci.yml\n",
    );
    withTemplate[".gitlab/ci/checks.yml"] = files[".gitlab/ci/checks.yml"] ?? "";
    expect(brief(await lintAll(withTemplate))).toEqual([
      "require-checks info .gitlab-ci.yml:3 Jobs from Jobs/Dependency-Scanning.gitlab-ci.yml were not checked: deploylint cannot read GitLab's templates offline, so the pipeline rules judge .gitlab-ci.yml without them.",
    ]);
  });

  it("GitLab: a remote include's URL is named without its credentials or query", async () => {
    const files = edit(
      "gitlab-ci",
      "  - local: .gitlab/ci/checks.yml\n",
      "  - local: .gitlab/ci/checks.yml\n  - remote: https://ci:hunter2@example.com/ci/watch.yml?token=abc\n",
    );
    const found = brief(await lintAll(files));
    expect(found).toEqual([
      "require-checks info .gitlab-ci.yml:3 Jobs from https://example.com/ci/watch.yml were not checked: deploylint cannot read a remote include offline, so the pipeline rules judge .gitlab-ci.yml without them.",
    ]);
    expect(found.join("\n")).not.toMatch(/hunter2|token=abc/);
  });

  it("GitHub: a production deploy that is another repository's reusable workflow", async () => {
    const files = {
      ...fixture("github-actions"),
      ".github/workflows/pipeline.yml": (fixture("github-actions")[".github/workflows/pipeline.yml"] ?? "").replace(
        / {2}deploy-production:[\s\S]*$/,
        "  deploy-production:\n    if: github.ref == 'refs/heads/main'\n    needs: smoke-staging\n    uses: acme/platform/.github/workflows/deploy.yml@v2\n    secrets: inherit\n",
      ),
    };
    const ref = "acme/platform/.github/workflows/deploy.yml@v2";
    const GH = ".github/workflows/pipeline.yml";
    expect(brief(await lintAll(files))).toEqual(
      [
        `require-checks info ${GH}:31 Jobs from ${ref} were not checked: deploylint cannot read another repository's reusable workflow offline, so the pipeline rules judge ${GH} without them.`,
        `smoke-after-deploy info ${GH}:28 Deploy job deploy-production (production) is followed by no smoke test that deploylint could read; one may be defined in ${ref}, which cannot be read offline: check that it smoke-tests production.`,
        `production-approval info ${GH}:28 Production deploy job deploy-production passes no manual gate that deploylint could read; one may be defined in ${ref}, which cannot be read offline: check that production waits for a person.`,
        `post-deploy-watch info ${GH}:28 Nothing that deploylint could read watches production deploy job deploy-production or can roll it back; a watch may be defined in ${ref}, which cannot be read offline: check that it watches for 15 minutes and rolls back on a spike.`,
        `no-concurrent-production-deploys info ${GH}:28 Production deploy job deploy-production is not serialised in anything deploylint could read; a group may be set in ${ref}, which cannot be read offline: check that production deploys run one at a time.`,
      ].sort(),
    );
  });

  it("GitHub: without the reusable workflow, the same pipeline's gaps are errors", async () => {
    const files = {
      ...fixture("github-actions"),
      ".github/workflows/pipeline.yml": (fixture("github-actions")[".github/workflows/pipeline.yml"] ?? "").replace(
        / {2}deploy-production:[\s\S]*$/,
        "  deploy-production:\n    if: github.ref == 'refs/heads/main'\n    needs: smoke-staging\n    runs-on: ubuntu-latest\n    steps:\n      - run: flyctl deploy --remote-only\n",
      ),
    };
    expect((await lintAll(files)).map((f) => `${f.ruleId} ${f.severity}`).sort()).toEqual([
      "pipeline/no-concurrent-production-deploys error",
      "pipeline/post-deploy-watch error",
      "pipeline/production-approval error",
      "pipeline/smoke-after-deploy error",
    ]);
  });

  it("CircleCI: an orb's deploy job", async () => {
    const files = edit(
      "circleci",
      "      - deploy-production:\n          requires: [hold-production]\n          context: production\n          serial-group: deploy-production\n",
      "      - aws-ecs/deploy-service-update:\n          requires: [hold-production]\n          context: production\n",
    );
    files[".circleci/config.yml"] = `orbs:\n  aws-ecs: circleci/aws-ecs@4.1.0\n${files[".circleci/config.yml"]}`;
    const ref = "aws-ecs/deploy-service-update (orb circleci/aws-ecs@4.1.0)";
    const CC = ".circleci/config.yml";
    const line = lineOf(files, CC, "- aws-ecs/deploy-service-update:");
    expect(brief(await lintAll(files))).toEqual(
      [
        `require-checks info ${CC}:${line} Jobs from ${ref} were not checked: deploylint cannot read an orb's jobs and commands offline, so the pipeline rules judge ${CC} without them.`,
        `smoke-after-deploy info ${CC}:${line} Deploy job aws-ecs/deploy-service-update (production) is followed by no smoke test that deploylint could read; one may be defined in ${ref}, which cannot be read offline: check that it smoke-tests production.`,
        `post-deploy-watch info ${CC}:${line} Nothing that deploylint could read watches production deploy job aws-ecs/deploy-service-update or can roll it back; a watch may be defined in ${ref}, which cannot be read offline: check that it watches for 15 minutes and rolls back on a spike.`,
        `no-concurrent-production-deploys info ${CC}:${line} Production deploy job aws-ecs/deploy-service-update is not serialised in anything deploylint could read; a group may be set in ${ref}, which cannot be read offline: check that production deploys run one at a time.`,
      ].sort(),
    );
  });
});

describe("CircleCI orb commands", () => {
  it("tests run by an orb's command are not claimed missing", async () => {
    const files = edit("circleci", "      - run: npm test\n", "      - node/test\n");
    files[".circleci/config.yml"] = `orbs:\n  node: circleci/node@5.2.0\n${files[".circleci/config.yml"]}`;
    const CC = ".circleci/config.yml";
    expect(brief(await lintAll(files))).toEqual([
      `require-checks info ${CC}:${lineOf(files, CC, "- node/test")} Jobs from node/test (orb circleci/node@5.2.0) were not checked: deploylint cannot read an orb's jobs and commands offline, so the pipeline rules judge ${CC} without them.`,
      `require-checks info ${CC}:${lineOf(files, CC, "  pipeline:")} No push or pull-request pipeline that deploylint could read runs the tests; it may be defined in node/test (orb circleci/node@5.2.0), which cannot be read offline: check that it runs there and can fail the pipeline.`,
    ]);
  });
});

describe("post-deploy-watch: a platform's automatic rollback is the watch", () => {
  const noWatch = () => edit("github-actions", "      - run: tools/deploy/watch-deploy.sh --window 15m\n", "");
  const ecsService = (breaker: string) =>
    `{\n  "serviceName": "shop",\n  "taskDefinition": "shop",\n  "deploymentConfiguration": {\n    "minimumHealthyPercent": 100,\n    "maximumPercent": 200,\n    "deploymentCircuitBreaker": ${breaker}\n  }\n}\n`;
  const watchFindings = async (files: Record<string, string>) =>
    (await lintAll(files)).filter((f) => f.ruleId === "pipeline/post-deploy-watch").map((f) => f.message);

  it("ECS's deployment circuit breaker with rollback", async () => {
    const files = { ...noWatch(), "deploy/ecs/service.json": ecsService('{ "enable": true, "rollback": true }') };
    expect(await watchFindings(files)).toEqual([]);
  });

  it("a circuit breaker that does not roll back is no watch", async () => {
    const files = { ...noWatch(), "deploy/ecs/service.json": ecsService('{ "enable": true, "rollback": false }') };
    expect(await watchFindings(files)).toHaveLength(1);
  });

  it("an Argo Rollouts canary with analysis", async () => {
    const rollout =
      "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: shop\nspec:\n  replicas: 3\n  strategy:\n    canary:\n      analysis:\n        templates:\n          - templateName: error-rate\n      steps:\n        - setWeight: 10\n        - pause: { duration: 10m }\n  template:\n    spec:\n      containers:\n        - name: shop\n          image: shop:1\n";
    expect(await watchFindings({ ...noWatch(), "k8s/rollout.yaml": rollout })).toEqual([]);
    // Without the analysis nothing aborts the canary.
    expect(
      await watchFindings({
        ...noWatch(),
        "k8s/rollout.yaml": rollout.replace(
          "      analysis:\n        templates:\n          - templateName: error-rate\n",
          "",
        ),
      }),
    ).toHaveLength(1);
  });

  it("a Flagger canary with metric checks and a threshold", async () => {
    const canary =
      "apiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata:\n  name: shop\nspec:\n  targetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: shop\n  analysis:\n    interval: 1m\n    threshold: 5\n    stepWeight: 10\n    metrics:\n      - name: request-success-rate\n        thresholdRange: { min: 99 }\n        interval: 1m\n";
    expect(await watchFindings({ ...noWatch(), "k8s/canary.yaml": canary })).toEqual([]);
  });

  it("a staging-only automatic rollback does not watch production", async () => {
    const files = { ...noWatch(), "deploy/staging/service.json": ecsService('{ "enable": true, "rollback": true }') };
    expect(await watchFindings(files)).toHaveLength(1);
  });
});
