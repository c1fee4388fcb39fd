import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });
const REWRITE = "rewrites the table under an ACCESS EXCLUSIVE lock, blocking reads and writes";
const MAY_REWRITE = "can rewrite the table under an ACCESS EXCLUSIVE lock, blocking reads and writes";

tester.run("no-column-type-change", {
  valid: [
    {
      name: "a table emptied earlier in the migration has no row to rewrite (documenso's UserProfile)",
      files: {
        "prisma/migrations/1_profiles/migration.sql": 'CREATE TABLE "UserProfile" ("id" INTEGER NOT NULL);',
        "prisma/migrations/2_public/migration.sql":
          'DELETE FROM "UserProfile";\nALTER TABLE "UserProfile" ALTER COLUMN "id" SET DATA TYPE TEXT;',
      },
    },
    {
      name: "a widening whose old type only the down knows (logto's password_encrypted, varchar(128) to varchar(256))",
      files: {
        "packages/schemas/alterations/1.29.0-1750663091-widen.ts":
          "import { sql } from '@silverhand/slonik';\n\nconst alteration = {\n  up: async (pool) => {\n    await pool.query(sql`\n      alter table users alter column password_encrypted set data type varchar(256);\n    `);\n  },\n  down: async (pool) => {\n    await pool.query(sql`\n      alter table users alter column password_encrypted set data type varchar(128);\n    `);\n  },\n};\n\nexport default alteration;\n",
      },
    },
    {
      name: "a golang-migrate down file says the old type",
      files: {
        "db/migrations/000002_widen.up.sql": "ALTER TABLE users ALTER COLUMN email TYPE varchar(256);",
        "db/migrations/000002_widen.down.sql": "ALTER TABLE users ALTER COLUMN email TYPE varchar(128);",
      },
    },
    {
      name: "a binary-compatible widening known from an earlier migration",
      files: {
        "db/migrations/000001_users.up.sql": "CREATE TABLE users (id bigint, email varchar(100), total numeric(10,2));",
        "db/migrations/000002_widen.up.sql":
          "ALTER TABLE users ALTER COLUMN email TYPE text, ALTER COLUMN total TYPE numeric(12,2);",
      },
    },
    {
      name: "a MySQL MODIFY that restates the type to change nullability",
      files: {
        "migrations/mysql/2024-01-01-000000_a/up.sql": "CREATE TABLE t (a INTEGER);",
        "migrations/mysql/2024-02-01-000000_b/up.sql": "ALTER TABLE t MODIFY a INT NOT NULL;",
      },
    },
    {
      name: "a table created in the same migration",
      files: { "db/migrations/000003_x.up.sql": "CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN a TYPE bigint;" },
    },
    {
      name: "more timestamp precision, or none, is binary-compatible (PostgreSQL drops the length coercion)",
      files: {
        "db/migrations/000001_a.up.sql": 'CREATE TABLE "Event" ("createdAt" TIMESTAMP(3), "at" timestamptz(3));',
        "db/migrations/000002_b.up.sql":
          'ALTER TABLE "Event" ALTER COLUMN "createdAt" TYPE timestamp, ALTER COLUMN "at" TYPE timestamp(6) with time zone;',
      },
    },
    {
      name: "a serial column is an integer column: restating it as integer changes nothing",
      files: {
        "db/migrations/000001_a.up.sql": "CREATE TABLE t (id SERIAL PRIMARY KEY);",
        "db/migrations/000002_b.up.sql": "ALTER TABLE t ALTER COLUMN id TYPE integer;",
      },
    },
    {
      name: "a USING that only casts the column adds nothing to a widening",
      files: {
        "db/migrations/000001_a.up.sql": "CREATE TABLE t (a varchar(10));",
        "db/migrations/000002_b.up.sql": 'ALTER TABLE t ALTER COLUMN a TYPE text USING ("a"::text);',
      },
    },
    {
      name: "a down",
      files: { "db/migrations/000009_x.down.sql": "ALTER TABLE orders ALTER COLUMN total TYPE numeric(10,2);" },
    },
  ],
  invalid: [
    {
      name: "a DELETE with a WHERE leaves rows to rewrite",
      files: {
        "prisma/migrations/1_profiles/migration.sql": 'CREATE TABLE "UserProfile" ("id" INTEGER NOT NULL);',
        "prisma/migrations/2_public/migration.sql":
          'DELETE FROM "UserProfile" WHERE "id" < 0;\nALTER TABLE "UserProfile" ALTER COLUMN "id" SET DATA TYPE TEXT;',
      },
      errors: [
        {
          file: "prisma/migrations/2_public/migration.sql",
          messageId: "typeChange",
          data: { table: "UserProfile", column: "id", from: "integer", to: "text", effect: REWRITE },
          line: 2,
          column: 1,
        },
      ],
    },
    {
      name: "the down's type makes a known change (logto's passcode type, from an enum to varchar)",
      files: {
        "packages/schemas/alterations/1.0.0_beta.18-1672119200-align.ts":
          "import { sql } from '@silverhand/slonik';\n\nconst alteration = {\n  up: async (pool) => {\n    await pool.query(sql`\n      alter table passcodes alter column \"type\" type varchar(32);\n    `);\n  },\n  down: async (pool) => {\n    await pool.query(sql`\n      create type passcode_type as enum ('SignIn', 'Register');\n      alter table passcodes alter column \"type\" type passcode_type using type::passcode_type;\n    `);\n  },\n};\n\nexport default alteration;\n",
      },
      errors: [
        {
          messageId: "typeChange",
          data: { table: "passcodes", column: "type", from: "passcode_type", to: "varchar(32)", effect: REWRITE },
          line: 6,
          column: 7,
        },
      ],
    },
    {
      name: "a down that narrows the column back: from varchar(256) to varchar(128)",
      files: {
        "db/migrations/000003_narrow.up.sql": "ALTER TABLE users ALTER COLUMN email TYPE varchar(128);",
        "db/migrations/000003_narrow.down.sql": "ALTER TABLE users ALTER COLUMN email TYPE varchar(256);",
      },
      errors: [
        {
          messageId: "typeChange",
          data: { table: "users", column: "email", from: "varchar(256)", to: "varchar(128)", effect: REWRITE },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "the history wins over the down: the column was integer, whatever the down says",
      files: {
        "db/migrations/000001_a.up.sql": "CREATE TABLE users (n integer);",
        "db/migrations/000002_b.up.sql": "ALTER TABLE users ALTER COLUMN n TYPE varchar(20);",
        "db/migrations/000002_b.down.sql": "ALTER TABLE users ALTER COLUMN n TYPE varchar(10);",
      },
      errors: [
        {
          file: "db/migrations/000002_b.up.sql",
          messageId: "typeChange",
          data: { table: "users", column: "n", from: "integer", to: "varchar(20)", effect: REWRITE },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "a down that alters the column twice says nothing certain: the hedged wording stays",
      files: {
        "db/migrations/000004_x.up.sql": "ALTER TABLE users ALTER COLUMN email TYPE varchar(256);",
        "db/migrations/000004_x.down.sql":
          "ALTER TABLE users ALTER COLUMN email TYPE text;\nALTER TABLE users ALTER COLUMN email TYPE varchar(128);",
      },
      errors: [
        {
          messageId: "typeChangeUnknown",
          data: { table: "users", column: "email", to: "varchar(256)", effect: MAY_REWRITE },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      files: {
        "db/migrations/000002_create_orders.up.sql": "CREATE TABLE orders (id bigint, total numeric(10,2) NOT NULL);",
        "db/migrations/000009_orders_total_cents.up.sql":
          "ALTER TABLE orders ALTER COLUMN total TYPE bigint USING (total * 100)::bigint;",
      },
      errors: [
        {
          file: "db/migrations/000009_orders_total_cents.up.sql",
          messageId: "typeChange",
          data: { table: "orders", column: "total", from: "numeric(10,2)", to: "bigint", effect: REWRITE },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "an unknown old type, and a narrowing",
      files: {
        "db/migrations/000001_a.up.sql": "CREATE TABLE t (a varchar(100));",
        "db/migrations/000002_b.up.sql":
          "ALTER TABLE t ALTER COLUMN a TYPE varchar(50);\nALTER TABLE u ALTER COLUMN b TYPE text;",
      },
      errors: [
        { file: "db/migrations/000002_b.up.sql", messageId: "typeChange", line: 1, column: 1 },
        {
          file: "db/migrations/000002_b.up.sql",
          messageId: "typeChangeUnknown",
          data: { table: "u", column: "b", to: "text", effect: MAY_REWRITE },
          line: 2,
          column: 1,
        },
      ],
    },
    {
      name: "MySQL CHANGE to another type, after a rename",
      files: {
        "migrations/mysql/2024-01-01-000000_a/up.sql": "CREATE TABLE t (`key` TEXT);",
        "migrations/mysql/2024-02-01-000000_b/up.sql": "ALTER TABLE t CHANGE COLUMN `key` akey VARCHAR(10);",
      },
      errors: [
        {
          file: "migrations/mysql/2024-02-01-000000_b/up.sql",
          messageId: "typeChange",
          message:
            "Changing t.akey from text to varchar(10) copies the whole table (MySQL changes a column's type only with ALGORITHM=COPY), blocking writes, and running code that reads or writes the old type may fail.",
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "one finding per statement, naming each column and its change",
      files: {
        "prisma/migrations/20230101000000_a/migration.sql":
          'CREATE TABLE "Field" ("positionX" INTEGER, "positionY" INTEGER, "note" TEXT);',
        "prisma/migrations/20230621133446_b/migration.sql":
          'ALTER TABLE "Field" ALTER COLUMN "positionX" SET DEFAULT 0,\nALTER COLUMN "positionX" SET DATA TYPE DECIMAL(65,30),\nALTER COLUMN "positionY" SET DATA TYPE DECIMAL(65,30),\nALTER COLUMN "note" SET DATA TYPE JSONB USING "note"::jsonb;',
      },
      errors: [
        {
          file: "prisma/migrations/20230621133446_b/migration.sql",
          message:
            "Changing the types of Field columns (positionX and positionY from integer to numeric(65,30); note from text to jsonb) rewrites the table under an ACCESS EXCLUSIVE lock, blocking reads and writes, and running code that reads or writes the old types may fail.",
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "types are named one way: a serial column reads as its integer type, quotes and case do not matter",
      files: {
        "db/migrations/000001_a.up.sql": 'CREATE TABLE "Webhook" ("id" SERIAL, "owner" CHARACTER VARYING(36));',
        "db/migrations/000002_b.up.sql":
          'ALTER TABLE "Webhook" ALTER COLUMN "id" SET DATA TYPE TEXT;\nALTER TABLE "Webhook" ALTER COLUMN "owner" TYPE CHAR(40);',
      },
      errors: [
        {
          file: "db/migrations/000002_b.up.sql",
          data: { table: "Webhook", column: "id", from: "integer", to: "text", effect: REWRITE },
          messageId: "typeChange",
          line: 1,
          column: 1,
        },
        {
          file: "db/migrations/000002_b.up.sql",
          data: { table: "Webhook", column: "owner", from: "varchar(36)", to: "char(40)", effect: REWRITE },
          messageId: "typeChange",
          line: 2,
          column: 1,
        },
      ],
    },
    {
      name: "an enum re-created under its old name (old one renamed away first) is a type change",
      files: {
        "db/migrations/000001_a.up.sql": "CREATE TYPE role AS ENUM ('a', 'b', 'c');\nCREATE TABLE users (role role);",
        "db/migrations/000002_b.up.sql":
          "ALTER TYPE role RENAME TO role_old;\nCREATE TYPE role AS ENUM ('a', 'b');\nALTER TABLE users ALTER COLUMN role TYPE role USING role::text::role;\nDROP TYPE role_old;",
      },
      errors: [
        {
          file: "db/migrations/000002_b.up.sql",
          messageId: "recreatedType",
          data: { table: "users", column: "role", from: "role_old", to: "role", effect: REWRITE },
          line: 3,
          column: 1,
        },
      ],
    },
    {
      name: "Prisma's enum re-creation (a _new type, renamed afterwards) is a type change to a type the migration creates",
      files: {
        "prisma/migrations/20240101000000_a/migration.sql":
          'CREATE TYPE "Role" AS ENUM (\'A\', \'B\');\nCREATE TABLE "User" ("role" "Role" NOT NULL);',
        "prisma/migrations/20240201000000_b/migration.sql":
          'BEGIN;\nCREATE TYPE "Role_new" AS ENUM (\'A\');\nALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");\nALTER TYPE "Role" RENAME TO "Role_old";\nALTER TYPE "Role_new" RENAME TO "Role";\nDROP TYPE "Role_old";\nCOMMIT;',
      },
      errors: [
        {
          file: "prisma/migrations/20240201000000_b/migration.sql",
          message:
            "Changing User.role from Role to Role_new, a type this migration creates, rewrites the table under an ACCESS EXCLUSIVE lock, blocking reads and writes, and running code that writes a value Role_new lacks fails.",
          line: 3,
          column: 1,
        },
      ],
    },
    {
      name: "timestamp to timestamptz says what is true",
      files: {
        "db/migrations/000001_a.up.sql": "CREATE TABLE t (at timestamp(3));",
        "db/migrations/000002_b.up.sql": "ALTER TABLE t ALTER COLUMN at TYPE timestamp(3) with time zone;",
      },
      errors: [
        {
          file: "db/migrations/000002_b.up.sql",
          message:
            "Changing t.at from timestamp(3) to timestamptz(3) reads every stored value in the session time zone: PostgreSQL 12+ skips the table rewrite only when that time zone is UTC, and otherwise rewrites the table under an ACCESS EXCLUSIVE lock.",
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "a USING that computes the value rewrites even when the type stays, quoted as written",
      files: {
        "db/migrations/000001_a.up.sql": "CREATE TABLE orders (total bigint);",
        "db/migrations/000002_b.up.sql": "ALTER TABLE orders ALTER COLUMN total TYPE bigint USING total * 100;",
      },
      errors: [
        {
          file: "db/migrations/000002_b.up.sql",
          message:
            "Changing orders.total to bigint USING total * 100 computes every value anew, so PostgreSQL rewrites the table under an ACCESS EXCLUSIVE lock, blocking reads and writes.",
          line: 1,
          column: 1,
        },
      ],
    },
  ],
});
