import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-rename-column", {
  valid: [
    {
      name: "a down undoes its up",
      filename: "db/migrations/000006_x.down.sql",
      code: "ALTER TABLE users RENAME COLUMN full_name TO name;",
    },
    {
      name: "a table created in the same migration",
      filename: "db/migrations/000007_x.up.sql",
      code: "CREATE TABLE t (a int);\nALTER TABLE t RENAME COLUMN a TO b;",
    },
    {
      name: "MySQL CHANGE that keeps the name",
      filename: "db/migrations/mysql/000008_x.up.sql",
      code: "ALTER TABLE t CHANGE a a BIGINT;",
    },
    {
      name: "renaming a constraint",
      filename: "db/migrations/000009_x.up.sql",
      code: "ALTER TABLE t RENAME CONSTRAINT a TO b;",
    },
  ],
  invalid: [
    {
      filename: "db/migrations/000006_rename_user_name.up.sql",
      code: "ALTER TABLE users RENAME COLUMN name TO full_name;",
      errors: [
        { messageId: "renameColumn", data: { column: "name", table: "users", to: "full_name" }, line: 1, column: 1 },
      ],
    },
    {
      name: "PostgreSQL RENAME without COLUMN",
      filename: "db/migrations/000007_x.up.sql",
      code: "ALTER TABLE users RENAME name TO full_name;",
      errors: [{ messageId: "renameColumn", line: 1, column: 1 }],
    },
    {
      name: "MySQL CHANGE COLUMN with a new name",
      filename: "db/migrations/mysql/000008_x.up.sql",
      code: "ALTER TABLE attachments CHANGE COLUMN `key` akey TEXT;",
      errors: [
        { messageId: "renameColumn", data: { column: "key", table: "attachments", to: "akey" }, line: 1, column: 1 },
      ],
    },
  ],
});
