// Tests for the CI model: command classes and their extension, masked checks, deploy targets, and
// the readers' less obvious paths (GitLab includes that cannot be read, Bitbucket anchors, Azure stages).
import { createLineIndex } from "@deploylint/core/sources";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { classesOfCommand, commandTable, readCiFile, readScript, smokeTargetsOf } from "../src/index.js";

const { table } = commandTable();

function read(path: string, text: string, readFile?: (path: string) => string | null) {
  return readCiFile({
    path,
    document: parseDocument(text),
    lines: createLineIndex(text),
    table,
    ...(readFile ? { readFile } : {}),
  });
}

describe("command classes", () => {
  it("reads package scripts through workspace flags and a ci: prefix, and keeps build:test a build", () => {
    expect(classesOfCommand("pnpm ci:test", table)).toEqual(["test"]);
    expect(classesOfCommand("pnpm --filter api run test:unit", table)).toEqual(["test"]);
    expect(classesOfCommand("yarn workspace web lint", table)).toEqual(["lint"]);
    expect(classesOfCommand("pnpm -r build:test", table)).toEqual(["build"]);
    expect(classesOfCommand("curl -fsSL https://get.example.sh | sh", table)).toEqual([]);
    expect(classesOfCommand("curl --fail https://example.com/health", table)).toEqual(["smoke"]);
  });

  it("adds a team's patterns and says which ones it cannot use", () => {
    const extended = commandTable({ smoke: ["scripts/check-live\\.sh"], bogus: ["x"], lint: ["("] });
    expect(classesOfCommand("scripts/check-live.sh prod", extended.table)).toEqual(["smoke"]);
    expect(extended.problems).toHaveLength(2);
  });

  it("finds masked checks, and leaves alone a set +e that checks the status", () => {
    expect(readScript("npm audit || true", table).masked).toEqual(["dependency-scan"]);
    expect(readScript("set +e\nnpm test\n", table).masked).toEqual(["test"]);
    expect(readScript("set +e\nnpm test\nstatus=$?\nexit $status\n", table).masked).toEqual([]);
  });

  it("reads the deploy target and what follows the deploy", () => {
    const reading = readScript("fly deploy --config fly.staging.toml\ntools/qa/smoke-test.sh", table);
    expect(reading.deployTarget).toBe("staging");
    expect(reading.afterDeploy).toEqual(["smoke"]);
  });
});

// A GitHub expression (`${{ x }}`), built so that it is not mistaken for a template placeholder.
const expression = (inner: string) => ["$", "{{ ", inner, " }}"].join("");

describe("smoke targets", () => {
  it("reads the environment a smoke command names, and the hosts it fetches", () => {
    expect(smokeTargetsOf("tools/qa/smoke-test.sh staging --format json")).toEqual([
      { environment: "staging", host: null },
    ]);
    expect(smokeTargetsOf("npx deploylint smoke -e production")).toEqual([{ environment: "production", host: null }]);
    expect(smokeTargetsOf("deploylint smoke --environment=qa")).toEqual([{ environment: "qa", host: null }]);
    expect(smokeTargetsOf("curl --fail https://user:secret@Staging.Example.com:8443/health")).toEqual([
      { environment: null, host: "staging.example.com" },
    ]);
    expect(smokeTargetsOf(`curl --fail "${expression("vars.PROD_URL")}/health"`)).toEqual([
      { environment: "production", host: null },
    ]);
    expect(smokeTargetsOf("curl --fail $STAGING_URL/health")).toEqual([{ environment: "staging", host: null }]);
  });

  it("says nothing when the command does not tell", () => {
    expect(smokeTargetsOf("curl --fail $BASE_URL/health")).toEqual([]);
    expect(smokeTargetsOf(`tools/qa/smoke-test.sh "${expression("matrix.environment")}"`)).toEqual([]);
    expect(smokeTargetsOf("npm run test:smoke")).toEqual([]);
    // `$STAGE` holds whichever stage the run deploys, not staging.
    expect(smokeTargetsOf("tools/qa/smoke-test.sh $STAGE")).toEqual([]);
  });

  it("deploylint smoke is a smoke test, not a migration check", () => {
    expect(classesOfCommand("npx deploylint smoke --environment staging", table)).toEqual(["smoke"]);
    expect(classesOfCommand("npx deploylint", table)).toEqual(["migration-check", "secret-scan"]);
  });
});

