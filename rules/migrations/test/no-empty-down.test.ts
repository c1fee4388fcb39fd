import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-empty-down", {
  valid: [
    {
      name: "an up that only validates has nothing to undo",
      files: {
        "db/migrations/20260106120000_validate.sql":
          "-- migrate:up\nALTER TABLE invoices VALIDATE CONSTRAINT fk;\n\n-- migrate:down\n-- VALIDATE CONSTRAINT changes no schema.\n",
      },
    },
    {
      name: "a down that undoes",
      files: {
        "db/migrations/000010_idx.up.sql": "CREATE INDEX CONCURRENTLY i ON orders (status);",
        "db/migrations/000010_idx.down.sql": "DROP INDEX CONCURRENTLY i;",
      },
    },
    {
      name: "a data-only up",
      files: {
        "db/migrations/000012_fix.up.sql": "UPDATE orders SET status = 'paid' WHERE id = 7;",
        "db/migrations/000012_fix.down.sql": "",
      },
    },
    {
      name: "Liquibase: `--rollback empty` / `not required` say so on purpose; a data-only changeset has nothing to undo",
      files: {
        "db/changelog/changes.sql":
          "--liquibase formatted sql\n--changeset ann:1\nCREATE TABLE a (id bigint);\n--rollback empty\n--changeset ann:2\nCREATE INDEX a_idx ON a (id);\n--rollback not required\n--changeset ann:3\nINSERT INTO a VALUES (1);\n--rollback SELECT 1;\n--changeset ann:4\nCREATE TABLE b (id bigint);\n--rollback DROP TABLE b;\n",
      },
    },
    {
      name: "irreversible on purpose: a marker in a dbmate down, in a diesel down.sql, in a golang-migrate up",
      files: {
        "db/migrations/20260101000001_drop.sql":
          "-- migrate:up\nALTER TABLE t DROP COLUMN legacy;\n\n-- migrate:down\n-- deploylint: irreversible -- the column's data is gone; restore from the backup\n",
        "migrations/2024-01-01-000000_drop/up.sql": "ALTER TABLE t DROP COLUMN legacy;",
        "migrations/2024-01-01-000000_drop/down.sql": "-- deploylint: irreversible\n",
        "db/migrations/000020_drop.up.sql":
          "-- deploylint: irreversible (data migration)\nALTER TABLE t DROP COLUMN c;",
        "db/migrations/000020_drop.down.sql": "",
      },
    },
    {
      name: "irreversible on purpose: a down that raises, and one a comment says is empty on purpose",
      files: {
        "db/migrations/000021_x.up.sql": "ALTER TABLE t DROP COLUMN c;",
        "db/migrations/000021_x.down.sql": "DO $$ BEGIN RAISE EXCEPTION 'irreversible: c is gone'; END $$;",
        "db/migrations/20260106185235_v1_0_68.sql":
          "-- +goose Up\nALTER TABLE t ADD COLUMN IF NOT EXISTS v int;\n\n-- +goose Down\n-- +goose StatementBegin\n-- NOTE: Down migration intentionally left empty.\n-- +goose StatementEnd\n",
      },
    },
    {
      name: "an enum value cannot be removed: no down can undo ALTER TYPE … ADD VALUE",
      files: {
        "db/migrations/20260215120000_ruby.sql":
          "-- +goose Up\nALTER TYPE \"WorkerSDKS\" ADD VALUE IF NOT EXISTS 'RUBY';\n\n-- +goose Down\n",
      },
    },
    {
      name: "role, privilege and ownership statements are judged as GRANT is, in a DO block or not",
      files: {
        "db/migrations/000030_access.up.sql":
          "GRANT SELECT ON t TO app;\nALTER ROLE app SET search_path = app, public;\nALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO reader;\nALTER TABLE t OWNER TO app;\nALTER SEQUENCE t_id_seq OWNER TO app;\nALTER FUNCTION f(int) OWNER TO app;\nREVOKE ALL ON t FROM PUBLIC;\nCREATE ROLE reader NOLOGIN;\nDO $$ BEGIN ALTER ROLE app SET statement_timeout = '5s'; END $$;",
        "db/migrations/000030_access.down.sql": "",
      },
    },
    {
      name: "a knex down that throws",
      files: {
        "migrations/20240101000000_drop.js":
          "exports.up = (knex) => knex.schema.table('t', (t) => t.dropColumn('c'));\nexports.down = async () => {\n  // data loss\n  throw new Error('Irreversible migration');\n};\n",
      },
    },
  ],
  invalid: [
    {
      name: "a comment that does not say the down is empty on purpose",
      files: {
        "db/migrations/000022_x.up.sql": "ALTER TABLE t ADD COLUMN c int;",
        "db/migrations/000022_x.down.sql": "-- TODO\n",
      },
      errors: [{ file: "db/migrations/000022_x.down.sql", messageId: "emptyDown", line: 1, column: 1 }],
    },
    {
      files: {
        "db/migrations/000010_index_orders_status.up.sql":
          "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);",
        "db/migrations/000010_index_orders_status.down.sql": "",
      },
      errors: [
        {
          file: "db/migrations/000010_index_orders_status.down.sql",
          messageId: "emptyDown",
          data: { name: "000010_index_orders_status", upLine: 1 },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "a dbmate down of only SELECT 1, at that statement",
      files: {
        "db/migrations/20260101000000_x.sql":
          "-- migrate:up\nCREATE TABLE t (a int);\n\n-- migrate:down\n\n  SELECT 1;\n",
      },
      errors: [{ file: "db/migrations/20260101000000_x.sql", messageId: "emptyDown", line: 6, column: 3 }],
    },
    {
      name: "a golang-migrate down whose only statement comes after a header, at that statement",
      files: {
        "db/migrations/000023_x.up.sql": "ALTER TABLE t ADD COLUMN c int;",
        "db/migrations/000023_x.down.sql": "-- Reverts 000023.\n-- Generated.\n\nSET statement_timeout = 0;\n",
      },
      errors: [{ file: "db/migrations/000023_x.down.sql", messageId: "emptyDown", line: 4, column: 1 }],
    },
    {
      name: "a diesel down of only comments",
      files: {
        "migrations/2024-01-01-000000_x/up.sql": "ALTER TABLE t ADD COLUMN a int;",
        "migrations/2024-01-01-000000_x/down.sql": "-- nothing\n",
      },
      errors: [{ file: "migrations/2024-01-01-000000_x/down.sql", messageId: "emptyDown", line: 1, column: 1 }],
    },
    {
      name: "Liquibase: the changeset whose rollback does nothing, at its rollback line",
      files: {
        "db/changelog/changes.sql":
          "--liquibase formatted sql\n\n--changeset ann:1\nCREATE TABLE a (id bigint);\n--rollback DROP TABLE a;\n\n--changeset ann:2\nALTER TABLE a ADD COLUMN note text;\n--rollback SELECT 1;\n",
      },
      errors: [
        {
          file: "db/changelog/changes.sql",
          messageId: "emptyRollback",
          data: { changeset: "ann:2", upLine: 8 },
          line: 9,
          column: 1,
        },
      ],
    },
  ],
});
