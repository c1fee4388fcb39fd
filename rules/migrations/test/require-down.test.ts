import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("require-down", {
  valid: [
    {
      name: "a Liquibase changelog without a changeset applies nothing",
      filename: "db/changelog/empty.sql",
      code: "--liquibase formatted sql\n-- changesets move to 002-orders.sql\n",
    },
    {
      name: "an up that only adds an enum value has nothing a down could undo",
      files: {
        "db/migrations/20260817202606_v1_0_143.sql":
          "-- +goose Up\n-- +goose StatementBegin\nALTER TYPE \"TenantMemberRole\" ADD VALUE 'VIEWER';\n-- +goose StatementEnd\n",
      },
    },
    {
      name: "a golang-migrate pair",
      files: {
        "db/migrations/000001_users.up.sql": "CREATE TABLE users (id int);",
        "db/migrations/000001_users.down.sql": "DROP TABLE users;",
      },
    },
    {
      name: "a diesel folder with both files",
      files: {
        "migrations/2024-01-01-000000_users/up.sql": "CREATE TABLE users (id int);",
        "migrations/2024-01-01-000000_users/down.sql": "DROP TABLE users;",
      },
    },
    {
      name: "suppressed for the file, with a reason",
      files: {
        "db/migrations/000003_x.up.sql":
          "-- deploylint-disable migrations/require-down -- irreversible by design, restore from backup\nALTER TABLE users DROP COLUMN legacy_name;",
      },
    },
    {
      name: "Prisma has no down by default",
      files: { "prisma/migrations/20240101000000_init/migration.sql": "CREATE TABLE a (id int);" },
    },
    {
      name: "Flyway without any undo migration in the project",
      files: { "db/migration/V1__init.sql": "CREATE TABLE a (id int);" },
    },
    {
      name: "Liquibase rollback not required",
      files: {
        "db/changelog/a.sql":
          "--liquibase formatted sql\n--changeset a:1\nINSERT INTO t VALUES (1);\n--rollback not required\n",
      },
    },
    {
      name: "Liquibase: every changeset has its own rollback, or says it needs none",
      files: {
        "db/changelog/changes.sql":
          "--liquibase formatted sql\n\n--changeset ann:1\nCREATE TABLE a (id bigint);\n--rollback DROP TABLE a;\n\n--changeset ann:2\nINSERT INTO a VALUES (1);\n--rollback not required\n\n--changeset ann:3\nUPDATE a SET id = 2 WHERE id = 1;\n--rollback empty\n\n--changeset ann:4 runInTransaction:false\nCREATE INDEX CONCURRENTLY a_idx ON a (id);\n--rollback DROP INDEX a_idx;\n",
      },
    },
    {
      name: "Liquibase: a multi-line rollback block",
      files: {
        "db/changelog/changes.sql":
          "--liquibase formatted sql\n--changeset ann:1\nCREATE TABLE a (id bigint);\n/* liquibase rollback\nDROP TABLE a;\n*/\n",
      },
    },
    {
      name: "sqitch deploy with its revert",
      files: {
        "deploy/widgets.sql": "-- Deploy app:widgets to pg\nCREATE TABLE widgets (id int);",
        "revert/widgets.sql": "-- Revert app:widgets from pg\nDROP TABLE widgets;",
      },
    },
  ],
  invalid: [
    {
      name: "irreversible on purpose is noted at info, with the author's reason",
      files: {
        "db/migrations/20260101000001_drop.sql":
          "-- migrate:up\nALTER TABLE t DROP COLUMN legacy;\n\n-- migrate:down\n-- deploylint: irreversible -- restore legacy from the backup\n",
        "db/migrations/000021_x.up.sql": "ALTER TABLE t DROP COLUMN c;",
        "db/migrations/000021_x.down.sql":
          "-- Reverts 000021.\n\nDO $$ BEGIN RAISE EXCEPTION 'c is gone for good'; END $$;",
        "migrations/20240101000000_drop.js":
          "exports.up = (knex) => knex.schema.table('t', (t) => t.dropColumn('c'));\nexports.down = async () => {\n  throw new Error('Irreversible migration');\n};\n",
        "db/migrations/000022_y.up.sql": "-- deploylint: irreversible\nALTER TABLE t DROP COLUMN d;",
      },
      errors: [
        {
          file: "db/migrations/000021_x.down.sql",
          messageId: "irreversible",
          data: { name: "000021_x", reason: "c is gone for good" },
          severity: "info",
          // At the statement that raises, past the file's header.
          line: 3,
          column: 1,
        },
        {
          file: "db/migrations/000022_y.up.sql",
          messageId: "irreversible",
          data: { name: "000022_y", reason: "marked `deploylint: irreversible`" },
          severity: "info",
          line: 1,
          column: 1,
        },
        {
          file: "db/migrations/20260101000001_drop.sql",
          messageId: "irreversible",
          data: { name: "20260101000001_drop", reason: "restore legacy from the backup" },
          severity: "info",
          line: 5,
          column: 1,
        },
        {
          file: "migrations/20240101000000_drop.js",
          messageId: "irreversible",
          data: { name: "20240101000000_drop", reason: "Irreversible migration" },
          severity: "info",
          line: 3,
          column: 1,
        },
      ],
    },
    {
      name: "Liquibase: `--rollback not required` on a schema change is noted at info",
      files: {
        "db/changelog/changes.sql":
          "--liquibase formatted sql\n--changeset ann:1\nALTER TABLE a DROP COLUMN b;\n--rollback not required\n--changeset ann:2\nINSERT INTO a VALUES (1);\n--rollback not required\n",
      },
      errors: [
        {
          file: "db/changelog/changes.sql",
          messageId: "changesetIrreversible",
          data: { changeset: "ann:1" },
          severity: "info",
          line: 4,
          column: 1,
        },
      ],
    },
    {
      files: { "db/migrations/000003_drop_legacy_name.up.sql": "ALTER TABLE users DROP COLUMN legacy_name;" },
      errors: [
        {
          file: "db/migrations/000003_drop_legacy_name.up.sql",
          messageId: "missingDown",
          data: { name: "000003_drop_legacy_name", where: "a .down.sql file next to it" },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "a dbmate file without -- migrate:down",
      files: { "db/migrations/20260101000000_x.sql": "-- migrate:up\nCREATE TABLE t (a int);\n" },
      errors: [{ file: "db/migrations/20260101000000_x.sql", messageId: "missingDown", line: 1, column: 1 }],
    },
    {
      name: "Flyway versioned migration without undo where the project uses undo",
      files: {
        "db/migration/V1__a.sql": "CREATE TABLE a (id int);",
        "db/migration/U1__a.sql": "DROP TABLE a;",
        "db/migration/V2__b.sql": "CREATE TABLE b (id int);",
      },
      errors: [{ file: "db/migration/V2__b.sql", messageId: "missingDown", line: 1, column: 1 }],
    },
    {
      name: "Liquibase: the changeset without a rollback, at its --changeset line",
      files: {
        "migrations/changelog.sql":
          "--liquibase formatted sql\n\n--changeset alice:1\nCREATE TABLE a (id bigint);\n--rollback DROP TABLE a;\n\n--changeset alice:2\nCREATE TABLE b (id bigint);\n\n--changeset alice:3 runInTransaction:false\nCREATE INDEX CONCURRENTLY a_idx ON a (id);\n--rollback DROP INDEX a_idx;\n",
      },
      errors: [
        {
          file: "migrations/changelog.sql",
          messageId: "missingRollback",
          data: { changeset: "alice:2" },
          line: 7,
          column: 1,
        },
      ],
    },
    {
      name: "Liquibase: `--rollback not required` exempts only its own changeset",
      files: {
        "db/changelog/changes.sql":
          "--liquibase formatted sql\n--changeset ann:seed\nINSERT INTO a VALUES (1);\n--rollback not required\n--changeset ann:b\nCREATE TABLE b (id bigint);\n",
      },
      errors: [
        {
          file: "db/changelog/changes.sql",
          messageId: "missingRollback",
          data: { changeset: "ann:b" },
          line: 5,
          column: 1,
        },
      ],
    },
    {
      name: "Liquibase: a data-only changeset needs a rollback too (Liquibase cannot undo formatted SQL on its own)",
      files: {
        "db/changelog/changes.sql":
          "--liquibase formatted sql\n--changeset ann:1\nCREATE TABLE a (id bigint);\n--rollback DROP TABLE a;\n--changeset ann:2\nINSERT INTO a VALUES (1);\n",
      },
      errors: [
        {
          file: "db/changelog/changes.sql",
          messageId: "missingRollback",
          data: { changeset: "ann:2" },
          line: 5,
          column: 1,
        },
      ],
    },
    {
      name: "Liquibase: a file of one changeset without a rollback, named with a quoted author",
      files: {
        "db/changelog/changes.sql":
          '--liquibase formatted sql\n\n--changeset "Ann Lee":7 labels:x\nCREATE TABLE b (id bigint);\n',
      },
      errors: [
        {
          file: "db/changelog/changes.sql",
          messageId: "missingRollback",
          data: { changeset: '"Ann Lee":7' },
          line: 3,
          column: 1,
        },
      ],
    },
    {
      name: "Prisma when the option asks for downs everywhere",
      options: { upOnlyFrameworks: true },
      files: { "prisma/migrations/20240101000000_init/migration.sql": "CREATE TABLE a (id int);" },
      errors: [
        { file: "prisma/migrations/20240101000000_init/migration.sql", messageId: "missingDown", line: 1, column: 1 },
      ],
    },
  ],
});
