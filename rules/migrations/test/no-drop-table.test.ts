import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-drop-table", {
  valid: [
    {
      name: "DROP TABLE IF EXISTS then CREATE TABLE: a table created defensively, maybe for the first time",
      filename: "migrations/postgresql/2026-03-09-005927_add_archives/up.sql",
      code: "-- start clean\nDROP TABLE IF EXISTS archives;\n\nCREATE TABLE archives (user_uuid CHAR(36) NOT NULL);",
    },
    {
      name: "a down drops what its up created",
      filename: "db/migrations/000001_users.down.sql",
      code: "DROP TABLE users;",
    },
    {
      name: "a table created earlier in the same migration",
      filename: "db/migrations/000002_tmp.up.sql",
      code: "CREATE TABLE tmp (id int);\nDROP TABLE tmp;",
    },
    {
      name: "SQLite rebuild: create new, copy, drop old, rename new",
      filename: "migrations/sqlite/2022-03-02-210038_rebuild/up.sql",
      code: "CREATE TABLE devices_new (id text);\nINSERT INTO devices_new SELECT * FROM devices;\nDROP TABLE devices;\nALTER TABLE devices_new RENAME TO devices;",
    },
    {
      name: "SQLite rebuild: rename old away, create, copy, drop old",
      filename: "migrations/sqlite/2018-05-25-232323_rebuild/up.sql",
      code: "ALTER TABLE attachments RENAME TO old_attachments;\nCREATE TABLE attachments (id text);\nINSERT INTO attachments SELECT * FROM old_attachments;\nDROP TABLE old_attachments;",
    },
    {
      name: "suppressed with a reason",
      filename: "db/migrations/000011_drop_audit_log.up.sql",
      code: "-- deploylint-disable-next-line migrations/no-drop-table -- no readers since 2025\nDROP TABLE IF EXISTS audit_log;",
    },
  ],
  invalid: [
    {
      name: "a table dropped and created again says so",
      filename: "migrations/postgresql/2024-02-14-170000_add_state_to_sso_nonce/up.sql",
      code: "DROP TABLE sso_nonce;\n\nCREATE TABLE sso_nonce (state TEXT NOT NULL PRIMARY KEY);",
      errors: [
        {
          message:
            "Dropping table sso_nonce and creating it again in this migration destroys its rows, and running code written for its old columns may fail on the new ones.",
          line: 1,
          column: 1,
        },
      ],
    },
    {
      filename: "db/migrations/000011_drop_audit_log.up.sql",
      code: "DROP TABLE IF EXISTS audit_log;",
      errors: [{ messageId: "dropTable", data: { table: "audit_log" }, line: 1, column: 1, endColumn: 31 }],
    },
    {
      name: "one finding naming every table of a list, and TRUNCATE",
      filename: "db/migrations/000012_x.up.sql",
      code: "DROP TABLE a, b, c CASCADE;\nTRUNCATE orders;",
      errors: [
        {
          message:
            "Dropping tables a, b and c breaks every running instance that still queries them and destroys their data, which a rollback of the code cannot bring back.",
          line: 1,
          column: 1,
        },
        { messageId: "truncate", data: { table: "orders" }, line: 2, column: 1 },
      ],
    },
    {
      name: "a list with a table created in the same migration names only the existing ones",
      filename: "db/migrations/000013_x.up.sql",
      code: "CREATE TABLE tmp (id int);\nDROP TABLE tmp, old_a, old_b;\nTRUNCATE x, y;",
      errors: [
        { messageId: "dropTables", data: { tables: "old_a and old_b" }, line: 2, column: 1 },
        { messageId: "truncateTables", data: { tables: "x and y" }, line: 3, column: 1 },
      ],
    },
    {
      name: "MySQL and the up section of a goose file",
      filename: "db/migrations/mysql/00012_x.sql",
      code: "-- +goose Up\nDROP TABLE `legacy`;\n-- +goose Down\nCREATE TABLE `legacy` (id int);",
      errors: [{ messageId: "dropTable", data: { table: "legacy" }, line: 2, column: 1 }],
    },
  ],
});
