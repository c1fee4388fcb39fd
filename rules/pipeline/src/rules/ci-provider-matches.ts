// pipeline/ci-provider-matches: the CI provider company.config.yaml names (`ci.provider`) is one
// whose files the repository has: otherwise the manifest describes a pipeline nobody runs, or the
// pipeline that runs is not the one the team reviews.
import { ciProviderOf } from "@deploylint/ci-model";
import { defineRule } from "@deploylint/core/rule-api";
import { isManifest } from "../extractors.js";
import { MANIFEST_CI_FACT, type ManifestCiFact } from "../facts.js";

// Provider names as teams write them -> a test for that provider's files. Providers the CI model
// does not read (Jenkins, Travis, …) are still recognised by their files.
const PROVIDERS: { names: RegExp; label: string; owns: (path: string) => boolean }[] = [
  {
    names: /^(github|github[-_ ]actions|gha|actions)$/i,
    label: "GitHub Actions",
    owns: (p) => ciProviderOf(p) === "github-actions",
  },
  { names: /^(gitlab|gitlab[-_ ]ci)$/i, label: "GitLab CI", owns: (p) => ciProviderOf(p) === "gitlab-ci" },
  { names: /^(circle|circleci|circle[-_ ]ci)$/i, label: "CircleCI", owns: (p) => ciProviderOf(p) === "circleci" },
  {
    names: /^(bitbucket|bitbucket[-_ ]pipelines)$/i,
    label: "Bitbucket Pipelines",
    owns: (p) => ciProviderOf(p) === "bitbucket-pipelines",
  },
  {
    names: /^(azure|azure[-_ ]pipelines|azure[-_ ]devops)$/i,
    label: "Azure Pipelines",
    owns: (p) => ciProviderOf(p) === "azure-pipelines",
  },
  { names: /^jenkins$/i, label: "Jenkins", owns: (p) => /(^|\/)Jenkinsfile$/.test(p) },
  { names: /^(travis|travis[-_ ]ci)$/i, label: "Travis CI", owns: (p) => p === ".travis.yml" },
  { names: /^(drone|drone[-_ ]ci)$/i, label: "Drone", owns: (p) => p === ".drone.yml" },
  { names: /^buildkite$/i, label: "Buildkite", owns: (p) => /^\.buildkite\//.test(p) },
];

export default defineRule({
  id: "ci-provider-matches",
  scope: "project",
  meta: {
    description: "Require the CI provider named in company.config.yaml to be the one whose files the repository has.",
    kinds: ["yaml"],
    facts: [MANIFEST_CI_FACT],
    presets: { recommended: "off", strict: "error", strategy: "error" },
    messages: {
      mismatch:
        "The manifest names {{named}} as the CI provider, but the repository has no {{named}} files{{others}}: the pipeline the manifest promises does not run.",
      unknown:
        "The manifest names {{named}} as the CI provider, which deploylint does not know: it cannot check that the pipeline runs there.",
    },
    help: "Set ci.provider to the provider whose files drive the pipeline (github-actions, gitlab-ci, circleci, bitbucket-pipelines, azure-pipelines), or add its pipeline files.",
    docs: { url: "https://github.com/deploylint/deploylint/blob/main/docs/rules/pipeline/ci-provider-matches.md" },
  },
  check(context) {
    for (const record of context.facts<ManifestCiFact>(MANIFEST_CI_FACT)) {
      if (!isManifest(record.file, context.settings)) continue;
      const fact = record.data;
      const where = {
        file: record.file,
        line: fact.line,
        column: fact.column,
        endLine: fact.endLine,
        endColumn: fact.endColumn,
      };
      const named = fact.provider.trim();
      const provider = PROVIDERS.find((each) => each.names.test(named));
      if (!provider) {
        context.report({ messageId: "unknown", data: { named }, severity: "info", ...where });
        continue;
      }
      if (context.files.some(provider.owns)) continue;
      const present = PROVIDERS.filter((each) => each !== provider && context.files.some(each.owns)).map(
        (each) => each.label,
      );
      context.report({
        messageId: "mismatch",
        data: { named: provider.label, others: present.length > 0 ? ` (it has ${present.join(", ")} files)` : "" },
        ...where,
      });
    }
  },
});
