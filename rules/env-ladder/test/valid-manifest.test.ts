// Tests for env-ladder/valid-manifest through the real engine.
import { readFileSync } from "node:fs";
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

// Copies of the acceptance repositories' manifests.
const acceptance = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}.company.config.yaml`, import.meta.url), "utf8");

const LADDER = `environments:
  local:
    purpose: Developer machine
    database: { engine: postgres }
    data: seed
    monitoring: { logging: console }
    access: [developers]
    log_level: debug
  staging:
    purpose: Pre-release validation
    database: { engine: postgres }
    data: anonymized
    monitoring: { logging: full, alerts: "#staging" }
    access: [developers, qa]
    log_level: info
`;

tester.run("valid-manifest", {
  valid: [
    {
      name: "acme-shop's manifest (its problems are for other rules)",
      filename: "company.config.yaml",
      code: acceptance("acme-shop"),
    },
    { name: "tidy-api's manifest", filename: "company.config.yaml", code: acceptance("tidy-api") },
    { name: "the .yml spelling", filename: "company.config.yml", code: LADDER },
    {
      name: "free-form environment names, extra fields and other top-level sections",
      filename: "company.config.yaml",
      code: `company: { name: X }
hosting: { provider: fly, regions: [ams] }
architecture: { deployment_model: serverless, notes: edge functions }
environments:
  preview:
    url: https://preview.example.com
    database: { engine: sqlite, version: 3, size: small }
    monitoring: { alerts: ["#a", "#b"], tracing: otel }
  prod:
    deploy: ci-only
    env_files: [deploy/prod.env]
feature_flags:
  rollout: { preview: "50%", prod: 0 }
`,
    },
    {
      name: "fields may be missing (other rules report that)",
      filename: "company.config.yaml",
      code: "environments:\n  local: {}\n",
    },
    {
      name: "a file that is not the manifest is not checked",
      filename: "config/company.config.yaml",
      code: "environments:\n  staging: { log_level: verbose }\n",
    },
    {
      name: "the default name is not the manifest when another is configured",
      filename: "company.config.yaml",
      code: "environments: []\n",
      settings: { ladder: { manifest: "ops/ladder.yaml" } },
    },
    {
      name: "a JSON manifest",
      filename: "ops/ladder.json",
      code: '{ "environments": { "staging": { "log_level": "info" } } }',
      settings: { ladder: { manifest: "./ops/ladder.json" } },
    },
  ],
  invalid: [
    {
      name: "a log level outside the enum",
      filename: "company.config.yaml",
      code: LADDER.replace("log_level: info", "log_level: verbose"),
      errors: [
        {
          messageId: "invalid",
          data: {
            path: "environments.staging.log_level",
            problem: "must be one of trace, debug, info, warn, error, fatal",
          },
          line: 15,
          column: 5,
          endLine: 15,
          endColumn: 14,
        },
      ],
    },
    {
      name: "wrong types point at the key of each value",
      filename: "company.config.yaml",
      code: LADDER.replace("access: [developers, qa]", "access: developers").replace(
        "engine: postgres }\n    data: anonymized",
        "engine: 9 }\n    data: anonymized",
      ),
      errors: [
        {
          messageId: "invalid",
          data: {
            path: "environments.staging.database.engine",
            problem:
              "must be one of postgres, postgresql, mysql, mariadb, sqlite, sqlserver, mssql, oracle, cockroachdb, mongodb, dynamodb, redis, none",
          },
          line: 11,
          column: 17,
        },
        {
          messageId: "invalid",
          data: { path: "environments.staging.access", problem: "must be an array" },
          line: 14,
          column: 5,
        },
      ],
    },
    {
      name: "a list item of the wrong type points at the item",
      filename: "company.config.yaml",
      code: "environments:\n  production:\n    access: [ci, 7]\n",
      errors: [
        {
          messageId: "invalid",
          data: { path: "environments.production.access[1]", problem: "must be a string" },
          line: 3,
          column: 18,
        },
      ],
    },
    {
      name: "an environment that is not a map points at its key",
      filename: "company.config.yaml",
      code: "environments:\n  local: yes\n",
      errors: [
        {
          message:
            "In the ladder manifest, environments.local must be an object: the environment checks that gate deploys cannot judge a malformed value.",
          line: 2,
          column: 3,
        },
      ],
    },
    {
      name: "a feature flag value and a deployment model",
      filename: "company.config.yaml",
      code: "architecture:\n  deployment_model: mainframe\nfeature_flags:\n  new-checkout: { local: [on] }\n",
      errors: [
        {
          messageId: "invalid",
          data: {
            path: "architecture.deployment_model",
            problem: "must be one of serverless, containers, vms, edge, paas, static",
          },
          line: 2,
          column: 3,
        },
        {
          messageId: "invalid",
          data: { path: "feature_flags.new-checkout.local", problem: "must be a boolean, a number or a string" },
          line: 4,
          column: 19,
        },
      ],
    },
    {
      name: "an empty purpose, through a merge key, points where the value is written",
      filename: "company.config.yaml",
      code: "x-base: &base\n  purpose: ''\nenvironments:\n  staging:\n    <<: *base\n    data: seed\n",
      errors: [
        {
          messageId: "invalid",
          data: { path: "environments.staging.purpose", problem: "must not be empty" },
          line: 2,
          column: 3,
        },
      ],
    },
    {
      name: "a manifest that is not a map is reported on line 1",
      filename: "company.config.yml",
      code: "- local\n- staging\n",
      errors: [
        { messageId: "invalid", data: { path: "the top level", problem: "must be an object" }, line: 1, column: 1 },
      ],
    },
    {
      name: "the configured manifest path",
      filename: "ops/ladder.yaml",
      code: "environments:\n  staging:\n    data: production-copy\n",
      settings: { ladder: { manifest: "ops/ladder.yaml" } },
      errors: [
        {
          messageId: "invalid",
          data: {
            path: "environments.staging.data",
            problem: "must be one of seed, synthetic, anonymized, real, none",
          },
          line: 3,
          column: 5,
        },
      ],
    },
    {
      name: "a JSON manifest points at the key too",
      filename: "ladder.json",
      code: '{\n  "environments": {\n    "staging": { "log_level": "loud" }\n  }\n}\n',
      settings: { ladder: { manifest: "ladder.json" } },
      errors: [{ messageId: "invalid", line: 3, column: 18, endColumn: 29 }],
    },
  ],
});
