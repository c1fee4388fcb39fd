import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("prefer-timestamptz", {
  valid: [
    { filename: "db/migrations/000001_x.up.sql", code: "CREATE TABLE t (created_at timestamptz NOT NULL);" },
    {
      name: "MySQL is out of scope",
      filename: "db/migrations/mysql/000002_x.up.sql",
      code: "CREATE TABLE t (created_at timestamp NOT NULL);",
    },
  ],
  invalid: [
    {
      filename: "db/migrations/000003_x.up.sql",
      code: "CREATE TABLE t (\n  created_at timestamp NOT NULL\n);",
      errors: [{ messageId: "timestamp", line: 1, column: 1 }],
    },
    {
      name: "ADD COLUMN and ALTER … TYPE",
      filename: "db/migrations/000004_x.up.sql",
      code: "ALTER TABLE t ADD COLUMN x_id timestamp NOT NULL ;\nALTER TABLE t ALTER COLUMN id TYPE timestamp(3) without time zone;",
      errors: [
        { messageId: "timestamp", line: 1, column: 1 },
        { messageId: "timestamp", line: 2, column: 1 },
      ],
    },
  ],
});
