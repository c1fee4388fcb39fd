// Tests for rollout/canary-criteria: Argo Rollouts steps and Flagger analysis.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { fixture, variant } from "./helpers/fixtures.js";

const tester = new RuleTester({ pack });
const ROLLOUT = "deploy/k8s/rollout.yaml";
const FLAGGER = "deploy/k8s/flagger.yaml";
/** The k8s fixture with several replacements in one file. */
function edited(path: string, ...changes: [string, string][]): Record<string, string> {
  const files = fixture("k8s");
  for (const [search, replace] of changes) {
    const text = files[path] ?? "";
    if (!text.includes(search)) throw new Error(`${path} has no ${JSON.stringify(search)}.`);
    files[path] = text.replace(search, replace);
  }
  return files;
}
const ANALYSIS = "      analysis:\n        templates:\n          - templateName: error-rate\n";

tester.run("canary-criteria", {
  valid: [
    { name: "Argo 10% for 15 minutes with analysis; Flagger 10% every 15 minutes with metrics", files: fixture("k8s") },
    {
      name: "Argo: a pause until promoted by hand",
      files: variant(
        "k8s",
        ROLLOUT,
        "        - pause: { duration: 15m }\n        - setWeight: 50",
        "        - pause: {}\n        - setWeight: 50",
      ),
    },
    {
      name: "Argo: two pauses that add up to 15 minutes",
      files: variant(
        "k8s",
        ROLLOUT,
        "        - pause: { duration: 15m }\n        - setWeight: 50",
        "        - pause: { duration: 10m }\n        - pause: { duration: 300 }\n        - setWeight: 50",
      ),
    },
    {
      name: "Argo: analysis as a step",
      files: edited(
        ROLLOUT,
        [ANALYSIS, ""],
        [
          "        - setWeight: 50",
          "        - analysis: { templates: [{ templateName: error-rate }] }\n        - setWeight: 50",
        ],
      ),
    },
    {
      name: "a wider first step by option",
      files: variant("k8s", ROLLOUT, "setWeight: 10", "setWeight: 20"),
      options: { maxInitialWeight: 20 },
    },
  ],
  invalid: [
    {
      name: "Argo: first step above 10%",
      files: variant("k8s", ROLLOUT, "setWeight: 10", "setWeight: 25"),
      errors: [
        {
          file: ROLLOUT,
          messageId: "tooWide",
          data: { workload: "Rollout api", weight: 25, max: 10 },
          line: 26,
          column: 11,
        },
      ],
    },
    {
      name: "Argo: a 5 minute hold",
      files: variant(
        "k8s",
        ROLLOUT,
        "duration: 15m }\n        - setWeight: 50",
        "duration: 5m }\n        - setWeight: 50",
      ),
      errors: [
        {
          file: ROLLOUT,
          messageId: "tooShort",
          data: { workload: "Rollout api", hold: 5, min: 15 },
          line: 27,
          column: 11,
        },
      ],
    },
    {
      name: "Argo: no analysis, at the canary key",
      files: variant("k8s", ROLLOUT, ANALYSIS, ""),
      errors: [{ file: ROLLOUT, messageId: "noGate", data: { workload: "Rollout api" }, line: 21, column: 5 }],
    },
    {
      name: "Argo: a canary without steps sends everything at once",
      files: variant("k8s", ROLLOUT, / {6}steps:\n( {8}- .*\n)+/, ""),
      errors: [
        {
          file: ROLLOUT,
          messageId: "tooWide",
          data: { workload: "Rollout api", weight: 100, max: 10 },
          line: 21,
          column: 5,
        },
      ],
    },
    {
      name: "Flagger: 20% steps every minute",
      files: edited(FLAGGER, ["    interval: 15m\n", "    interval: 1m\n"], ["stepWeight: 10", "stepWeight: 20"]),
      errors: [
        {
          file: FLAGGER,
          messageId: "tooShort",
          data: { workload: "Canary checkout", hold: 1, min: 15 },
          line: 11,
          column: 5,
        },
        {
          file: FLAGGER,
          messageId: "tooWide",
          data: { workload: "Canary checkout", weight: 20, max: 10 },
          line: 14,
          column: 5,
        },
      ],
    },
    {
      name: "Flagger: metrics without a failure threshold",
      files: variant("k8s", FLAGGER, "    threshold: 5\n", ""),
      errors: [{ file: FLAGGER, messageId: "noGate", line: 10, column: 3 }],
    },
  ],
});
