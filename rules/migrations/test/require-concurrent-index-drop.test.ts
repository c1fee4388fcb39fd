import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("require-concurrent-index-drop", {
  valid: [
    { filename: "db/migrations/000001_x.up.sql", code: "DROP INDEX CONCURRENTLY IF EXISTS i;" },
    { name: "a down", filename: "db/migrations/000004_x.down.sql", code: "DROP INDEX orders_created_at_idx;" },
    {
      name: "an index created in the same migration",
      filename: "db/migrations/000002_x.up.sql",
      code: "CREATE INDEX CONCURRENTLY tmp_idx ON t (a);\nDROP INDEX tmp_idx;",
    },
    { name: "MySQL", filename: "db/migrations/mysql/000003_x.up.sql", code: "DROP INDEX i ON t;" },
  ],
  invalid: [
    {
      filename: "db/migrations/000005_x.up.sql",
      code: "DROP INDEX IF EXISTS public.orders_status_idx;",
      errors: [{ messageId: "notConcurrent", data: { index: "orders_status_idx" }, line: 1, column: 1 }],
    },
  ],
});
