import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-set-not-null", {
  valid: [
    {
      name: "SET NOT NULL in the statement that makes the column the primary key (documenso's TeamGlobalSettings)",
      filename: "prisma/migrations/20250522054050_orgs/migration.sql",
      code: 'ALTER TABLE "TeamGlobalSettings"\nALTER COLUMN "id" SET NOT NULL,\nADD CONSTRAINT "TeamGlobalSettings_pkey" PRIMARY KEY ("id");',
    },
    {
      name: "a table emptied earlier in the migration has no row to scan",
      filename: "db/migrations/000020_x.up.sql",
      code: "TRUNCATE sessions;\nALTER TABLE sessions ALTER COLUMN user_id SET NOT NULL;",
    },
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
      name: "in the same ALTER TABLE as a type change of the column: checked during that rewrite",
      filename: "migrations/postgresql/2024-01-12-210182_change_attachment_size/up.sql",
      code: "ALTER TABLE attachments\nALTER COLUMN file_size TYPE BIGINT,\nALTER COLUMN file_size SET NOT NULL;",
    },
    {
      name: "DROP NOT NULL",
      filename: "db/migrations/000004_x.up.sql",
      code: "ALTER TABLE t ALTER COLUMN a DROP NOT NULL;",
    },
  ],
  invalid: [
    {
      name: "a primary key on another column, or in another statement, does not cover the SET NOT NULL",
      filename: "db/migrations/000022_x.up.sql",
      code: "ALTER TABLE t ALTER COLUMN a SET NOT NULL, ADD PRIMARY KEY (b);\nALTER TABLE u ALTER COLUMN id SET NOT NULL;\nALTER TABLE u ADD PRIMARY KEY (id);",
      errors: [
        { messageId: "setNotNull", line: 1, column: 1 },
        { messageId: "setNotNull", line: 2, column: 1 },
      ],
    },
    {
      name: "a DELETE with a WHERE leaves rows to scan",
      filename: "db/migrations/000021_x.up.sql",
      code: "DELETE FROM sessions WHERE user_id IS NULL;\nALTER TABLE sessions ALTER COLUMN user_id SET NOT NULL;",
      errors: [{ messageId: "setNotNull", line: 2, column: 1 }],
    },
    {
      name: "one finding per statement; the help quotes identifiers as SQL needs them",
      filename: "prisma/migrations/20231206073509_x/migration.sql",
      code: 'ALTER TABLE "Subscription" ALTER COLUMN "planId" SET NOT NULL,\nALTER COLUMN "price_id" SET NOT NULL;',
      errors: [
        {
          message:
            "SET NOT NULL on planId and price_id of Subscription scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes, and fails the deploy if any row is NULL.",
          help: 'Add CHECK ("planId" IS NOT NULL AND price_id IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the CHECK.',
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "a type change of another column does not hide it",
      filename: "db/migrations/000006_x.up.sql",
      code: "ALTER TABLE t ALTER COLUMN a TYPE bigint, ALTER COLUMN b SET NOT NULL;",
      errors: [{ messageId: "setNotNull", data: { table: "t", column: "b" }, line: 1, column: 1 }],
    },
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
