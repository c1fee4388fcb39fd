// The ladder reads two command classes from CI scripts (deploy, test), so its table holds only
// those patterns; these tests hold that the jobs it reports are the ones the full table gives.
import { COMMAND_CLASSES, commandTable, readGithubWorkflow, readGitlabCi } from "@deploylint/ci-model";
import { createLineIndex, parseYaml } from "@deploylint/core/sources";
import { describe, expect, it } from "vitest";
import { ladderCommandTable, readCiJobs } from "../../src/readers/ci-jobs.js";

const GITHUB = `on: push
jobs:
  lint: { runs-on: x, steps: [{ run: "pnpm lint && npx prettier --check ." }] }
  unit: { runs-on: x, steps: [{ run: "cd api\\nnpm run test:unit" }, { uses: cypress-io/github-action@v6 }] }
  e2e: { runs-on: x, steps: [{ run: "pnpm exec playwright test" }] }
  audit: { runs-on: x, steps: [{ run: "npm audit --audit-level=high; gitleaks detect" }] }
  ship:
    runs-on: x
    environment: production
    steps:
      - run: |
          flyctl deploy --remote-only
          curl -fsS https://example.com/healthz
      - run: ./scripts/watch-release.sh --window 300
  pages: { runs-on: x, steps: [{ uses: actions/deploy-pages@v4 }] }
  preview: { runs-on: x, steps: [{ uses: amondnet/vercel-action@v25 }] }
  custom: { runs-on: x, steps: [{ run: "./bin/ship-it staging" }] }
`;

const GITLAB = `stages: [test, deploy]
unit:
  stage: test
  script: [go test ./...]
release:
  stage: deploy
  environment: { name: staging }
  script:
    - helm upgrade --install app ./chart
    - ./smoke.sh
`;

function documentOf(text: string) {
  const parsed = parseYaml(text);
  if (!parsed.ok) throw new Error("fixture does not parse");
  const document = parsed.source.documents[0];
  if (!document) throw new Error("no document");
  return document;
}

/** deploys/runsTests per job as the full table (every class, as the pipeline pack reads) classifies them. */
function withFullTable(path: string, text: string, settings: Record<string, unknown>) {
  const commands = (settings.pipeline as { commands?: unknown } | undefined)?.commands;
  const context = { file: path, lines: createLineIndex(text), table: commandTable(commands).table };
  const read = path.endsWith(".gitlab-ci.yml") ? readGitlabCi : readGithubWorkflow;
  return read(documentOf(text), context).jobs.map((job) => {
    const classes = new Set(job.steps.flatMap((step) => step.classes));
    return { id: job.id, deploys: classes.has("deploy"), testCommand: classes.has("test") };
  });
}

describe("ladderCommandTable", () => {
  it("keeps the deploy and test patterns, configured ones included, and drops every other class", () => {
    const settings = { pipeline: { commands: { deploy: ["bin/ship-it"], smoke: ["check-live"] } } };
    const full = commandTable(settings.pipeline.commands).table;
    const ladder = ladderCommandTable(settings);
    for (const name of COMMAND_CLASSES) {
      const kept = name === "deploy" || name === "test";
      expect(ladder.commands[name], name).toEqual(kept ? full.commands[name] : []);
      expect(ladder.actions[name], name).toEqual(kept ? full.actions[name] : []);
    }
  });

  it("gives every job the deploys and runsTests the full table gives", () => {
    const settings = { pipeline: { commands: { deploy: ["bin/ship-it"] } } };
    for (const [path, text] of [
      [".github/workflows/ci.yml", GITHUB],
      [".gitlab-ci.yml", GITLAB],
    ] as const) {
      const jobs = readCiJobs({ path, document: documentOf(text), lines: createLineIndex(text), settings }).jobs;
      const expected = withFullTable(path, text, settings);
      expect(jobs.map((job) => job.id)).toEqual(expected.map((job) => job.id));
      for (const [index, job] of jobs.entries()) {
        const full = expected[index];
        expect(job.deploys, `${path} ${job.id}`).toBe(full?.deploys);
        // runsTests also counts a test-named job or GitLab's test stage, as it always did.
        if (full?.testCommand) expect(job.runsTests, `${path} ${job.id}`).toBe(true);
      }
      expect(jobs.some((job) => job.deploys)).toBe(true);
      expect(jobs.some((job) => job.runsTests)).toBe(true);
    }
  });
});
