import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-drop-column", {
  valid: [
    { filename: "db/migrations/000002_add.up.sql", code: "ALTER TABLE users ADD COLUMN nickname text;" },
    {
      name: "a table created earlier in the same migration",
      filename: "db/migrations/000002_users.up.sql",
      code: "CREATE TABLE users (id bigint, tmp text);\nALTER TABLE users DROP COLUMN tmp;",
    },
    {
      name: "a down migration undoes its own up",
      filename: "db/migrations/000005_order_status.down.sql",
      code: "ALTER TABLE orders DROP COLUMN status;",
    },
    {
      name: "the down section of a dbmate file",
      filename: "db/migrations/20260102120000_add_plan.sql",
      code: "-- migrate:up\nALTER TABLE accounts ADD COLUMN plan text;\n\n-- migrate:down\nALTER TABLE accounts DROP COLUMN plan;\n",
    },
    {
      name: "dropping a constraint is not dropping a column",
      filename: "db/migrations/1_x.up.sql",
      code: "ALTER TABLE t DROP CONSTRAINT c;",
    },
    {
      name: "not a migration",
      filename: "sql/reports/cleanup.sql",
      code: "ALTER TABLE users DROP COLUMN legacy_name;",
    },
    {
      name: "outside the configured migration paths",
      filename: "db/migrations/1_x.up.sql",
      code: "ALTER TABLE users DROP COLUMN legacy_name;",
      settings: { migrations: { paths: ["schema/migrations"] } },
    },
  ],
  invalid: [
    {
      name: "goose: each statement of a StatementBegin block is judged",
      filename: "db/migrations/00002_drop.sql",
      code: "-- +goose Up\n-- +goose StatementBegin\nCREATE TABLE b (id bigint);\nALTER TABLE a DROP COLUMN c;\n-- +goose StatementEnd\n",
      errors: [{ messageId: "dropColumn", line: 4, column: 1 }],
    },
    {
      filename: "db/migrations/000003_drop_legacy_name.up.sql",
      code: "ALTER TABLE users DROP COLUMN legacy_name;",
      errors: [
        {
          messageId: "dropColumn",
          data: { column: "legacy_name", table: "users" },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 42,
        },
      ],
    },
    {
      name: "one finding naming every column one statement drops, on a table created in another migration",
      filename: "db/migrations/000004_x.up.sql",
      code: "CREATE TABLE other (id int);\n\nALTER TABLE ONLY public.users\n  DROP COLUMN a,\n  DROP b,\n  DROP c;\nALTER TABLE users DROP d;",
      errors: [
        {
          message:
            "Dropping columns a, b and c of users breaks every running instance that still reads or writes them, because the deploy runs the migration before the old code is gone.",
          line: 3,
          column: 1,
        },
        { messageId: "dropColumn", data: { column: "d", table: "users" }, line: 7, column: 1 },
      ],
    },
    {
      name: "a table created later in the migration does not excuse an earlier drop",
      filename: "db/migrations/000004_x.up.sql",
      code: "ALTER TABLE t DROP COLUMN a;\nDROP TABLE t;\nCREATE TABLE t (id int);",
      errors: [{ messageId: "dropColumn", line: 1, column: 1 }],
    },
    {
      name: "the up section of a dbmate file",
      filename: "db/migrations/20260102120000_drop.sql",
      code: "-- migrate:up\nALTER TABLE accounts DROP COLUMN plan;\n\n-- migrate:down\nALTER TABLE accounts ADD COLUMN plan text;\n",
      errors: [{ messageId: "dropColumn", line: 2, column: 1 }],
    },
    {
      name: "MySQL, in a statement the parser does not understand",
      filename: "migrations/mysql/2024-01-01-000000_x/up.sql",
      code: "ALTER TABLE `users` DROP COLUMN `legacy`, ALGORITHM=INPLACE, LOCK=NONE;",
      errors: [{ messageId: "dropColumn", data: { column: "legacy", table: "users" }, line: 1, column: 1 }],
    },
    {
      name: "SQLite",
      filename: "migrations/sqlite/2024-01-01-000000_x/up.sql",
      code: "-- drop it\nALTER TABLE users DROP COLUMN legacy;",
      errors: [{ messageId: "dropColumn", line: 2, column: 1 }],
    },
  ],
});
