import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-required-column-without-default", {
  valid: [
    { filename: "db/migrations/000001_x.up.sql", code: "ALTER TABLE users ADD COLUMN plan text;" },
    {
      name: "with a constant default",
      filename: "db/migrations/000002_x.up.sql",
      code: "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
    },
    {
      name: "an identity column",
      filename: "db/migrations/000003_x.up.sql",
      code: "ALTER TABLE t ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY NOT NULL;",
    },
    {
      name: "a serial column",
      filename: "db/migrations/000004_x.up.sql",
      code: "ALTER TABLE t ADD COLUMN n bigserial NOT NULL;",
    },
    {
      name: "a table created in the same migration",
      filename: "db/migrations/000005_x.up.sql",
      code: "CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN tenant_id bigint NOT NULL;",
    },
    {
      name: "a table emptied by a DELETE without WHERE earlier in the migration (documenso's public profiles)",
      filename: "prisma/migrations/20240606060033_profiles/migration.sql",
      code: 'DELETE FROM "UserProfile";\nALTER TABLE "UserProfile" DROP CONSTRAINT "UserProfile_pkey",\nADD COLUMN "userId" INTEGER NOT NULL;',
    },
    {
      name: "a table emptied by TRUNCATE",
      filename: "db/migrations/000006_x.up.sql",
      code: "TRUNCATE sessions;\nALTER TABLE sessions ADD COLUMN expires_at timestamptz NOT NULL;",
    },
  ],
  invalid: [
    {
      name: "a DELETE with a WHERE leaves rows",
      filename: "db/migrations/000010_x.up.sql",
      code: "DELETE FROM sessions WHERE expired;\nALTER TABLE sessions ADD COLUMN a int NOT NULL;",
      errors: [{ messageId: "requiredColumn", line: 2, column: 1 }],
    },
    {
      name: "rows inserted after the DELETE",
      filename: "db/migrations/000011_x.up.sql",
      code: "DELETE FROM sessions;\nINSERT INTO sessions (id) VALUES (1);\nALTER TABLE sessions ADD COLUMN a int NOT NULL;",
      errors: [{ messageId: "requiredColumn", line: 3, column: 1 }],
    },
    {
      name: "the DELETE comes after the column is added",
      filename: "db/migrations/000012_x.up.sql",
      code: "ALTER TABLE sessions ADD COLUMN a int NOT NULL;\nDELETE FROM sessions;",
      errors: [{ messageId: "requiredColumn", line: 1, column: 1 }],
    },
    {
      name: "another table emptied",
      filename: "db/migrations/000013_x.up.sql",
      code: "DELETE FROM tokens;\nALTER TABLE sessions ADD COLUMN a int NOT NULL;",
      errors: [{ messageId: "requiredColumn", line: 2, column: 1 }],
    },
    {
      filename: "db/migrations/000008_users_tenant.up.sql",
      code: "ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;",
      errors: [{ messageId: "requiredColumn", data: { column: "tenant_id", table: "users" }, line: 1, column: 1 }],
    },
    {
      name: "DEFAULT NULL is no default",
      filename: "db/migrations/000009_x.up.sql",
      code: "ALTER TABLE users ADD COLUMN a int DEFAULT NULL NOT NULL;",
      errors: [{ messageId: "requiredColumn", line: 1, column: 1 }],
    },
    {
      name: "SQLite",
      filename: "migrations/sqlite/2024-01-01-000000_x/up.sql",
      code: "ALTER TABLE users ADD COLUMN a INTEGER NOT NULL;",
      errors: [{ messageId: "requiredColumn", line: 1, column: 1 }],
    },
  ],
});
