// Tests for pipeline/post-deploy-watch: a watch or rollback after production, the window option.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { edit, fixture, PROVIDERS } from "./helpers.js";

const tester = new RuleTester({ pack });
const GH = ".github/workflows/pipeline.yml";
const WATCH = "      - run: tools/deploy/watch-deploy.sh --window 15m\n";

tester.run("post-deploy-watch", {
  valid: [
    ...PROVIDERS.map((provider) => ({ name: `${provider}: the strategy's pipeline`, files: fixture(provider) })),
    {
      name: "a rollback step on failure counts",
      files: edit("github-actions", WATCH, "      - if: failure()\n        run: flyctl releases rollback\n"),
    },
    {
      name: "the platform rolls back by itself",
      files: edit("github-actions", WATCH, ""),
      options: { platformRollback: true },
    },
    {
      name: "a team with a 10-minute window",
      files: edit("github-actions", "--window 15m", "--window 10m"),
      options: { watchMinutes: 10 },
    },
  ],
  invalid: [
    {
      name: "GitHub: nothing watches production",
      files: edit("github-actions", WATCH, ""),
      errors: [
        { file: GH, messageId: "noWatch", data: { job: "deploy-production", minutes: 15 }, line: 28, column: 3 },
      ],
    },
    {
      name: "GitHub: a 5-minute watch is shorter than the strategy's 15",
      files: edit("github-actions", "--window 15m", "--window 5m"),
      errors: [
        {
          file: GH,
          messageId: "shortWatch",
          data: { job: "deploy-production", actual: 5, minutes: 15 },
          line: 28,
          column: 3,
        },
      ],
    },
    {
      name: "GitLab: the template's watch step is gone",
      files: edit("gitlab-ci", "    - tools/deploy/watch-deploy.sh --window 15m\n", ""),
      errors: [{ file: ".gitlab-ci.yml", messageId: "noWatch", line: 20, column: 1 }],
    },
    {
      name: "CircleCI: nothing watches production",
      files: edit("circleci", WATCH, ""),
      errors: [{ file: ".circleci/config.yml", messageId: "noWatch", line: 37, column: 9 }],
    },
  ],
});
