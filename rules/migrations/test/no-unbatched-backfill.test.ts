import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-unbatched-backfill", {
  valid: [
    {
      name: "an UPDATE of a table emptied earlier in the migration touches no row",
      filename: "db/migrations/000020_x.up.sql",
      code: "TRUNCATE profiles;\nUPDATE profiles SET enabled = false;",
    },
    {
      filename: "db/migrations/000001_x.up.sql",
      code: "UPDATE orders SET status = 'paid' WHERE id BETWEEN 1 AND 10000;",
    },
    {
      name: "a batch bound by LIMIT",
      filename: "db/migrations/mysql/000002_x.up.sql",
      code: "DELETE FROM sessions ORDER BY id LIMIT 1000;",
    },
    {
      name: "a table created in the same migration",
      filename: "db/migrations/000003_x.up.sql",
      code: "CREATE TABLE t (a int);\nUPDATE t SET a = 1;",
    },
    {
      name: "INSERT is not a backfill",
      filename: "db/migrations/000004_x.up.sql",
      code: "INSERT INTO plans VALUES ('free');",
    },
  ],
  invalid: [
    {
      name: "the emptying DELETE itself is judged",
      filename: "db/migrations/000021_x.up.sql",
      code: "DELETE FROM profiles;\nUPDATE profiles SET enabled = false;",
      errors: [{ messageId: "unbatched", line: 1, column: 1 }],
    },
    {
      filename: "db/migrations/000005_order_status.up.sql",
      code: "ALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = 'paid';",
      errors: [{ messageId: "unbatched", data: { verb: "UPDATE", table: "orders" }, line: 2, column: 1 }],
    },
    {
      filename: "db/migrations/000006_x.up.sql",
      code: "DELETE FROM sessions;",
      errors: [{ messageId: "unbatched", data: { verb: "DELETE", table: "sessions" }, line: 1, column: 1 }],
    },
  ],
});
