import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-column-type-change", {
  valid: [
    {
      name: "a binary-compatible widening known from an earlier migration",
      files: {
        "db/migrations/000001_users.up.sql": "CREATE TABLE users (id bigint, email varchar(100), total numeric(10,2));",
        "db/migrations/000002_widen.up.sql":
          "ALTER TABLE users ALTER COLUMN email TYPE text, ALTER COLUMN total TYPE numeric(12,2);",
      },
    },
    {
      name: "a MySQL MODIFY that restates the type to change nullability",
      files: {
        "migrations/mysql/2024-01-01-000000_a/up.sql": "CREATE TABLE t (a INTEGER);",
        "migrations/mysql/2024-02-01-000000_b/up.sql": "ALTER TABLE t MODIFY a INT NOT NULL;",
      },
    },
    {
      name: "a table created in the same migration",
      files: { "db/migrations/000003_x.up.sql": "CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN a TYPE bigint;" },
    },
    {
      name: "a down",
      files: { "db/migrations/000009_x.down.sql": "ALTER TABLE orders ALTER COLUMN total TYPE numeric(10,2);" },
    },
  ],
  invalid: [
    {
      files: {
        "db/migrations/000002_create_orders.up.sql": "CREATE TABLE orders (id bigint, total numeric(10,2) NOT NULL);",
        "db/migrations/000009_orders_total_cents.up.sql":
          "ALTER TABLE orders ALTER COLUMN total TYPE bigint USING (total * 100)::bigint;",
      },
      errors: [
        {
          file: "db/migrations/000009_orders_total_cents.up.sql",
          messageId: "typeChange",
          data: { table: "orders", column: "total", from: "numeric(10,2)", to: "bigint" },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "an unknown old type, and a narrowing",
      files: {
        "db/migrations/000001_a.up.sql": "CREATE TABLE t (a varchar(100));",
        "db/migrations/000002_b.up.sql":
          "ALTER TABLE t ALTER COLUMN a TYPE varchar(50);\nALTER TABLE u ALTER COLUMN b TYPE text;",
      },
      errors: [
        { file: "db/migrations/000002_b.up.sql", messageId: "typeChange", line: 1, column: 1 },
        {
          file: "db/migrations/000002_b.up.sql",
          messageId: "typeChangeUnknown",
          data: { table: "u", column: "b", to: "text" },
          line: 2,
          column: 1,
        },
      ],
    },
    {
      name: "MySQL CHANGE to another type, after a rename",
      files: {
        "migrations/mysql/2024-01-01-000000_a/up.sql": "CREATE TABLE t (`key` TEXT);",
        "migrations/mysql/2024-02-01-000000_b/up.sql": "ALTER TABLE t CHANGE COLUMN `key` akey VARCHAR(10);",
      },
      errors: [
        {
          file: "migrations/mysql/2024-02-01-000000_b/up.sql",
          messageId: "typeChange",
          data: { table: "t", column: "akey", from: "TEXT", to: "VARCHAR(10)" },
          line: 1,
          column: 1,
        },
      ],
    },
  ],
});
