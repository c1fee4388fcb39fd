import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

const concurrent = "CREATE INDEX CONCURRENTLY i ON t (a);";

tester.run("no-concurrent-in-transaction", {
  valid: [
    { name: "golang-migrate, alone in its file", filename: "db/migrations/000010_x.up.sql", code: concurrent },
    {
      name: "dbmate with transaction:false",
      filename: "db/migrations/20260103120000_index_plan.sql",
      code: `-- migrate:up transaction:false\n${concurrent}\n\n-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY i;\n`,
    },
    {
      name: "goose NO TRANSACTION",
      filename: "db/migrations/00003_x.sql",
      code: `-- +goose NO TRANSACTION\n-- +goose Up\n${concurrent}\n`,
    },
    {
      name: "Atlas txmode none",
      filename: "migrations/20240101000000_x.sql",
      code: `-- atlas:txmode none\n${concurrent}`,
    },
    {
      name: "Flyway runs a file of only such statements outside a transaction",
      filename: "db/migration/V3__idx.sql",
      code: concurrent,
    },
    {
      name: "Liquibase runInTransaction:false",
      filename: "db/changelog/idx.sql",
      code: `--liquibase formatted sql\n--changeset ann:3 runInTransaction:false\n${concurrent}\n--rollback DROP INDEX i;\n`,
    },
    {
      name: "a plain file without BEGIN",
      filename: "migrations/0003_idx.sql",
      code: `SET lock_timeout = '2s';\n${concurrent}`,
    },
  ],
  invalid: [
    {
      name: "between BEGIN and COMMIT",
      filename: "db/migrations/000010_x.up.sql",
      code: `BEGIN;\n${concurrent}\nCOMMIT;`,
      errors: [{ messageId: "fileTransaction", data: { statement: "CREATE INDEX CONCURRENTLY" }, line: 2, column: 1 }],
    },
    {
      name: "dbmate wraps the section",
      filename: "db/migrations/20260103120000_index_plan.sql",
      code: `-- migrate:up\n${concurrent}\n\n-- migrate:down\nDROP INDEX i;\n`,
      errors: [
        {
          messageId: "frameworkTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY", framework: "dbmate" },
          line: 2,
          column: 1,
        },
      ],
    },
    {
      name: "goose without NO TRANSACTION, and DROP INDEX CONCURRENTLY",
      filename: "db/migrations/00003_x.sql",
      code: "-- +goose Up\nDROP INDEX CONCURRENTLY i;\n",
      errors: [{ messageId: "frameworkTransaction", line: 2, column: 1 }],
    },
    {
      name: "golang-migrate sends a multi-statement file as one implicit transaction",
      filename: "db/migrations/000011_x.up.sql",
      code: `ALTER TABLE t ADD COLUMN a int;\n${concurrent}`,
      errors: [{ messageId: "implicitTransaction", line: 2, column: 1 }],
    },
    {
      name: "Drizzle wraps every migration",
      filename: "drizzle/0004_idx.sql",
      code: concurrent,
      errors: [
        {
          messageId: "frameworkTransaction",
          data: { statement: "CREATE INDEX CONCURRENTLY", framework: "drizzle" },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "Flyway mixing it with other statements",
      filename: "db/migration/V4__idx.sql",
      code: `ALTER TABLE t ADD COLUMN b int;\n${concurrent}`,
      errors: [{ messageId: "frameworkTransaction", line: 2, column: 1 }],
    },
  ],
});
