// Tests for pipeline/require-checks over the provider fixtures.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { edit, fixture, MAIN_FILE, PROVIDERS } from "./helpers.js";

const tester = new RuleTester({ pack });
const GH = MAIN_FILE["github-actions"];

tester.run("require-checks", {
  valid: [
    ...PROVIDERS.map((provider) => ({ name: `${provider}: the strategy's pipeline`, files: fixture(provider) })),
    {
      name: "no migrations: no migration check needed",
      files: Object.fromEntries(
        Object.entries(edit("github-actions", "      - run: npx deploylint\n", "")).filter(
          ([path]) => !path.startsWith("db/"),
        ),
      ),
    },
    {
      name: "a team's own smoke script named in settings.pipeline.commands counts",
      files: edit("github-actions", "npm audit --audit-level=high", "tools/sec/check-deps.sh"),
      settings: { pipeline: { commands: { "dependency-scan": ["tools/sec/check-deps\\.sh"] } } },
    },
    {
      name: "checks in a reusable workflow the push workflow calls",
      files: {
        ...fixture("github-actions"),
        [GH]: "on: [push, pull_request]\njobs:\n  checks:\n    uses: ./.github/workflows/checks.yml\n",
        ".github/workflows/checks.yml":
          "on: workflow_call\njobs:\n  all:\n    steps:\n      - run: npm test && npm run lint && npm audit && npx squawk db/migrations/*.sql\n",
      },
    },
    {
      name: "a workflow given over to migrations counts as the migration check (hatchet's load-online-migrate)",
      files: {
        ...edit("github-actions", "      - run: npx deploylint\n", ""),
        ".github/workflows/load-online-migrate.yml":
          "name: load-online-migrate\non:\n  pull_request:\n    paths: ['db/migrations/**']\njobs:\n  online:\n    steps:\n      - run: go run ./cmd/migrate --up\n",
      },
    },
    { name: "no CI files: nothing to judge", files: { "README.md": "# app\n" } },
  ],
  invalid: [
    {
      name: "GitHub: no dependency scan",
      files: edit("github-actions", "      - run: npm audit --audit-level=high\n", ""),
      errors: [{ file: GH, messageId: "missing", line: 2, column: 1 }],
    },
    {
      name: "GitHub: no migration check while the repository has migrations",
      files: edit("github-actions", "      - run: npx deploylint\n", ""),
      errors: [
        {
          file: GH,
          message:
            "No push or pull-request pipeline runs the migration check (looked in .github/workflows/pipeline.yml): a change that adds a migration that locks a busy table or drops what the running code still reads can be merged without anyone seeing it fail.",
          line: 2,
          column: 1,
        },
      ],
    },
    {
      name: "GitHub: checks only on a schedule",
      files: edit(
        "github-actions",
        "on:\n  push:\n    branches: [main]\n  pull_request:\n",
        "on:\n  schedule: [{ cron: '0 3 * * *' }]\n",
      ),
      errors: [{ file: GH, messageId: "noGate", line: 2, column: 1 }],
    },
    {
      name: "GitLab: the included checks file lacks the linter",
      files: edit("gitlab-ci", "lint:\n  stage: check\n  script: [npm run lint]\n", "", ".gitlab/ci/checks.yml"),
      errors: [
        {
          file: ".gitlab-ci.yml",
          messageId: "missing",
          data: { check: "the linter", pipelines: ".gitlab-ci.yml", consequence: "breaks the linter's rules" },
          line: 4,
          column: 1,
        },
      ],
    },
    {
      name: "CircleCI: no tests",
      files: edit("circleci", "      - run: npm test\n", ""),
      errors: [{ file: ".circleci/config.yml", messageId: "missing", line: 27, column: 3 }],
    },
    {
      name: "Bitbucket: no tests in the shared checks step",
      files: edit("bitbucket", "          - npm test\n", ""),
      errors: [{ file: "bitbucket-pipelines.yml", messageId: "missing", line: 15, column: 5 }],
    },
    {
      name: "Azure: no dependency scan",
      files: edit("azure", "          - script: npm audit --audit-level=high\n", ""),
      errors: [{ file: "azure-pipelines.yml", messageId: "missing", line: 1, column: 1 }],
    },
    {
      name: "no lint step, but the CI builds a Next.js app with an ESLint config: said at info (next build lints)",
      files: {
        ...edit("github-actions", "      - run: npm run lint\n", "      - run: yarn web:build\n"),
        ".eslintrc.json": "{}\n",
        "apps/web/next.config.js": "module.exports = {};\n",
      },
      errors: [{ file: GH, messageId: "lintInBuild", severity: "info", line: 2, column: 1 }],
    },
    {
      name: "a Next.js app linted by Biome: next build does not lint it, so the missing linter is an error",
      files: {
        ...edit("github-actions", "      - run: npm run lint\n", "      - run: yarn build\n"),
        "biome.json": "{}\n",
        "next.config.mjs": "export default {};\n",
      },
      errors: [{ file: GH, messageId: "missing", line: 2, column: 1 }],
    },
    {
      name: "a settings pattern that is not a regular expression is said, not ignored",
      files: fixture("github-actions"),
      settings: { pipeline: { commands: { smoke: ["("] } } },
      errors: [{ file: GH, messageId: "problem", line: 1, column: 1 }],
    },
  ],
});
