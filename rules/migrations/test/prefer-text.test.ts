import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("prefer-text", {
  valid: [
    { filename: "db/migrations/000001_x.up.sql", code: "CREATE TABLE t (name text);" },
    {
      name: "MySQL is out of scope",
      filename: "db/migrations/mysql/000002_x.up.sql",
      code: "CREATE TABLE t (name varchar(255));",
    },
    {
      name: "an array of unbounded varchar has no limit to change",
      filename: "db/migrations/000006_x.up.sql",
      code: "CREATE TABLE t (tags varchar[]);",
    },
  ],
  invalid: [
    {
      filename: "db/migrations/000003_x.up.sql",
      code: "CREATE TABLE t (\n  name varchar(255)\n);",
      errors: [{ messageId: "varchar", line: 1, column: 1 }],
    },
    {
      name: "ADD COLUMN and ALTER … TYPE",
      filename: "db/migrations/000004_x.up.sql",
      code: "ALTER TABLE t ADD COLUMN x_id varchar(255) ;\nALTER TABLE t ALTER COLUMN id TYPE character varying(40);",
      errors: [
        { messageId: "varchar", data: { table: "t", column: "x_id", type: "varchar(255)" }, line: 1, column: 1 },
        // Types are named one way in messages, however they were written.
        { messageId: "varchar", data: { table: "t", column: "id", type: "varchar(40)" }, line: 2, column: 1 },
      ],
    },
    {
      name: "an array of varchar(n) has the same limit on every element",
      filename: "db/migrations/000005_x.up.sql",
      code: "CREATE TABLE t (tags varchar(32)[] NOT NULL);\nALTER TABLE t ADD COLUMN codes character varying(8) ARRAY;",
      errors: [
        { messageId: "varchar", data: { table: "t", column: "tags", type: "varchar(32)[]" }, line: 1, column: 1 },
        { messageId: "varchar", data: { table: "t", column: "codes", type: "varchar(8)[]" }, line: 2, column: 1 },
      ],
    },
  ],
});
