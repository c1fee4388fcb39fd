// Tests for rollout/model-declared.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { fixture, PLATFORMS, variant } from "./helpers/fixtures.js";

const tester = new RuleTester({ pack });

tester.run("model-declared", {
  valid: [
    ...PLATFORMS.map((platform) => ({
      name: `${platform}: the model the platform files run`,
      files: fixture(platform),
    })),
    { name: "no manifest and no platform files: nothing to say", files: { "src/index.ts": "export {};\n" } },
    {
      name: "a development compose file is not a platform",
      files: {
        "company.config.yaml": "architecture:\n  deployment_model: serverless\n",
        "docker-compose.yml": "services: {}\n",
      },
    },
  ],
  invalid: [
    {
      name: "a manifest without architecture.deployment_model",
      files: variant(
        "k8s",
        "company.config.yaml",
        "architecture:\n  deployment_model: containers\n",
        "environments: {}\n",
      ),
      errors: [{ file: "company.config.yaml", messageId: "missing", line: 1, column: 1 }],
    },
    {
      name: "containers declared, only serverless platforms found",
      files: variant(
        "serverless",
        "company.config.yaml",
        "deployment_model: serverless",
        "deployment_model: containers",
      ),
      errors: [
        {
          file: "company.config.yaml",
          messageId: "contradicts",
          data: { model: "containers", platforms: "serverless, vercel" },
          line: 2,
          column: 3,
        },
      ],
    },
    {
      name: "no manifest: one piece of information at the first platform file",
      files: variant("fly", "company.config.yaml", "", null),
      errors: [{ file: "fly.toml", messageId: "noManifest", line: 1, column: 1, severity: "info" }],
    },
  ],
});
