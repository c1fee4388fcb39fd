import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("prefer-jsonb", {
  valid: [
    { filename: "db/migrations/000001_x.up.sql", code: "CREATE TABLE t (payload jsonb);" },
    {
      name: "MySQL is out of scope",
      filename: "db/migrations/mysql/000002_x.up.sql",
      code: "CREATE TABLE t (payload json);",
    },
  ],
  invalid: [
    {
      filename: "db/migrations/000003_x.up.sql",
      code: "CREATE TABLE t (\n  payload json\n);",
      errors: [{ messageId: "json", line: 1, column: 1 }],
    },
    {
      name: "ADD COLUMN and ALTER … TYPE",
      filename: "db/migrations/000004_x.up.sql",
      code: "ALTER TABLE t ADD COLUMN x_id json ;\nALTER TABLE t ALTER COLUMN id TYPE JSON;",
      errors: [
        { messageId: "json", line: 1, column: 1 },
        { messageId: "json", line: 2, column: 1 },
      ],
    },
  ],
});
