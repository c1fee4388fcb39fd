// Tests for pipeline/production-approval: manual gates per provider, gates outside the repository.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { edit, fixture, PROVIDERS } from "./helpers.js";

const tester = new RuleTester({ pack });
const GH = ".github/workflows/pipeline.yml";
const APPROVAL = "      - uses: trstringer/manual-approval@v1\n        with:\n          approvers: release-managers\n";

tester.run("production-approval", {
  valid: [
    ...PROVIDERS.map((provider) => ({ name: `${provider}: the strategy's pipeline`, files: fixture(provider) })),
    {
      name: "the team auto-promotes",
      files: edit("github-actions", APPROVAL, ""),
      options: { autoPromote: true },
    },
  ],
  invalid: [
    {
      name: "GitHub: the environment's reviewers live in the repository settings: noted at info",
      files: edit("github-actions", APPROVAL, ""),
      errors: [
        {
          file: GH,
          messageId: "outside",
          data: {
            job: "deploy-production",
            environment: "production",
            where: "the repository's environment settings (required reviewers)",
          },
          severity: "info",
          line: 32,
          column: 5,
        },
      ],
    },
    {
      name: "GitHub: a production deploy without an environment or gate",
      files: {
        ".github/workflows/cd.yml":
          "on:\n  push:\n    branches: [main]\njobs:\n  deploy-prod:\n    steps:\n      - run: flyctl deploy\n",
      },
      errors: [
        { file: ".github/workflows/cd.yml", messageId: "noGate", data: { job: "deploy-prod" }, line: 5, column: 3 },
      ],
    },
    {
      name: "GitLab: the manual rule is gone; the protected environment is outside the repository",
      files: edit("gitlab-ci", "      when: manual\n", ""),
      errors: [{ file: ".gitlab-ci.yml", messageId: "outside", severity: "info", line: 24, column: 3 }],
    },
    {
      name: "CircleCI: no approval job before production",
      files: edit("circleci", "          requires: [hold-production]\n", "          requires: [deploy-staging]\n"),
      errors: [{ file: ".circleci/config.yml", messageId: "noGate", line: 38, column: 9 }],
    },
    {
      name: "Bitbucket: no manual trigger on the production step",
      files: edit("bitbucket", "          trigger: manual\n", ""),
      errors: [{ file: "bitbucket-pipelines.yml", messageId: "outside", severity: "info", line: 29, column: 11 }],
    },
    {
      name: "Azure: no ManualValidation before production; environment checks are outside the repository",
      files: edit("azure", "        dependsOn: approve\n", ""),
      errors: [{ file: "azure-pipelines.yml", messageId: "outside", severity: "info", line: 39, column: 9 }],
    },
  ],
});
