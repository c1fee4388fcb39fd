// Tests for strategy-docs/rollout-matches-model.
import { RuleTester } from "@deploylint/rule-tester";
import { fixture, STRATEGY, testPack, variant } from "./helpers/fixtures.js";

const tester = new RuleTester({ pack: testPack });
const ROLLOUT =
  "Deployment model: containers on Fly.io. A release is a blue-green deploy: new machines start\nbeside the old ones and take traffic once their health checks pass.";

tester.run("rollout-matches-model", {
  valid: [
    { name: "the good fixture", files: fixture("good") },
    {
      name: "the model told by its platform words, no declaration sentence",
      files: variant(STRATEGY, ROLLOUT, "Machines on Fly run our Docker image; releases go blue/green."),
    },
    {
      name: "a rolling strategy in fly.toml needs no mention (it is the default)",
      files: {
        ...variant(STRATEGY, ROLLOUT, "Deployment model: containers. Releases roll machine by machine."),
        "fly.toml": fixture("good")["fly.toml"]?.replace('"bluegreen"', '"rolling"') ?? "",
      },
    },
    {
      name: "no manifest model and no strategy in the platform files: nothing to hold the section against",
      files: {
        ...variant("company.config.yaml", "  deployment_model: containers\n", ""),
        "fly.toml": 'app = "shop"\n',
      },
    },
    {
      name: "a section naming the repository's platform among others (a migration off Heroku to Fly.io)",
      files: variant(STRATEGY, "containers on Fly.io.", "containers on Fly.io; the old Kubernetes cluster is retired."),
    },
    {
      name: "a marked section is require-strategy's",
      files: variant(STRATEGY, ROLLOUT, "<!-- deploylint: fill in -->"),
    },
  ],
  invalid: [
    {
      name: "the section declares another model: at its heading",
      files: variant(STRATEGY, "Deployment model: containers on Fly.io.", "Deployment model: serverless."),
      errors: [
        {
          file: STRATEGY,
          messageId: "otherModel",
          data: { written: "serverless", model: "containers" },
          line: 19,
          column: 1,
        },
      ],
    },
    {
      name: "the section never says how the declared model is run",
      files: variant(STRATEGY, ROLLOUT, "We release on Fridays after lunch, blue-green."),
      errors: [{ messageId: "modelMissing", data: { model: "containers" }, line: 19, column: 1 }],
    },
    {
      name: "the section describes another platform than the repository's",
      files: variant(STRATEGY, "containers on Fly.io. A release", "containers on Kubernetes. A release"),
      errors: [{ messageId: "otherPlatform", data: { written: "Kubernetes", platforms: "fly" }, line: 19, column: 1 }],
    },
    {
      name: "fly.toml configures blue-green, the section describes a rolling deploy",
      files: variant(STRATEGY, ROLLOUT, "Deployment model: containers. Machines are replaced one at a time."),
      errors: [
        { messageId: "strategyMissing", data: { strategy: "blue-green", where: "fly.toml" }, line: 19, column: 1 },
      ],
    },
  ],
});
