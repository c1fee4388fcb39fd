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
          help: "Make CREATE INDEX CONCURRENTLY the only statement of a migration file of its own: golang-migrate sends a file as one query, which PostgreSQL runs as one transaction.",
        },
      ],
    },
    {
      name: "diesel: the help names its switch",
      filename: "migrations/postgresql/2024-01-01-000000_x/up.sql",
      code: "CREATE INDEX i ON t (a);",
      errors: [
        {
          messageId: "notConcurrent",
          line: 1,
          column: 1,
          help: "Use CREATE INDEX CONCURRENTLY in a migration of its own and set `run_in_transaction = false` in the migration's metadata.toml.",
        },
      ],
    },
    {
      name: "Prisma: the help says it has no switch and what works instead",
      filename: "prisma/migrations/20240101000000_x/migration.sql",
      code: 'CREATE INDEX "i" ON "t"("a");',
      errors: [
        {
          messageId: "notConcurrent",
          line: 1,
          column: 1,
          help: "Prisma has no switch to run a migration outside a transaction, but it sends a file of one statement on its own: make CREATE INDEX CONCURRENTLY the only statement of a new migration (`prisma migrate dev --create-only`, then edit its migration.sql).",
        },
      ],
    },
    {
      name: "MySQL without ALGORITHM/LOCK",
      filename: "db/migrations/mysql/000007_x.up.sql",
      code: "ALTER TABLE t ADD INDEX i (a);\nCREATE UNIQUE INDEX j ON t (b);",
      errors: [
        {
          messageId: "notOnline",
          data: { index: "i", table: "t" },
          line: 1,
          column: 1,
          help: "Add ALGORITHM=INPLACE, LOCK=NONE to the statement: MySQL then builds the index while writes go on, or refuses the statement instead of locking.",
        },
        { messageId: "notOnline", data: { index: "j", table: "t" }, line: 2, column: 1 },
      ],
    },
  ],
});
