import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("no-table-rewrite", {
  valid: [
    {
      name: "a table emptied earlier in the migration (hatchet truncates before a patch)",
      filename: "db/migrations/000020_x.up.sql",
      code: "TRUNCATE offsets;\nALTER TABLE offsets ADD COLUMN lease uuid DEFAULT gen_random_uuid();",
    },
    {
      name: "a stable default (PostgreSQL 11+ adds it without a rewrite)",
      filename: "db/migrations/000001_x.up.sql",
      code: "ALTER TABLE t ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();",
    },
    {
      name: "a table created in the same migration",
      filename: "db/migrations/000002_x.up.sql",
      code: "CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN id uuid DEFAULT gen_random_uuid();",
    },
    {
      name: "non-volatile built-ins, casts, and a function the migration declares IMMUTABLE",
      filename: "db/migrations/000007_x.up.sql",
      code: "CREATE FUNCTION app.default_region() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT random()::text $$;\nALTER TABLE t ADD COLUMN region text DEFAULT app.default_region();\nALTER TABLE t ADD COLUMN at timestamptz DEFAULT timezone('utc', CURRENT_TIMESTAMP(3));\nALTER TABLE t ADD COLUMN tags jsonb DEFAULT jsonb_build_array()::jsonb;\nALTER TABLE t ADD COLUMN c varchar(10) DEFAULT 'x'::varchar(10);",
    },
    { name: "plain VACUUM", filename: "db/migrations/000003_x.up.sql", code: "VACUUM ANALYZE t;" },
    {
      name: "MySQL INPLACE",
      filename: "db/migrations/mysql/000004_x.up.sql",
      code: "ALTER TABLE t ADD COLUMN a int, ALGORITHM=INPLACE, LOCK=NONE;",
    },
    {
      name: "a default calling a function an earlier migration of the history declares IMMUTABLE or STABLE",
      files: {
        "db/migrations/000030_fn.up.sql":
          "CREATE FUNCTION short_code() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'a' $$;\nCREATE OR REPLACE FUNCTION app.tenant() RETURNS text LANGUAGE sql STABLE AS $$ SELECT current_setting('app.tenant') $$;",
        "db/migrations/000031_col.up.sql":
          "ALTER TABLE users ADD COLUMN code text NOT NULL DEFAULT short_code();\nALTER TABLE users ADD COLUMN tenant text DEFAULT app.tenant();",
      },
    },
    {
      name: "with --changed-since, an unchanged migration is not reported, and the functions it declares still count",
      changes: { added: ["db/migrations/000061_col.up.sql"] },
      files: {
        "db/migrations/000060_old.up.sql":
          "CREATE FUNCTION stamp() RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'a' $$;\nALTER TABLE t ADD COLUMN id uuid DEFAULT gen_random_uuid();",
        "db/migrations/000061_col.up.sql": "ALTER TABLE t ADD COLUMN s text DEFAULT stamp();",
      },
    },
  ],
  invalid: [
    {
      name: "a function an earlier migration creates without a volatility is VOLATILE; a declaration in a later one does not count",
      files: {
        "db/migrations/000040_fn.up.sql": "CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'a' $$;",
        "db/migrations/000041_col.up.sql":
          "ALTER TABLE users ADD COLUMN code text DEFAULT next_code();\nALTER TABLE users ADD COLUMN ref text DEFAULT later_fn();",
        "db/migrations/000042_fn.up.sql":
          "CREATE FUNCTION later_fn() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'a' $$;",
      },
      errors: [
        {
          file: "db/migrations/000041_col.up.sql",
          messageId: "volatileDefault",
          data: { column: "code", table: "users", expr: "next_code()" },
          line: 1,
          column: 1,
        },
        {
          file: "db/migrations/000041_col.up.sql",
          messageId: "volatileDefault",
          data: { column: "ref", table: "users", expr: "later_fn()" },
          line: 2,
          column: 1,
        },
      ],
    },
    {
      name: "a function re-created as VOLATILE by a later migration is volatile from then on",
      files: {
        "db/migrations/000050_fn.up.sql":
          "CREATE FUNCTION pick() RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;",
        "db/migrations/000051_fn.up.sql":
          "CREATE OR REPLACE FUNCTION pick() RETURNS int LANGUAGE sql VOLATILE AS $$ SELECT 2 $$;",
        "db/migrations/000052_col.up.sql": "ALTER TABLE t ADD COLUMN p int DEFAULT pick();",
      },
      errors: [{ file: "db/migrations/000052_col.up.sql", messageId: "volatileDefault", line: 1, column: 1 }],
    },
    {
      name: "rows inserted after the TRUNCATE are rewritten",
      filename: "db/migrations/000021_x.up.sql",
      code: "TRUNCATE offsets;\nINSERT INTO offsets (id) VALUES (1);\nALTER TABLE offsets ADD COLUMN lease uuid DEFAULT gen_random_uuid();",
      errors: [{ messageId: "volatileDefault", line: 3, column: 1 }],
    },
    {
      filename: "db/migrations/000005_x.up.sql",
      code: "ALTER TABLE t ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();",
      errors: [
        {
          messageId: "volatileDefault",
          data: { column: "token", table: "t", expr: "gen_random_uuid()" },
          help: "Add the column without the default (or with a constant one), then fill it in batches after the deploy.",
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "a function not known to be non-volatile is volatile, as CREATE FUNCTION's default is",
      filename: "db/migrations/000008_x.up.sql",
      code: "CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'IMMUTABLE' $$;\nALTER TABLE t ADD COLUMN code text DEFAULT next_code();\nALTER TABLE t ADD COLUMN id text DEFAULT generate_ulid();",
      errors: [
        {
          messageId: "volatileDefault",
          data: { column: "code", table: "t", expr: "next_code()" },
          line: 2,
          column: 1,
        },
        {
          messageId: "volatileDefault",
          data: { column: "id", table: "t", expr: "generate_ulid()" },
          line: 3,
          column: 1,
        },
      ],
    },
    {
      name: "a volatile default's string arguments are not quoted in the message",
      filename: "db/migrations/000006_x.up.sql",
      code: "ALTER TABLE t ADD COLUMN pw text NOT NULL DEFAULT concat('hunter2', random(), E'it''s');",
      errors: [
        {
          messageId: "volatileDefault",
          data: { column: "pw", table: "t", expr: "concat('…', random(), '…')" },
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "stored generated and serial columns",
      filename: "db/migrations/000006_x.up.sql",
      code: "ALTER TABLE t ADD COLUMN total numeric GENERATED ALWAYS AS (a + b) STORED;\nALTER TABLE t ADD COLUMN n serial;",
      errors: [
        { messageId: "generatedColumn", line: 1, column: 1 },
        { messageId: "serialColumn", line: 2, column: 1 },
      ],
    },
    {
      name: "VACUUM FULL and CLUSTER",
      filename: "db/migrations/000007_x.up.sql",
      code: "VACUUM FULL orders;\nCLUSTER orders USING orders_pkey;",
      errors: [
        {
          messageId: "vacuumFull",
          data: { table: "orders" },
          help: "Run it (or pg_repack, which holds the lock only briefly) in a maintenance window, not in a deploy.",
          line: 1,
          column: 1,
        },
        { messageId: "cluster", data: { table: "orders" }, line: 2, column: 1 },
      ],
    },
    {
      name: "MySQL ALGORITHM=COPY",
      filename: "db/migrations/mysql/000008_x.up.sql",
      code: "ALTER TABLE t MODIFY a BIGINT, ALGORITHM=COPY;",
      errors: [
        { messageId: "mysqlCopy", data: { algorithm: "COPY", lock: "DEFAULT", table: "t" }, line: 1, column: 1 },
      ],
    },
  ],
});
