import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-mixed-schema-and-data", {
  valid: [
    {
      name: "a data fix before the schema change it prepares (hatchet's maxRuns backfill, then SET NOT NULL)",
      filename: "db/migrations/000009_x.up.sql",
      code: "UPDATE workers SET max_runs = 100 WHERE max_runs IS NULL;\nALTER TABLE workers ALTER COLUMN max_runs SET NOT NULL;",
    },
    {
      name: "loading rows, then building the index concurrently",
      filename: "db/migrations/20260101000001_x.sql",
      code: "-- migrate:up\nINSERT INTO audit SELECT * FROM events;\nCREATE INDEX CONCURRENTLY i ON audit (a);\n-- migrate:down\n",
    },
    { filename: "db/migrations/000005_x.up.sql", code: "ALTER TABLE orders ADD COLUMN status text;" },
    {
      name: "a change of owner or role is judged as GRANT is: not a schema change",
      filename: "db/migrations/000008_x.up.sql",
      code: "ALTER TABLE orders OWNER TO app;\nALTER ROLE app SET search_path = app;\nUPDATE orders SET status = 'paid' WHERE id < 1000;",
    },
    {
      name: "data only",
      filename: "db/migrations/000006_x.up.sql",
      code: "UPDATE orders SET status = 'paid' WHERE id < 1000;",
    },
    {
      name: "seeding a table created in the same migration",
      filename: "db/migrations/000007_x.up.sql",
      code: "CREATE TABLE plans (name text PRIMARY KEY);\nINSERT INTO plans VALUES ('free'), ('pro');",
    },
    {
      name: "a SQLite rebuild copies into its new table",
      filename: "migrations/sqlite/2022-03-02-210038_rebuild/up.sql",
      code: "CREATE TABLE d_new (id text);\nINSERT INTO d_new SELECT * FROM d;\nDROP TABLE d;\nALTER TABLE d_new RENAME TO d;",
    },
  ],
  invalid: [
    {
      filename: "db/migrations/000005_order_status.up.sql",
      code: "ALTER TABLE orders ADD COLUMN status text;\nUPDATE orders SET status = 'paid';",
      errors: [{ messageId: "mixed", data: { ddlLine: 1, table: "orders" }, line: 2, column: 1 }],
    },
    {
      name: "INSERT … SELECT into an existing table",
      filename: "db/migrations/20260101000000_x.sql",
      code: "-- migrate:up\nCREATE INDEX CONCURRENTLY i ON audit (a);\nINSERT INTO audit SELECT * FROM events;\n-- migrate:down\n",
      errors: [{ messageId: "mixed", data: { ddlLine: 2, table: "audit" }, line: 3, column: 1 }],
    },
    {
      name: "a data change after the schema change, with a data fix before it",
      filename: "db/migrations/000010_x.up.sql",
      code: "UPDATE workers SET max_runs = 100 WHERE max_runs IS NULL;\nALTER TABLE workers ALTER COLUMN max_runs SET NOT NULL;\nUPDATE tenants SET plan = 'free' WHERE plan IS NULL;",
      errors: [{ messageId: "mixed", data: { ddlLine: 2, table: "tenants" }, line: 3, column: 1 }],
    },
  ],
});
