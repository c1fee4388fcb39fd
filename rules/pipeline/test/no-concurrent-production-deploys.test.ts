// Tests for pipeline/no-concurrent-production-deploys.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { edit, fixture, PROVIDERS } from "./helpers.js";

const tester = new RuleTester({ pack });
const GH = ".github/workflows/pipeline.yml";
// GitHub expression syntax, as written in a workflow (not a template string).
// biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions expression under test.
const PER_RUN_GROUP = "deploy-${{ github.run_id }}";
const GROUP = "    concurrency:\n      group: deploy-production\n      cancel-in-progress: false\n";

tester.run("no-concurrent-production-deploys", {
  valid: [
    ...PROVIDERS.map((provider) => ({ name: `${provider}: the strategy's pipeline`, files: fixture(provider) })),
    {
      name: "a workflow-level group serialises its jobs",
      files: edit("github-actions", "jobs:\n", "concurrency: production\njobs:\n"),
    },
  ],
  invalid: [
    {
      name: "GitHub: no concurrency group",
      files: edit("github-actions", GROUP, ""),
      errors: [{ file: GH, messageId: "notSerialised", data: { job: "deploy-production" }, line: 28, column: 3 }],
    },
    {
      name: "GitHub: a group keyed by the run id serialises nothing",
      files: edit("github-actions", "group: deploy-production", `group: ${PER_RUN_GROUP}`),
      errors: [
        {
          file: GH,
          messageId: "perRun",
          data: { job: "deploy-production", group: PER_RUN_GROUP },
          line: 28,
          column: 3,
        },
      ],
    },
    {
      name: "GitLab: no resource_group",
      files: edit("gitlab-ci", "  resource_group: production\n", ""),
      errors: [{ file: ".gitlab-ci.yml", messageId: "notSerialised", line: 21, column: 1 }],
    },
    {
      name: "CircleCI: no serial-group",
      files: edit("circleci", "          serial-group: deploy-production\n", ""),
      errors: [{ file: ".circleci/config.yml", messageId: "notSerialised", line: 38, column: 9 }],
    },
    {
      name: "Azure: no lockBehavior",
      files: edit("azure", "    lockBehavior: sequential\n", ""),
      errors: [{ file: "azure-pipelines.yml", messageId: "notSerialised", line: 37, column: 9 }],
    },
  ],
});
