// Tests for pipeline/ci-provider-matches.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { fixture } from "./helpers.js";

const tester = new RuleTester({ pack });
const manifest = (provider: string) => `company:\n  name: Acme\nci:\n  provider: ${provider}\n`;

tester.run("ci-provider-matches", {
  valid: [
    {
      name: "GitHub Actions named and present",
      files: { ...fixture("github-actions"), "company.config.yaml": manifest("github-actions") },
    },
    { name: "gitlab alias", files: { ...fixture("gitlab-ci"), "company.config.yaml": manifest("gitlab") } },
    { name: "CircleCI", files: { ...fixture("circleci"), "company.config.yaml": manifest("circleci") } },
    {
      name: "Jenkins, read by its Jenkinsfile",
      files: { Jenkinsfile: "pipeline {}\n", "company.config.yaml": manifest("jenkins") },
    },
    { name: "no manifest: nothing to compare", files: fixture("azure") },
    {
      name: "a manifest elsewhere (settings.ladder.manifest) is the one read",
      files: {
        ...fixture("github-actions"),
        "ops/company.yaml": manifest("github-actions"),
        "company.config.yaml": manifest("circleci"),
      },
      settings: { ladder: { manifest: "ops/company.yaml" } },
    },
  ],
  invalid: [
    {
      name: "the manifest names CircleCI, the repository runs GitHub Actions",
      files: { ...fixture("github-actions"), "company.config.yaml": manifest("circleci") },
      errors: [
        {
          file: "company.config.yaml",
          message:
            "The manifest names CircleCI as the CI provider, but the repository has no CircleCI files (it has GitHub Actions files): the pipeline the manifest promises does not run.",
          line: 4,
          column: 3,
        },
      ],
    },
    {
      name: "an unknown provider is said at info",
      files: { ...fixture("github-actions"), "company.config.yaml": manifest("teamcity") },
      errors: [
        {
          file: "company.config.yaml",
          messageId: "unknown",
          data: { named: "teamcity" },
          severity: "info",
          line: 4,
          column: 3,
        },
      ],
    },
  ],
});
