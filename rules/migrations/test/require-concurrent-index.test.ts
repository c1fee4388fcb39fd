import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("require-concurrent-index", {
  valid: [
    {
      filename: "db/migrations/000010_x.up.sql",
      code: "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);",
    },
    {
      name: "a table created in the same migration",
      filename: "db/migrations/000001_create_users.up.sql",
      code: "CREATE TABLE users (id bigint, email text);\nCREATE UNIQUE INDEX users_email_key ON users (email);",
    },
    { name: "a down", filename: "db/migrations/000004_x.down.sql", code: "CREATE INDEX i ON orders (a);" },
    {
      name: "MySQL online",
      filename: "db/migrations/mysql/000005_x.up.sql",
      code: "CREATE INDEX i ON t (a) ALGORITHM=INPLACE LOCK=NONE;",
    },
    {
      name: "MySQL ALTER TABLE ADD INDEX online",
      filename: "db/migrations/mysql/000006_x.up.sql",
      code: "ALTER TABLE t ADD INDEX i (a), ALGORITHM=INPLACE, LOCK=NONE;",
    },
    {
      name: "SQLite has no concurrent builds",
      filename: "migrations/sqlite/2024-01-01-000000_x/up.sql",
      code: "CREATE INDEX i ON t (a);",
    },
  ],
  invalid: [
    {
      filename: "db/migrations/000004_index_orders_created_at.up.sql",
      code: "CREATE INDEX orders_created_at_idx ON orders (created_at);",
      errors: [
        {
          messageId: "notConcurrent",
          data: { index: "orders_created_at_idx", table: "orders" },
          line: 1,
          column: 1,
          endColumn: 58,
        },
      ],
    },
    {
      name: "MySQL without ALGORITHM/LOCK",
      filename: "db/migrations/mysql/000007_x.up.sql",
      code: "ALTER TABLE t ADD INDEX i (a);\nCREATE UNIQUE INDEX j ON t (b);",
      errors: [
        { messageId: "notOnline", data: { index: "i", table: "t" }, line: 1, column: 1 },
        { messageId: "notOnline", data: { index: "j", table: "t" }, line: 2, column: 1 },
      ],
    },
  ],
});
