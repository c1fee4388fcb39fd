import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("parse-error", {
  valid: [
    { filename: "db/migrations/000001_x.up.sql", code: "CREATE TABLE t (id bigint);\nCREATE INDEX i ON t (id);" },
    {
      name: "forms the parser does not support are not errors",
      filename: "db/migrations/000002_x.up.sql",
      code: "LOCK TABLE t IN ACCESS EXCLUSIVE MODE;\nVACUUM FULL t;",
    },
    { name: "not a migration", filename: "reports/broken.sql", code: "SELEKT 1;" },
  ],
  invalid: [
    {
      name: "one bad statement between two good ones",
      filename: "db/migrations/000003_x.up.sql",
      code: "CREATE TABLE t (id int);\nALTER TABLE t FROB COLUMN id;\nDROP TABLE t;",
      errors: [{ messageId: "parseError", line: 2, column: 1, endLine: 2, endColumn: 29 }],
    },
    {
      filename: "db/migrations/000004_x.up.sql",
      code: "SELEKT 1;",
      errors: [
        {
          messageId: "parseError",
          data: { dialect: "postgresql", message: 'Syntax Error: Unexpected "SELEKT"' },
          line: 1,
          column: 1,
        },
      ],
    },
  ],
});
