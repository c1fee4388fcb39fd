// Tests for strategy-docs/rollback-procedure.
import { RuleTester } from "@deploylint/rule-tester";
import { fixture, STRATEGY, testPack, variant } from "./helpers/fixtures.js";

const tester = new RuleTester({ pack: testPack });
const DEPLOYMENT =
  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: shop\n";
const EXECUTE =
  "3. Execute: find the previous release with `fly releases`, then `fly deploy --image <previous image>`; turn the feature flag off when the change is behind one.";

tester.run("rollback-procedure", {
  valid: [
    { name: "the good fixture (fly)", files: fixture("good") },
    {
      name: "decide told by its time limit alone",
      files: variant(
        STRATEGY,
        "2. Decide: if the release is not fixed within 15 minutes, roll back.",
        "2. If it is not fixed within 15 minutes, we roll back.",
      ),
    },
    {
      name: "kubernetes: kubectl rollout undo in a code block",
      files: {
        ...variant("fly.toml", "", null),
        [STRATEGY]: (fixture("good")[STRATEGY] ?? "").replace(
          EXECUTE,
          "3. Execute the rollback:\n\n   ```sh\n   kubectl -n shop rollout undo deployment/web\n   ```",
        ),
        "k8s/deployment.yaml": DEPLOYMENT,
      },
    },
    {
      name: "a marked section is require-strategy's",
      files: variant(STRATEGY, /1\. Detect[\s\S]*root cause\./, "<!-- deploylint: fill in -->"),
    },
  ],
  invalid: [
    {
      name: "not a numbered list: at the heading",
      files: variant(
        STRATEGY,
        /1\. Detect[\s\S]*root cause\./,
        "Roll back with `fly releases` and `fly deploy --image`, then tell people.",
      ),
      errors: [{ file: STRATEGY, messageId: "notNumbered", line: 24, column: 1 }],
    },
    {
      name: "a step missing (communicate)",
      files: variant(STRATEGY, "5. Communicate: post in #shop-incidents and update the status page.\n", ""),
      errors: [{ messageId: "missingStep", data: { step: "communicate" }, line: 24, column: 1 }],
    },
    {
      name: "the decide step has no time limit: at the step",
      files: variant(
        STRATEGY,
        "if the release is not fixed within 15 minutes, roll back",
        "the on-call engineer decides whether to roll back",
      ),
      errors: [{ messageId: "noTimeLimit", line: 27, column: 1 }],
    },
    {
      name: "fly's rollback command is not named",
      files: variant(STRATEGY, EXECUTE, "3. Execute: roll back to the previous release."),
      errors: [
        {
          messageId: "command",
          data: { platform: "fly", command: "`fly releases` and `fly deploy --image <previous image>`" },
          line: 24,
          column: 1,
        },
      ],
    },
    {
      name: "kubernetes (told by the manifest's content): `kubectl rollout undo` expected",
      files: { ...variant("fly.toml", "", null), "k8s/deployment.yaml": DEPLOYMENT },
      errors: [
        {
          messageId: "command",
          data: { platform: "kubernetes", command: "`kubectl rollout undo`" },
          line: 24,
          column: 1,
        },
      ],
    },
    {
      name: "vercel: `vercel rollback` expected",
      files: { ...variant("fly.toml", "", null), "vercel.json": "{}\n" },
      errors: [
        { messageId: "command", data: { platform: "vercel", command: "`vercel rollback`" }, line: 24, column: 1 },
      ],
    },
  ],
});
