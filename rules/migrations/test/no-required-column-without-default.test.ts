import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-required-column-without-default", {
  valid: [
    { filename: "db/migrations/000001_x.up.sql", code: "ALTER TABLE users ADD COLUMN plan text;" },
    {
      name: "with a constant default",
      filename: "db/migrations/000002_x.up.sql",
      code: "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
    },
    {
      name: "an identity column",
      filename: "db/migrations/000003_x.up.sql",
      code: "ALTER TABLE t ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY NOT NULL;",
    },
    {
      name: "a serial column",
      filename: "db/migrations/000004_x.up.sql",
      code: "ALTER TABLE t ADD COLUMN n bigserial NOT NULL;",
    },
    {
      name: "a table created in the same migration",
      filename: "db/migrations/000005_x.up.sql",
      code: "CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN tenant_id bigint NOT NULL;",
    },
  ],
  invalid: [
    {
      filename: "db/migrations/000008_users_tenant.up.sql",
      code: "ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;",
      errors: [{ messageId: "requiredColumn", data: { column: "tenant_id", table: "users" }, line: 1, column: 1 }],
    },
    {
      name: "DEFAULT NULL is no default",
      filename: "db/migrations/000009_x.up.sql",
      code: "ALTER TABLE users ADD COLUMN a int DEFAULT NULL NOT NULL;",
      errors: [{ messageId: "requiredColumn", line: 1, column: 1 }],
    },
    {
      name: "SQLite",
      filename: "migrations/sqlite/2024-01-01-000000_x/up.sql",
      code: "ALTER TABLE users ADD COLUMN a INTEGER NOT NULL;",
      errors: [{ messageId: "requiredColumn", line: 1, column: 1 }],
    },
  ],
});
