import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-set-not-null", {
  valid: [
    {
      name: "after validating a CHECK in the same migration",
      filename: "db/migrations/000002_x.up.sql",
      code: "ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;",
    },
    {
      name: "a table created in the same migration",
      filename: "db/migrations/000003_x.up.sql",
      code: "CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN a SET NOT NULL;",
    },
    {
      name: "DROP NOT NULL",
      filename: "db/migrations/000004_x.up.sql",
      code: "ALTER TABLE t ALTER COLUMN a DROP NOT NULL;",
    },
  ],
  invalid: [
    {
      filename: "db/migrations/000005_x.up.sql",
      code: "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
      errors: [{ messageId: "setNotNull", data: { table: "users", column: "email" }, line: 1, column: 1 }],
    },
    {
      name: "a NOT VALID CHECK that is not validated yet does not help",
      filename: "db/migrations/000006_x.up.sql",
      code: "ALTER TABLE users ADD CONSTRAINT c CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users ALTER email SET NOT NULL;",
      errors: [{ messageId: "setNotNull", line: 2, column: 1 }],
    },
  ],
});