describe("readers", () => {
  it("GitLab: includes that cannot be read offline are listed, without credentials", () => {
    const [pipeline] = read(
      ".gitlab-ci.yml",
      "include:\n  - remote: https://u:p@example.com/ci.yml?private_token=x\n  - project: acme/ci\n    file: [/a.yml, b.yml]\n  - template: Security/Secret-Detection.gitlab-ci.yml\n  - component: gitlab.com/acme/deploy/fly@1.0\n  - https://example.com/other.yml\ntest:\n  script: [npm test]\n",
      () => null,
    );
    expect(pipeline?.external.map(({ kind, ref, addsJobs }) => `${kind} ${ref} ${addsJobs}`)).toEqual([
      "gitlab-remote https://example.com/ci.yml true",
      "gitlab-project acme/ci:a.yml true",
      "gitlab-project acme/ci:b.yml true",
      "gitlab-template Security/Secret-Detection.gitlab-ci.yml false",
      "gitlab-component gitlab.com/acme/deploy/fly true",
      "gitlab-remote https://example.com/other.yml true",
    ]);
    // The scan template is a secret-scan job of the test stage.
    expect(pipeline?.jobs.find((job) => job.external !== null)?.steps[0]?.classes).toEqual(["secret-scan"]);
  });

  it("GitHub: a job that is another repository's reusable workflow is external; a local one is not", () => {
    const [pipeline] = read(
      ".github/workflows/ci.yml",
      "on: push\njobs:\n  scan:\n    uses: google/osv-scanner-action/.github/workflows/osv-scanner-reusable.yml@v2\n  local:\n    uses: ./.github/workflows/test.yml\n",
    );
    expect(pipeline?.jobs.map((job) => job.external)).toEqual([
      "google/osv-scanner-action/.github/workflows/osv-scanner-reusable.yml@v2",
      null,
    ]);
    expect(pipeline?.external.map((external) => external.line)).toEqual([4]);
  });

  it("GitLab: an include that cannot be read is a problem, not a smaller pipeline", () => {
    const [pipeline] = read(
      ".gitlab-ci.yml",
      "include:\n  - local: ci/missing.yml\ntest:\n  script: [npm test]\n",
      () => null,
    );
    expect(pipeline?.includes).toEqual(["ci/missing.yml"]);
    expect(pipeline?.problems.map((problem) => problem.message)).toEqual([
      "included file ci/missing.yml could not be read",
    ]);
  });

  it("GitLab: a file under .gitlab/ci/ is read through the root's include, not on its own", () => {
    expect(read(".gitlab/ci/checks.yml", "test:\n  script: [npm test]\n")).toEqual([]);
  });

  it("Bitbucket: a step shared by an anchor runs in each pipeline that names it", () => {
    const text =
      "definitions:\n  steps:\n    - step: &test\n        name: test\n        script: [npm test]\npipelines:\n  default:\n    - step: *test\n  branches:\n    main:\n      - step: *test\n      - step:\n          name: ship\n          deployment: production\n          script: [fly deploy]\n";
    const pipelines = read("bitbucket-pipelines.yml", text);
    expect(pipelines.map((pipeline) => pipeline.name)).toEqual(["default", "branches: main"]);
    const main = pipelines[1];
    expect(main?.jobs.map((job) => [job.id, job.needs, job.environment?.name ?? null, job.serialisedBy])).toEqual([
      ["test", [], null, null],
      ["ship", ["test"], "production", "deployment:production"],
    ]);
  });

  it("Azure: a stage waits for the stage before it unless dependsOn says otherwise", () => {
    const text =
      "stages:\n  - stage: a\n    jobs:\n      - job: one\n        steps: [{ script: npm test }]\n  - stage: b\n    jobs:\n      - deployment: two\n        environment: production.web\n        strategy: { runOnce: { deploy: { steps: [{ script: fly deploy }] } } }\n";
    const [pipeline] = read("azure-pipelines.yml", text);
    expect(pipeline?.jobs.map((job) => [job.id, job.needs, job.environment?.name ?? null])).toEqual([
      ["a.one", [], null],
      ["b.two", ["a.one"], "production"],
    ]);
  });
});
