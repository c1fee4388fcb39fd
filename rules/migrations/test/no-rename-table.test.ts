import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-rename-table", {
  valid: [
    {
      name: "a table created in the same migration",
      filename: "db/migrations/000001_x.up.sql",
      code: "CREATE TABLE t_new (a int);\nALTER TABLE t_new RENAME TO t2;",
    },
    {
      name: "SQLite rebuild",
      filename: "migrations/sqlite/2018-05-25-232323_rebuild/up.sql",
      code: "ALTER TABLE a RENAME TO old_a;\nCREATE TABLE a (id text);\nINSERT INTO a SELECT * FROM old_a;\nDROP TABLE old_a;",
    },
    { name: "a down", filename: "db/migrations/000002_x.down.sql", code: "ALTER TABLE b RENAME TO a;" },
  ],
  invalid: [
    {
      filename: "db/migrations/000002_x.up.sql",
      code: "ALTER TABLE a RENAME TO b;",
      errors: [{ messageId: "renameTable", data: { table: "a", to: "b" }, line: 1, column: 1 }],
    },
    {
      name: "MySQL RENAME TABLE",
      filename: "db/migrations/mysql/000003_x.up.sql",
      code: "RENAME TABLE a TO b;",
      errors: [{ messageId: "renameTable", data: { table: "a", to: "b" }, line: 1, column: 1 }],
    },
  ],
});
