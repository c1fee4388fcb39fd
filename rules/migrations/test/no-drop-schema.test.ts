import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-drop-schema", {
  valid: [
    { filename: "db/migrations/000001_x.up.sql", code: "CREATE SCHEMA billing;" },
    { name: "a down", filename: "db/migrations/000001_x.down.sql", code: "DROP SCHEMA billing;" },
  ],
  invalid: [
    {
      filename: "db/migrations/000002_x.up.sql",
      code: "DROP SCHEMA IF EXISTS billing CASCADE;",
      errors: [{ messageId: "dropSchema", data: { name: "billing" }, line: 1, column: 1 }],
    },
    {
      filename: "db/migrations/mysql/000003_x.up.sql",
      code: "DROP DATABASE shop;",
      errors: [{ messageId: "dropDatabase", data: { name: "shop" }, line: 1, column: 1 }],
    },
  ],
});
