// Tests for env-ladder/database-parity.
import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";
import { SOUND, soundWith } from "./helpers/ladder.js";

const tester = new RuleTester({ pack });
const STAGING_DB = "    database: { engine: postgres }\n    data: anonymized";

tester.run("database-parity", {
  valid: [
    { name: "postgres everywhere", files: { "company.config.yaml": SOUND } },
    {
      name: "local may differ",
      files: {
        "company.config.yaml": soundWith(
          "database: { engine: postgres }\n    data: seed",
          "database: { engine: sqlite }\n    data: seed",
        ),
      },
    },
    {
      name: "postgresql and postgres are one engine",
      files: {
        "company.config.yaml": soundWith(STAGING_DB, "    database: { engine: postgresql }\n    data: anonymized"),
      },
    },
    {
      name: "no engine declared: require-environment-fields reports it",
      files: { "company.config.yaml": soundWith(STAGING_DB, "    data: anonymized") },
    },
  ],
  invalid: [
    {
      name: "staging on mysql, production on postgres",
      files: { "company.config.yaml": soundWith(STAGING_DB, "    database: { engine: mysql }\n    data: anonymized") },
      errors: [
        {
          file: "company.config.yaml",
          messageId: "engineDiffers",
          data: { name: "staging", engine: "mysql", production: "postgres" },
          line: 15,
          column: 5,
        },
      ],
    },
    {
      name: "another pre-production environment (qa) is held to production's engine too",
      files: { "company.config.yaml": `${SOUND}  qa:\n    database: { engine: sqlite }\n` },
      errors: [{ file: "company.config.yaml", messageId: "engineDiffers", line: 30, column: 5 }],
    },
    {
      name: "different major versions",
      files: {
        "company.config.yaml": soundWith(
          STAGING_DB,
          "    database: { engine: postgres, version: 14 }\n    data: anonymized",
        ).replace("engine: postgres, backups: true", "engine: postgres, version: '16.2', backups: true"),
      },
      errors: [{ file: "company.config.yaml", messageId: "versionDiffers", line: 15, column: 5 }],
    },
  ],
});
