import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("down-reverses-up", {
  valid: [
    {
      // logto: the up replaces a primary key under two possible old names; the down gives it one back.
      name: "a primary key dropped (its index too) and added again, and a down that restores a primary key",
      files: {
        "db/migrations/000041_keys.up.sql":
          "ALTER TABLE roles DROP CONSTRAINT IF EXISTS roles_pkey;\nDROP INDEX IF EXISTS roles_pkey;\nALTER TABLE roles ADD PRIMARY KEY (id);\nALTER TABLE roles_scopes DROP CONSTRAINT IF EXISTS roles_permission_pkey, DROP CONSTRAINT IF EXISTS roles_scopes_pkey, ADD PRIMARY KEY (role_id, scope_id);",
        "db/migrations/000041_keys.down.sql":
          "ALTER TABLE roles_scopes DROP CONSTRAINT IF EXISTS roles_scopes_pkey, ADD PRIMARY KEY (role_id, scope_id);",
      },
    },
    {
      name: "names a script builds at run time are not matched as text",
      files: {
        "migrations/1.0.0-1674032095-add-id.ts": [
          'import { sql } from "@silverhand/slonik";',
          "export default {",
          "  up: async (pool) => {",
          "    for (const table of tables) {",
          "      await pool.query(sql`alter table ${sql.identifier([table])} drop constraint ${sql.identifier([table + '_pkey'])}, add primary key (id);`);",
          "    }",
          "  },",
          "  down: async (pool) => {",
          "    for (const table of tables) {",
          "      await pool.query(sql`alter table ${sql.identifier([table])} drop column id, add primary key (tenant_id);`);",
          "    }",
          "  },",
          "};",
        ].join("\n"),
      },
    },
    {
      name: "knex: an index dropped by its columns is the one knex named when it created it",
      files: {
        "migrations/20260101000000_idx.js":
          'exports.up = (knex) => knex.schema.alterTable("orders", (t) => {\n  t.index(["status"]);\n  t.unique(["ref"]);\n});\nexports.down = (knex) => knex.schema.alterTable("orders", (t) => {\n  t.dropUnique(["ref"]);\n  t.dropIndex(["status"]);\n});\n',
      },
    },
    {
      name: "each change undone",
      files: {
        "db/migrations/000007_coupons.up.sql":
          "CREATE TABLE coupons (id bigint PRIMARY KEY);\nALTER TABLE orders ADD COLUMN coupon_id bigint;\nALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (coupon_id) REFERENCES coupons (id) NOT VALID;",
        "db/migrations/000007_coupons.down.sql":
          "ALTER TABLE orders DROP CONSTRAINT fk;\nALTER TABLE orders DROP COLUMN coupon_id;\nDROP TABLE coupons;",
      },
    },
    {
      name: "renames and type changes reversed; indexes go with their table",
      files: {
        "db/migrations/20260101000000_x.sql":
          "-- migrate:up\nCREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nALTER TABLE u RENAME COLUMN a TO b;\nALTER TABLE u ALTER COLUMN c TYPE bigint;\n-- migrate:down\nALTER TABLE u ALTER COLUMN c TYPE int;\nALTER TABLE u RENAME COLUMN b TO a;\nDROP TABLE t;\n",
      },
    },
    {
      name: "an enum re-created under a new name and renamed back is undone by dropping its final name",
      files: {
        "db/migrations/000009_limits.up.sql":
          'CREATE TYPE "Limit_new" AS ENUM (\'A\');\nALTER TABLE l ALTER COLUMN r TYPE "Limit_new" USING r::text::"Limit_new";\nDROP TYPE "Limit";\nALTER TYPE "Limit_new" RENAME TO "Limit";',
        "db/migrations/000009_limits.down.sql":
          'CREATE TYPE "Limit_old" AS ENUM (\'A\', \'B\');\nALTER TABLE l ALTER COLUMN r TYPE "Limit_old" USING r::text::"Limit_old";\nDROP TYPE "Limit";\nALTER TYPE "Limit_old" RENAME TO "Limit";',
      },
    },
    {
      name: "a drop-and-recreate of one table",
      files: {
        "migrations/2024-02-14-170000_x/up.sql": "DROP TABLE IF EXISTS n;\nCREATE TABLE n (id int);",
        "migrations/2024-02-14-170000_x/down.sql": "DROP TABLE n;\nCREATE TABLE n (id text);",
      },
    },
    {
      name: "Liquibase: each changeset judged against its own rollback (a changeset without one is require-down's)",
      files: {
        "migrations/changelog.sql":
          "--liquibase formatted sql\n\n--changeset alice:1\nCREATE TABLE a (id bigint);\n--rollback DROP TABLE a;\n\n--changeset alice:2\nCREATE TABLE b (id bigint);\n\n--changeset alice:3 runInTransaction:false\nCREATE INDEX CONCURRENTLY a_idx ON a (id);\n--rollback DROP INDEX a_idx;\n",
      },
    },
    {
      name: "Liquibase: rollback not required / empty, a multi-line rollback, another changeset's rollback",
      files: {
        "db/changelog/changes.sql":
          "--liquibase formatted sql\n--changeset ann:1\nCREATE TABLE a (id bigint);\n--rollback not required\n--changeset ann:2\nCREATE TABLE b (id bigint);\n--rollback empty\n--changeset ann:3\nCREATE TABLE c (id bigint);\nALTER TABLE a ADD COLUMN c_id bigint;\n--rollback ALTER TABLE a\n--rollback   DROP COLUMN c_id;\n/* liquibase rollback\nDROP TABLE c;\n*/\n--changeset ann:4\nCREATE TABLE d (id bigint);\n--rollback changesetId:1 changesetAuthor:ann\n",
      },
    },
    {
      name: "dropping a column takes the up's index and constraints on it along (PostgreSQL does it implicitly)",
      files: {
        "db/migrations/000011_c.up.sql":
          "ALTER TABLE t ADD COLUMN c int;\nALTER TABLE t ADD COLUMN d int REFERENCES u (id) UNIQUE;\nCREATE INDEX t_c_i ON t (c);\nALTER TABLE t ADD CONSTRAINT t_c_fk FOREIGN KEY (c) REFERENCES u (id);",
        "db/migrations/000011_c.down.sql": "ALTER TABLE t DROP COLUMN d;\nALTER TABLE t DROP COLUMN c;",
      },
    },
    {
      name: "a partial index goes with the column its WHERE names",
      files: {
        "db/migrations/000017_p.up.sql":
          "ALTER TABLE r ADD COLUMN evicted_at timestamptz;\nCREATE INDEX r_live_idx ON r (tenant_id) WHERE evicted_at IS NULL;\nCREATE INDEX r_lower_idx ON r (lower(evicted_at::text));",
        "db/migrations/000017_p.down.sql": "ALTER TABLE r DROP COLUMN evicted_at;",
      },
    },
    {
      name: "unnamed indexes and constraints are matched by the name PostgreSQL gives them",
      files: {
        "db/migrations/000012_n.up.sql":
          "CREATE INDEX ON orders (status);\nALTER TABLE users DROP CONSTRAINT users_email_key;\nALTER TABLE users DROP CONSTRAINT users_pkey;\nALTER TABLE t DROP CONSTRAINT t_a_check;",
        "db/migrations/000012_n.down.sql":
          "ALTER TABLE t ADD CHECK (a > 0);\nALTER TABLE users ADD PRIMARY KEY (id);\nALTER TABLE users ADD UNIQUE (email);\nDROP INDEX orders_status_idx;",
      },
    },
    {
      name: "MySQL: an unnamed UNIQUE is named after its first column and dropped as an index",
      files: {
        "db/migrations/mysql/000018_u.up.sql":
          "ALTER TABLE users ADD UNIQUE (email);\nALTER TABLE users ADD INDEX (created_at);",
        "db/migrations/mysql/000018_u.down.sql": "DROP INDEX created_at ON users;\nDROP INDEX email ON users;",
      },
    },
    {
      name: "a table renamed back first, then its column dropped under the old name",
      files: {
        "db/migrations/000013_r.up.sql":
          "ALTER TABLE a RENAME TO b;\nALTER TABLE b ADD COLUMN c int;\nALTER TABLE b RENAME COLUMN d TO e;",
        "db/migrations/000013_r.down.sql":
          "ALTER TABLE b RENAME TO a;\nALTER TABLE a DROP COLUMN c;\nALTER TABLE a RENAME COLUMN e TO d;",
      },
    },
    {
      name: "a column added and renamed in the up is undone by dropping its final name",
      files: {
        "db/migrations/000014_r.up.sql": "ALTER TABLE t ADD COLUMN c_tmp int;\nALTER TABLE t RENAME COLUMN c_tmp TO c;",
        "db/migrations/000014_r.down.sql": "ALTER TABLE t DROP COLUMN c;",
      },
    },
    {
      name: "a temporary table and a temporary constraint of the up net out",
      files: {
        "db/migrations/20260514175834_x.sql":
          "-- +goose Up\nCREATE TEMP TABLE ids (id int);\nDROP TABLE ids;\nALTER TABLE t ADD CONSTRAINT t_x_nn CHECK (x IS NOT NULL) NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT t_x_nn;\nALTER TABLE t ALTER COLUMN x SET NOT NULL;\nALTER TABLE t DROP CONSTRAINT t_x_nn;\n-- +goose Down\nALTER TABLE t ALTER COLUMN x DROP NOT NULL;\n",
      },
    },
    {
      name: "indexes built on each partition are attached to the parent's, and dropped with it",
      files: {
        "db/migrations/20251007220652_p.sql":
          "-- +goose no transaction\n-- +goose Up\nCREATE INDEX CONCURRENTLY IF NOT EXISTS wal_0_poll_idx ON wal_0 (tenant_id, offload_at);\nCREATE INDEX CONCURRENTLY IF NOT EXISTS wal_1_poll_idx ON wal_1 (tenant_id, offload_at);\nCREATE INDEX IF NOT EXISTS wal_poll_idx ON wal (tenant_id, offload_at);\n\n-- +goose Down\nDROP INDEX IF EXISTS wal_poll_idx;\n",
      },
    },
    {
      name: "a goose StatementBegin block keeps its final semicolon out of the name",
      files: {
        "db/migrations/20250912163904_s.sql":
          "-- +goose Up\n-- +goose StatementBegin\nCREATE INDEX wal_lookup_idx ON wal (payload_id);\n-- +goose StatementEnd\n\n-- +goose Down\n-- +goose StatementBegin\nDROP INDEX wal_lookup_idx;\n-- +goose StatementEnd\n",
      },
    },
    {
      name: "an empty down is no-empty-down's finding",
      files: { "db/migrations/000001_x.up.sql": "CREATE TABLE t (a int);", "db/migrations/000001_x.down.sql": "" },
    },
  ],
  invalid: [
    {
      name: "in a down file, at the down's statement on the same table, not at line 1",
      files: {
        "db/migrations/000024_n.up.sql":
          "ALTER TABLE users ADD COLUMN nick text;\nALTER TABLE orders ADD COLUMN note text;\nALTER TABLE orders ADD COLUMN tag text;",
        "db/migrations/000024_n.down.sql":
          "-- Reverts 000024.\n\nALTER TABLE users DROP COLUMN nick;\n  ALTER TABLE orders DROP COLUMN tag;\n",
      },
      errors: [
        {
          file: "db/migrations/000024_n.down.sql",
          messageId: "notReversed",
          data: { change: "ADD COLUMN orders.note", line: 2, expected: "DROP COLUMN orders.note" },
          line: 4,
          column: 3,
        },
      ],
    },
    {
      name: "in a down file, at its first statement when none touches the change's table",
      files: {
        "db/migrations/000025_n.up.sql": "CREATE TABLE a (id int);\nCREATE TABLE b (id int);",
        "db/migrations/000025_n.down.sql": "-- Reverts 000025.\n\nDROP TABLE a;\n",
      },
      errors: [
        {
          file: "db/migrations/000025_n.down.sql",
          messageId: "notReversed",
          data: { change: "CREATE TABLE b", line: 2, expected: "DROP TABLE b" },
          line: 3,
          column: 1,
        },
      ],
    },
    {
      name: "an unnamed index the down never drops is named as PostgreSQL names it",
      files: {
        "db/migrations/000015_i.up.sql":
          "CREATE INDEX ON orders (status, created_at);\nALTER TABLE orders ADD COLUMN note text;",
        "db/migrations/000015_i.down.sql": "ALTER TABLE orders DROP COLUMN note;",
      },
      errors: [
        {
          file: "db/migrations/000015_i.down.sql",
          messageId: "notReversed",
          data: {
            change: "CREATE INDEX on orders (named orders_status_created_at_idx)",
            line: 1,
            expected: "DROP INDEX orders_status_created_at_idx",
          },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "dropping another column of the table does not take the constraint along",
      files: {
        "db/migrations/000016_f.up.sql":
          "ALTER TABLE t ADD CONSTRAINT t_x_fk FOREIGN KEY (x) REFERENCES u (id);\nALTER TABLE t ADD COLUMN y int;",
        "db/migrations/000016_f.down.sql": "ALTER TABLE t DROP COLUMN y;",
      },
      errors: [
        {
          file: "db/migrations/000016_f.down.sql",
          messageId: "notReversed",
          data: { change: "ADD CONSTRAINT t_x_fk", line: 1, expected: "DROP CONSTRAINT t_x_fk" },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "a renamed type the down never drops is named by its final name",
      files: {
        "db/migrations/000010_t.up.sql": "CREATE TYPE mood_new AS ENUM ('a');\nALTER TYPE mood_new RENAME TO mood;",
        "db/migrations/000010_t.down.sql": "DROP TABLE other;",
      },
      errors: [
        {
          file: "db/migrations/000010_t.down.sql",
          messageId: "notReversed",
          data: { change: "CREATE TYPE mood", line: 1, expected: "DROP TYPE mood" },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      files: {
        "db/migrations/000002_x.up.sql": "CREATE TABLE coupons (id int);\nALTER TABLE orders ADD COLUMN coupon_id int;",
        "db/migrations/000002_x.down.sql": "DROP TABLE coupons;",
      },
      errors: [
        {
          file: "db/migrations/000002_x.down.sql",
          messageId: "notReversed",
          data: { change: "ADD COLUMN orders.coupon_id", line: 2, expected: "DROP COLUMN orders.coupon_id" },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "a dropped index not recreated, in a goose file",
      files: {
        "db/migrations/00003_x.sql":
          "-- +goose Up\nDROP INDEX orders_status_idx;\nALTER TABLE t DROP COLUMN z;\n-- +goose Down\nALTER TABLE t ADD COLUMN z int;\n",
      },
      errors: [
        {
          file: "db/migrations/00003_x.sql",
          messageId: "notReversed",
          data: { change: "DROP INDEX orders_status_idx", line: 2, expected: "CREATE INDEX orders_status_idx" },
          // The down's first statement: the dropped index names no table the down touches.
          line: 5,
          column: 1,
        },
      ],
    },
    {
      name: "Liquibase: another changeset's rollback does not undo this one",
      files: {
        "db/changelog/changes.sql":
          "--liquibase formatted sql\n\n--changeset ann:1\nCREATE TABLE a (id bigint);\n--rollback DROP TABLE b;\n\n--changeset ann:2\nCREATE TABLE b (id bigint);\nCREATE INDEX b_idx ON b (id);\n--rollback DROP INDEX b_idx;\n--rollback DROP TABLE a;\n",
      },
      errors: [
        {
          file: "db/changelog/changes.sql",
          messageId: "changesetNotReversed",
          data: { changeset: "ann:1", change: "CREATE TABLE a", line: 4, expected: "DROP TABLE a" },
          line: 5,
          column: 1,
        },
        {
          file: "db/changelog/changes.sql",
          messageId: "changesetNotReversed",
          data: { changeset: "ann:2", change: "CREATE TABLE b", line: 8, expected: "DROP TABLE b" },
          line: 10,
          column: 1,
        },
      ],
    },
  ],
});
