import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("prefer-bigint", {
  valid: [
    { filename: "db/migrations/000001_x.up.sql", code: "CREATE TABLE t (user_id bigint);" },
    {
      name: "MySQL is out of scope",
      filename: "db/migrations/mysql/000002_x.up.sql",
      code: "CREATE TABLE t (user_id integer);",
    },
  ],
  invalid: [
    {
      filename: "db/migrations/000003_x.up.sql",
      code: "CREATE TABLE t (\n  user_id integer\n);",
      errors: [{ messageId: "smallId", line: 1, column: 1 }],
    },
    {
      name: "ADD COLUMN and ALTER … TYPE",
      filename: "db/migrations/000004_x.up.sql",
      code: "ALTER TABLE t ADD COLUMN x_id integer ;\nALTER TABLE t ALTER COLUMN id TYPE int4;",
      errors: [
        { messageId: "smallId", line: 1, column: 1 },
        { messageId: "smallId", line: 2, column: 1 },
      ],
    },
  ],
});
