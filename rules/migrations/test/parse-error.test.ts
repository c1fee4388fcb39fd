import { RuleTester } from "@deploylint/rule-tester";
import pack from "../src/index.js";

const tester = new RuleTester({ pack });

tester.run("parse-error", {
  valid: [
    { filename: "db/migrations/000001_x.up.sql", code: "CREATE TABLE t (id bigint);\nCREATE INDEX i ON t (id);" },
    {
      name: "forms the parser does not support are not errors",
      filename: "db/migrations/000002_x.up.sql",
      code: "LOCK TABLE t IN ACCESS EXCLUSIVE MODE;\nVACUUM FULL t;",
    },
    {
      name: "valid PostgreSQL that sql-parser-cst could not read",
      filename: "db/migrations/000007_x.up.sql",
      code: "CREATE STATISTICS s (dependencies) ON a, b FROM t;\nANALYZE t (a);\nALTER TABLE t ADD CONSTRAINT t_a_nn NOT NULL a;",
    },
    { name: "not a migration", filename: "reports/broken.sql", code: "SELEKT 1;" },
    {
      name: "a ClickHouse migration, known by its folder, is left alone",
      filename: "db/clickhouse/migrations/01_edit_keys.sql",
      code: 'ALTER TABLE "events" ADD COLUMN "job_id" UUID AFTER "created_at";\nRENAME TABLE a TO b;',
    },
    {
      name: "a ClickHouse migration, known by its MergeTree engine, is left alone",
      filename: "db/migrations/02_events.sql",
      code: "CREATE TABLE events (id UUID, tag LowCardinality(String))\nENGINE = MergeTree\nORDER BY id;",
    },
    {
      name: "a configured unchecked dialect leaves every migration alone",
      filename: "db/migrations/03_x.sql",
      settings: { migrations: { dialect: "clickhouse" } },
      code: "ALTER TABLE t ADD COLUMN x String AFTER id;",
    },
  ],
  invalid: [
    {
      name: "a configured checked dialect still checks a file under a clickhouse folder",
      filename: "db/clickhouse/migrations/04_x.sql",
      settings: { migrations: { dialect: "postgresql" } },
      code: "CREATE TABLE events (id uuid)\nENGINE = MergeTree\nORDER BY id;",
      errors: [{ messageId: "parseError", line: 2, column: 1, endLine: 2, endColumn: 7 }],
    },
    {
      name: "one bad statement between two good ones",
      filename: "db/migrations/000003_x.up.sql",
      code: "CREATE TABLE t (id int);\nALTER TABLE t FROB COLUMN id;\nDROP TABLE t;",
      // PostgreSQL's own message, at the token it stopped at.
      errors: [
        {
          messageId: "parseError",
          data: { dialect: "postgresql", message: 'syntax error at or near "FROB"' },
          line: 2,
          column: 15,
          endLine: 2,
          endColumn: 19,
        },
      ],
    },
    {
      name: "a broken statement in a goose block is reported where PostgreSQL stops, the block's others are read",
      filename: "db/migrations/00005_x.sql",
      code: "-- +goose Up\n-- +goose StatementBegin\nCREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN b int,, DROP COLUMN c;\n-- +goose StatementEnd\n",
      errors: [
        {
          messageId: "parseError",
          data: { dialect: "postgresql", message: 'syntax error at or near ","' },
          line: 4,
          column: 32,
        },
      ],
    },
    {
      name: "MySQL keeps sql-parser-cst and its position",
      filename: "db/migrations/mysql/000006_x.up.sql",
      code: "CREATE TABLE t (id int);\nALTER TABLE t FROB COLUMN id;",
      errors: [{ messageId: "parseError", line: 2, column: 15 }],
    },
    {
      filename: "db/migrations/000004_x.up.sql",
      code: "SELEKT 1;",
      errors: [
        {
          messageId: "parseError",
          data: { dialect: "postgresql", message: 'syntax error at or near "SELEKT"' },
          line: 1,
          column: 1,
        },
      ],
    },
  ],
});
