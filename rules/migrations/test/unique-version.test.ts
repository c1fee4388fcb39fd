import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("unique-version", {
  valid: [
    {
      name: "an up and its down share a version",
      files: { "db/migrations/000001_a.up.sql": "SELECT 1;", "db/migrations/000001_a.down.sql": "SELECT 1;" },
    },
    {
      name: "the same version in two migration folders",
      files: {
        "migrations/mysql/2024-01-01-000000_a/up.sql": "SELECT 1;",
        "migrations/sqlite/2024-01-01-000000_a/up.sql": "SELECT 1;",
      },
    },
    {
      name: "Flyway V and U of one version",
      files: { "db/migration/V1__a.sql": "SELECT 1;", "db/migration/U1__a.sql": "SELECT 1;" },
    },
  ],
  invalid: [
    {
      files: {
        "db/migrations/000004_add_index.up.sql": "SELECT 1;",
        "db/migrations/000004_add_column.up.sql": "SELECT 1;",
        "db/migrations/000004_add_column.down.sql": "SELECT 1;",
      },
      errors: [
        {
          file: "db/migrations/000004_add_index.up.sql",
          messageId: "duplicate",
          data: { version: "000004", other: "db/migrations/000004_add_column.up.sql" },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "numerically equal versions",
      files: {
        "db/migrations/1_a.sql": "-- migrate:up\nSELECT 1;",
        "db/migrations/001_b.sql": "-- migrate:up\nSELECT 1;",
      },
      errors: [{ file: "db/migrations/1_a.sql", messageId: "duplicate", line: 1, column: 1 }],
    },
  ],
});
