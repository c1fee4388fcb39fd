// Tests for strategy-docs/rfc-deployment-plan.
import { RuleTester } from "@deploylint/rule-tester";
import { fixture, RFC, testPack, variant } from "./helpers/fixtures.js";

const tester = new RuleTester({ pack: testPack });
const TRIGGERS =
  'name the metric, its threshold and how long it may stay degraded ("error rate above 1% for 5 minutes")';
const PLAN = /## Deployment plan[\s\S]*$/;
const CANARY_ROLLOUT = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: web
spec:
  strategy:
    canary:
      steps:
        - setWeight: 5
        - pause: { duration: 30m }
  template:
    spec:
      containers:
        - name: web
          image: shop
`;

tester.run("rfc-deployment-plan", {
  valid: [
    { name: "the good fixture (a complete plan; an RFC touching nothing needs none)", files: fixture("good") },
    {
      name: "an RFC that names no migration, variable or flag gets no finding",
      files: {
        ...fixture("good"),
        "artifacts/rfcs/0003-faq.md": "# RFC 0003: FAQ page\n\nA static page with the questions support hears most.\n",
      },
    },
    {
      name: "an env variable only: rollback triggers are enough",
      files: {
        ...fixture("good"),
        "artifacts/rfcs/0003-cdn.md":
          "# RFC 0003: CDN\n\nAdds a new environment variable, `CDN_URL`, to `.env.example`.\n\n## Deployment plan\n\nRoll back if the 5xx rate goes above 2% for 10 minutes.\n",
      },
    },
    {
      name: "setup instructions and command-line flags are not a migration or a feature flag",
      files: {
        ...fixture("good"),
        "artifacts/rfcs/0004-cli.md":
          "# RFC 0004: Verbose CLI\n\nRun migrations with `npm run migrate` before starting the dev server.\n\nAdd flag `--verbose` to the CLI.\n",
      },
    },
    {
      name: "RFCs elsewhere than the default folder are not read",
      files: { ...fixture("good"), "docs/rfcs/0009.md": "# RFC 9\n\nAdds a migration.\n" },
    },
  ],
  invalid: [
    {
      name: "no deployment plan: at the RFC's title",
      files: variant(RFC, PLAN, "## Notes\n\nShip it.\n"),
      errors: [
        {
          file: RFC,
          messageId: "noPlan",
          data: { touches: "adds a migration, adds a feature flag" },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "a plan without a flag cleanup date: at the plan's heading",
      files: variant(RFC, "; clean up the flag by 2027-03-01", ""),
      errors: [
        {
          messageId: "incomplete",
          data: { part: "flag cleanup date", what: "say when the flag is removed once at 100%" },
          line: 12,
          column: 1,
        },
      ],
    },
    {
      name: "a plan without progressive steps",
      files: variant(RFC, "0% → 5% → 25% → 50% → 100%, 24 hours at each step", "on for everyone at once"),
      errors: [
        {
          messageId: "incomplete",
          data: { part: "progressive flag rollout", what: "name the steps (0 → 5 → 25 → 50 → 100%)" },
          line: 12,
          column: 1,
        },
      ],
    },
    {
      name: "fewer steps than minFlagSteps asks for",
      files: fixture("good"),
      options: { minFlagSteps: 6 },
      errors: [
        {
          messageId: "incomplete",
          data: { part: "progressive flag rollout", what: "name the steps (0 → 5 → 25 → 50 → 100%)" },
          line: 12,
          column: 1,
        },
      ],
    },
    {
      name: "rollback triggers without a threshold",
      files: variant(RFC, "an error rate above 1% or p95 latency above 800 ms for 5 minutes", "bad errors"),
      errors: [{ messageId: "incomplete", data: { part: "rollback triggers", what: TRIGGERS }, line: 12, column: 1 }],
    },
    {
      name: "a plan without migration order",
      files: variant(
        RFC,
        "1. Migration order: the migration runs first, before the code that reads the table (expand, then deploy).\n",
        "",
      ),
      errors: [
        {
          messageId: "incomplete",
          data: {
            part: "migration order",
            what: "say whether the migration runs before or after the code that needs it (expand, deploy, contract)",
          },
          line: 12,
          column: 1,
        },
      ],
    },
    {
      name: "a skeleton plan still holding the fill-in marker: at the marker",
      files: variant(RFC, /## Deployment plan[\s\S]*$/, "## Deployment plan\n\n<!-- deploylint: fill in -->\n"),
      errors: [{ messageId: "unwritten", line: 14, column: 1 }],
    },
    {
      name: "the platform runs canaries and the plan gives no canary criteria",
      files: { ...fixture("good"), "k8s/rollout.yaml": CANARY_ROLLOUT },
      errors: [
        {
          messageId: "incomplete",
          data: {
            part: "canary criteria",
            what: "the platform runs canaries: say which metrics promote or abort this feature's canary",
          },
          line: 12,
          column: 1,
        },
      ],
    },
    {
      name: "under --changed-since, a migration in the change set belongs to the RFC it changes",
      files: {
        ...fixture("good"),
        "artifacts/rfcs/0002-copy-changes.md": "# RFC 0002: Clearer checkout copy\n\nRewrite the labels.\n",
        "db/migrations/000003_labels.up.sql": "CREATE TABLE labels (id bigint PRIMARY KEY);\n",
      },
      changes: { added: ["db/migrations/000003_labels.up.sql"], modified: ["artifacts/rfcs/0002-copy-changes.md"] },
      errors: [
        {
          file: "artifacts/rfcs/0002-copy-changes.md",
          messageId: "noPlan",
          data: { touches: "adds a migration" },
          line: 1,
          column: 1,
        },
      ],
    },
  ],
});
