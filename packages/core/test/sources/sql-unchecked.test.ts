// SQL of dialects no parser here reads (ClickHouse, …) is recognised by configuration, folder or
// ClickHouse-only clauses, and left alone; nothing PostgreSQL, MySQL or SQLite accepts is taken for it.
import { beforeAll, describe, expect, it } from "vitest";
import { clickhouseSignal } from "../../src/sources/sql/clickhouse-signals.js";
import {
  loadPostgresParser,
  readSqlFile,
  uncheckedDialectOf,
  uncheckedDialectOfPath,
} from "../../src/sources/sql/index.js";

beforeAll(() => loadPostgresParser());

const MERGE_TREE = "CREATE TABLE events (id UUID, at DateTime)\nENGINE = MergeTree\nORDER BY (id, at);";

describe("clickhouseSignal", () => {
  it.each([
    ["a MergeTree engine", MERGE_TREE, "a MergeTree table engine"],
    [
      "a ReplacingMergeTree engine",
      "CREATE TABLE t (id UInt64) engine=ReplacingMergeTree ORDER BY id;",
      "a MergeTree table engine",
    ],
    [
      "a Distributed engine",
      "CREATE TABLE t AS local ENGINE = Distributed(c, db, local, rand());",
      "a MergeTree table engine",
    ],
    [
      "a materialized view writing TO a table",
      "CREATE MATERIALIZED VIEW db.stats_mv\nTO db.stats\nAS SELECT 1;",
      "a materialized view that writes TO a table",
    ],
    [
      "an ALTER TABLE … UPDATE mutation",
      "alter table db.t\nupdate a = b\nwhere c = 2",
      "an ALTER TABLE mutation (UPDATE, DELETE WHERE or MATERIALIZE)",
    ],
    [
      "an ALTER TABLE … DELETE WHERE mutation",
      "ALTER TABLE t DELETE WHERE id = 1;",
      "an ALTER TABLE mutation (UPDATE, DELETE WHERE or MATERIALIZE)",
    ],
    [
      "MATERIALIZE PROJECTION",
      "ALTER TABLE t MATERIALIZE PROJECTION p;",
      "an ALTER TABLE mutation (UPDATE, DELETE WHERE or MATERIALIZE)",
    ],
    ["ON CLUSTER", "CREATE TABLE IF NOT EXISTS t ON CLUSTER main (id UInt8) ENGINE = Log;", "ON CLUSTER"],
  ])("finds %s", (_name, text, says) => {
    expect(clickhouseSignal(text)).toBe(says);
  });

  it.each([
    ["a PostgreSQL materialized view", "CREATE MATERIALIZED VIEW stats AS SELECT count(*) FROM t WITH NO DATA;"],
    ["a PostgreSQL UPDATE … SET", "UPDATE t SET a = 1 WHERE id = 2;"],
    ["PostgreSQL ADD without COLUMN", "ALTER TABLE t ADD projection text;"],
    ["an index on a table named cluster", "CREATE INDEX i ON cluster (id);"],
    [
      "MySQL table engines",
      "CREATE TABLE a (id int) ENGINE=InnoDB;\nCREATE TABLE b (id int) ENGINE = MEMORY;\nCREATE TABLE c (id int) ENGINE=MERGE UNION=(a);",
    ],
    ["MergeTree only in a comment", "-- ported from ENGINE = MergeTree\nCREATE TABLE t (id int);"],
    ["MergeTree only in a string", "INSERT INTO notes VALUES ('ENGINE = MergeTree');"],
    [
      "MergeTree only in a dollar-quoted body",
      "DO $$ BEGIN RAISE NOTICE 'x'; END $$; COMMENT ON TABLE t IS $c$ENGINE = MergeTree$c$;",
    ],
  ])("takes nothing from %s", (_name, text) => {
    expect(clickhouseSignal(text)).toBeNull();
  });
});

describe("uncheckedDialectOf", () => {
  it("reads the nearest folder that names a dialect", () => {
    expect(uncheckedDialectOfPath("db/clickhouse/migrations/01_x.sql")).toEqual({
      dialect: "ClickHouse",
      reason: 'it is under the folder "db/clickhouse"',
    });
    expect(uncheckedDialectOfPath("db/clickhouse/postgres/01_x.sql")).toBeNull();
    expect(uncheckedDialectOfPath("db/postgres/clickhouse/01_x.sql")?.dialect).toBe("ClickHouse");
    expect(uncheckedDialectOfPath("warehouse/snowflake/migrations/V1__x.sql")?.dialect).toBe("Snowflake");
    expect(uncheckedDialectOfPath("db/migrations/clickhouse.sql")).toBeNull();
  });

  it("lets the configured dialect decide: an unchecked one leaves every file alone, a checked one forces a check", () => {
    expect(uncheckedDialectOfPath("db/migrations/1.sql", "ClickHouse")).toEqual({
      dialect: "ClickHouse",
      reason: 'the configured dialect is "ClickHouse"',
    });
    expect(
      uncheckedDialectOf({ path: "db/clickhouse/migrations/1.sql", text: MERGE_TREE, configured: "postgresql" }),
    ).toBeNull();
  });

  it("reads ClickHouse clauses only when neither the configuration nor a folder names a dialect", () => {
    expect(uncheckedDialectOf({ path: "db/migrations/1.sql", text: MERGE_TREE })).toEqual({
      dialect: "ClickHouse",
      reason: "it has a MergeTree table engine",
    });
    expect(uncheckedDialectOf({ path: "db/mysql/migrations/1.sql", text: MERGE_TREE })).toBeNull();
  });
});

describe("readSqlFile", () => {
  it("leaves an unchecked file unparsed, with no statement and no parse error", () => {
    const source = readSqlFile({
      path: "db/migrations/1.sql",
      text: `${MERGE_TREE}\nALTER TABLE events ADD COLUMN x String AFTER id;`,
    });
    expect(source.unchecked?.dialect).toBe("ClickHouse");
    expect(source.statements).toEqual([]);
  });

  it("parses the same text when the configuration names PostgreSQL", () => {
    const source = readSqlFile({ path: "db/migrations/1.sql", text: MERGE_TREE, configured: "pg" });
    expect(source.unchecked).toBeUndefined();
    expect(source.statements[0]?.parseError).toBe('syntax error at or near "ENGINE"');
  });
});
