import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-blocking-maintenance", {
  valid: [
    { filename: "db/migrations/000001_x.up.sql", code: "REINDEX INDEX CONCURRENTLY orders_pkey;" },
    {
      name: "DETACH … CONCURRENTLY",
      filename: "db/migrations/000002_x.up.sql",
      code: "ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;",
    },
    { name: "MySQL is out of scope", filename: "db/migrations/mysql/000003_x.up.sql", code: "LOCK TABLES t WRITE;" },
  ],
  invalid: [
    {
      filename: "db/migrations/000004_x.up.sql",
      code: "REINDEX TABLE orders;",
      errors: [{ messageId: "reindex", data: { table: "orders" }, line: 1, column: 1 }],
    },
    {
      filename: "db/migrations/000005_x.up.sql",
      code: "ALTER TABLE events DETACH PARTITION events_2020;\nLOCK TABLE orders IN ACCESS EXCLUSIVE MODE;",
      errors: [
        { messageId: "detach", data: { table: "events" }, line: 1, column: 1 },
        { messageId: "lockTable", data: { table: "orders" }, line: 2, column: 1 },
      ],
    },
  ],
});
