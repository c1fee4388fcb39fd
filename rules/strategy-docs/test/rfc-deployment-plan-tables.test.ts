// strategy-docs/rfc-deployment-plan on a plan in the form `deploylint strategy --rfc` writes it,
// filled in: the flag steps and the rollback triggers as tables, one step or trigger a row.
import { RuleTester } from "@deploylint/rule-tester";
import { RFC, testPack, variant } from "./helpers/fixtures.js";

const tester = new RuleTester({ pack: testPack });
const PLAN = /## Deployment plan[\s\S]*$/;
const TRIGGERS =
  'name the metric, its threshold and how long it may stay degraded ("error rate above 1% for 5 minutes")';
const STEPS = { part: "progressive flag rollout", what: "name the steps (0 → 5 → 25 → 50 → 100%)" };

const TABLE_PLAN = `## Deployment plan

### Migration order

1. Expand: create the \`gift_cards\` table, deployed before the code that uses it.

### Feature flag rollout

| Step | Users | Hold for | Go on when |
|---|---|---|---|
| 1 | 0% (deployed, flag off) | 1 day | smoke checks pass |
| 2 | 5% | 24 hours | no rollback trigger fired |
| 3 | 25% | 2 days | no rollback trigger fired |
| 4 | 50% | 2 days | no rollback trigger fired |
| 5 | 100% | - | - |

Flag cleanup: remove the flag and the old code path by 2027-03-01.

### Rollback triggers

| Metric | Threshold | Max degraded time |
|---|---|---|
| Error rate | above 1% | 5 minutes |
| p95 latency | above 800 ms | 10 minutes |
`;

tester.run("rfc-deployment-plan", {
  valid: [
    {
      name: "a filled-in plan whose flag steps and rollback triggers are tables, one a row",
      files: variant(RFC, PLAN, TABLE_PLAN),
    },
  ],
  invalid: [
    {
      name: "a triggers table whose rows give no time: no rollback triggers",
      files: variant(RFC, PLAN, TABLE_PLAN.replace("| 5 minutes |", "| - |").replace("| 10 minutes |", "| - |")),
      errors: [{ messageId: "incomplete", data: { part: "rollback triggers", what: TRIGGERS }, line: 12, column: 1 }],
    },
    {
      name: "a triggers table's thresholds are no flag steps, nor is a steps table that never reaches 100%",
      files: variant(
        RFC,
        PLAN,
        TABLE_PLAN.replace("| 5 | 100% | - | - |\n", "").replace(
          "| p95 latency | above 800 ms | 10 minutes |",
          "| p95 latency | above 800 ms | 10 minutes |\n| 5xx rate | above 2% | 5 minutes |\n| Timeouts | above 5% | 5 minutes |",
        ),
      ),
      options: { minFlagSteps: 3 },
      errors: [{ messageId: "incomplete", data: STEPS, line: 12, column: 1 }],
    },
  ],
});
