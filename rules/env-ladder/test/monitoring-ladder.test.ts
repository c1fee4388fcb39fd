// Tests for env-ladder/monitoring-ladder.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { SOUND, soundWith } from "./helpers/ladder.js";

const tester = new RuleTester({ pack });

tester.run("monitoring-ladder", {
  valid: [
    { name: "staging alerts, production alerts and pages", files: { "company.config.yaml": SOUND } },
    {
      name: "alerts as a list; local needs nothing",
      files: {
        "company.config.yaml":
          "environments:\n  local: {}\n  staging:\n    monitoring: { alerts: ['#a', '#b'] }\n  prod:\n    monitoring: { alerts: '#p', on_call: opsgenie }\n",
      },
    },
  ],
  invalid: [
    {
      name: "staging without alerts, at its monitoring key",
      files: {
        "company.config.yaml": soundWith(
          'monitoring: { logging: full, alerts: "#shop-staging" }',
          "monitoring: { logging: full }",
        ),
      },
      errors: [
        {
          file: "company.config.yaml",
          messageId: "staging",
          data: { name: "staging", missing: "alerts" },
          line: 17,
          column: 5,
        },
      ],
    },
    {
      name: "production without on-call",
      files: { "company.config.yaml": soundWith(", on_call: pagerduty }", " }") },
      errors: [
        {
          file: "company.config.yaml",
          messageId: "production",
          data: { name: "production", missing: "on_call" },
          line: 25,
          column: 5,
        },
      ],
    },
    {
      name: "no monitoring at all, at the environment's key",
      files: {
        "company.config.yaml":
          "environments:\n  preprod:\n    purpose: x\n  live:\n    monitoring: { logging: none }\n",
      },
      errors: [
        {
          file: "company.config.yaml",
          messageId: "staging",
          data: { name: "preprod", missing: "monitoring, alerts" },
          line: 2,
          column: 3,
        },
        {
          file: "company.config.yaml",
          messageId: "production",
          data: { name: "live", missing: "logging, alerts, on_call" },
          line: 5,
          column: 5,
        },
      ],
    },
  ],
});
