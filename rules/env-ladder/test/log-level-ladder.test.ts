// Tests for env-ladder/log-level-ladder: the manifest's levels and the values env files give.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { SOUND, soundWith } from "./helpers/ladder.js";

const tester = new RuleTester({ pack });

tester.run("log-level-ladder", {
  valid: [
    { name: "debug, info, warn", files: { "company.config.yaml": SOUND } },
    {
      name: "env files by name agree with the ladder",
      files: {
        "company.config.yaml": SOUND,
        ".env.local": "LOG_LEVEL=debug\n",
        "deploy/staging.env": "LOG_LEVEL=info\n",
        "config/production.env": "LOG_LEVEL=error\nRUST_LOG=warn,hyper=debug\n",
      },
    },
    {
      name: "env_files decide: .env.production is not production's file when env_files names another",
      files: {
        "company.config.yaml": soundWith("log_level: warn", "log_level: warn\n    env_files: [ops/prod.env]"),
        ".env.production": "LOG_LEVEL=debug\n",
        "ops/prod.env": "LOG_LEVEL=warn\n",
      },
    },
    {
      name: "variables that are not log levels",
      files: { "company.config.yaml": SOUND, "deploy/production.env": "LOG_FORMAT=json\nDEBUG_TOOLBAR=debug\n" },
    },
    { name: "no manifest: nothing to compare with", files: { "deploy/production.env": "LOG_LEVEL=debug\n" } },
  ],
  invalid: [
    {
      name: "acme-shop: LOG_LEVEL=debug in production's env file",
      files: {
        "company.config.yaml": soundWith("log_level: warn", "log_level: warn\n    env_files: [deploy/production.env]"),
        "deploy/production.env": "# Production runtime settings.\nNODE_ENV=production\nLOG_LEVEL=debug\n",
      },
      errors: [
        {
          file: "deploy/production.env",
          messageId: "valueLevel",
          data: {
            key: "LOG_LEVEL",
            level: "debug",
            name: "production",
            rung: "production",
            expected: "warn or error",
            why: "debug and info logs in production cost money, bury the errors that matter and can leak personal data",
          },
          line: 3,
          column: 1,
        },
      ],
    },
    {
      name: "the manifest's own level, at the log_level key",
      files: { "company.config.yaml": soundWith("log_level: info", "log_level: debug") },
      errors: [{ file: "company.config.yaml", messageId: "manifestLevel", line: 19, column: 5 }],
    },
    {
      name: "aliases and RUST_LOG directives (.env.prod, .env.stage)",
      files: {
        "company.config.yaml": "environments:\n  stage: { log_level: info }\n  prod: { log_level: warn }\n",
        ".env.stage": "RUST_LOG=debug,tower=warn\n",
        ".env.prod": "export LOGLEVEL=warning\nAPP_LOG_LEVEL=trace\n",
      },
      errors: [
        { file: ".env.prod", messageId: "valueLevel", line: 2, column: 1 },
        { file: ".env.stage", messageId: "valueLevel", line: 1, column: 1 },
      ],
    },
    {
      name: "custom keys and levels",
      files: { "company.config.yaml": SOUND, "deploy/staging.env": "LOG_LEVEL=info\nSERVER_VERBOSITY=debug\n" },
      options: { keys: ["SERVER_VERBOSITY"], levels: { staging: ["info", "warn"] } },
      errors: [{ file: "deploy/staging.env", messageId: "valueLevel", line: 2, column: 1 }],
    },
  ],
});
