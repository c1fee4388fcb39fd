// Tests for rollout/gradual-exposure.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { fixture, variant } from "./helpers/fixtures.js";

const tester = new RuleTester({ pack });
const NO_FLAGS = /feature_flags:\n.*\n/;

tester.run("gradual-exposure", {
  valid: [
    { name: "serverless with feature flags in the manifest", files: fixture("serverless") },
    { name: "edge with a Cloudflare gradual deployment in CI", files: fixture("edge") },
    {
      name: "edge with a flag SDK",
      files: {
        ...variant("edge", ".github/workflows/deploy.yml", "", null),
        "package.json": '{ "dependencies": { "@openfeature/server-sdk": "^1.0.0" } }',
      },
    },
    {
      name: "serverless with AWS traffic shifting",
      files: {
        ...variant("serverless", "company.config.yaml", NO_FLAGS, ""),
        "serverless.yml": `${fixture("serverless")["serverless.yml"]}    deploymentSettings:\n      type: Linear10PercentEvery1Minute\n`,
      },
    },
    { name: "containers need none (they roll out gradually)", files: fixture("k8s") },
    {
      name: "userFacing: false",
      files: variant("serverless", "company.config.yaml", NO_FLAGS, ""),
      options: { userFacing: false },
    },
  ],
  invalid: [
    {
      name: "serverless without flags, at the deployment model",
      files: variant("serverless", "company.config.yaml", NO_FLAGS, ""),
      errors: [
        { file: "company.config.yaml", messageId: "missing", data: { model: "serverless" }, line: 2, column: 3 },
      ],
    },
    {
      name: "edge deployed all at once",
      files: variant("edge", ".github/workflows/deploy.yml", '"$VERSION_ID@10%" -y', "-y"),
      errors: [{ file: "company.config.yaml", messageId: "missing", data: { model: "edge" }, line: 2, column: 3 }],
    },
  ],
});
