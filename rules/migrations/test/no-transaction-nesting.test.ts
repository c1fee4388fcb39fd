import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-transaction-nesting", {
  valid: [
    {
      name: "golang-migrate runs the file as is",
      filename: "db/migrations/000001_x.up.sql",
      code: "BEGIN;\nALTER TABLE t ADD COLUMN a int;\nCOMMIT;",
    },
    {
      name: "sqitch scripts manage their own transaction",
      filename: "deploy/widgets.sql",
      code: "-- Deploy app:widgets to pg\nBEGIN;\nCREATE TABLE widgets (id int);\nCOMMIT;",
    },
    {
      name: "dbmate without BEGIN",
      filename: "db/migrations/20260101000000_x.sql",
      code: "-- migrate:up\nCREATE TABLE t (a int);\n-- migrate:down\nDROP TABLE t;\n",
    },
  ],
  invalid: [
    {
      name: "BEGIN/COMMIT in a dbmate migration",
      filename: "db/migrations/20260101000000_x.sql",
      code: "-- migrate:up\nBEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\n-- migrate:down\nDROP TABLE t;\n",
      errors: [
        { messageId: "nested", data: { framework: "dbmate", verb: "BEGIN" }, line: 2, column: 1 },
        { messageId: "nested", data: { framework: "dbmate", verb: "COMMIT" }, line: 4, column: 1 },
      ],
    },
    {
      name: "BEGIN without COMMIT",
      filename: "db/migrations/000002_x.up.sql",
      code: "BEGIN;\nALTER TABLE t ADD COLUMN a int;",
      errors: [{ messageId: "unclosed", line: 1, column: 1 }],
    },
  ],
});
