import type { SqlDialect, SqlSource } from "@deploylint/core/rule-api";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPostgresParser, parseSql } from "../../../../packages/core/src/sources/sql/index.js";
import { buildMigration } from "../../src/model/model.js";
import { statementOperations } from "../../src/model/operations.js";

beforeAll(() => loadPostgresParser());

function operations(sql: string, dialect: SqlDialect = "postgresql") {
  const source = parseSql(sql, dialect);
  return source.statements.flatMap((statement, index) =>
    statementOperations(statement, { index, section: "up" }).map(({ node: _node, section: _s, ...rest }) => rest),
  );
}

type Detail = Record<string, unknown>;

function details(sql: string, dialect: SqlDialect = "postgresql"): Detail[] {
  return operations(sql, dialect).map(({ range: _r, statementIndex: _i, statementKind: _k, ...detail }) => detail);
}

describe("statementOperations", () => {
  it("reads ALTER TABLE actions, each at its statement's range", () => {
    const sql =
      "ALTER TABLE public.Users ADD COLUMN tenant_id bigint NOT NULL, DROP COLUMN IF EXISTS legacy, RENAME COLUMN a TO b;";
    expect(operations(sql)).toEqual([
      {
        type: "add_column",
        table: "users",
        column: "tenant_id",
        dataType: "bigint",
        notNull: true,
        hasDefault: false,
        defaultExpr: null,
        generated: null,
        primaryKey: false,
        references: false,
        range: { start: 0, end: sql.length - 1 },
        statementIndex: 0,
        statementKind: "alter_table",
      },
      expect.objectContaining({ type: "drop_column", table: "users", column: "legacy" }),
      expect.objectContaining({ type: "rename_column", table: "users", column: "a", to: "b" }),
    ]);
  });

  it("reads column type changes and keeps quoted names' case", () => {
    expect(operations('ALTER TABLE "Orders" ALTER COLUMN total TYPE bigint USING (total * 100)::bigint;')).toEqual([
      expect.objectContaining({ type: "alter_column_type", table: "Orders", column: "total", dataType: "bigint" }),
    ]);
  });

  it("reads CREATE TABLE, CREATE INDEX, DROP TABLE, DML and maintenance", () => {
    const sql = [
      "CREATE TABLE IF NOT EXISTS s.coupons (id int PRIMARY KEY, code varchar(20) NOT NULL DEFAULT 'x'::text);",
      "CREATE UNIQUE INDEX CONCURRENTLY i ON ONLY orders (a);",
      "DROP TABLE a, b;",
      "UPDATE orders SET status = 'paid';",
      "DELETE FROM orders WHERE id = 1;",
      "LOCK TABLE orders;",
    ].join("\n");
    expect(details(sql)).toEqual([
      {
        type: "create_table",
        table: "coupons",
        asSelect: false,
        columns: [
          expect.objectContaining({ column: "id", dataType: "int", notNull: true, primaryKey: true }),
          expect.objectContaining({ column: "code", dataType: "varchar(20)", defaultExpr: "'x'::text" }),
        ],
      },
      {
        type: "create_index",
        table: "orders",
        name: "i",
        concurrently: true,
        unique: true,
        online: false,
        keyColumns: ["a"],
        dependsOn: ["a"],
      },
      { type: "drop_table", table: "a" },
      { type: "drop_table", table: "b" },
      { type: "dml", verb: "update", table: "orders", hasWhere: false, batched: false },
      { type: "dml", verb: "delete", table: "orders", hasWhere: true, batched: false },
      { type: "maintenance", verb: "lock_table", table: "orders", full: false, concurrently: false },
    ]);
  });

  it("reads constraints, NOT NULL, validation and transaction control", () => {
    const sql = [
      "BEGIN;",
      "SET lock_timeout = '5s';",
      "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) NOT VALID, VALIDATE CONSTRAINT fk;",
      "ALTER TABLE t ADD CONSTRAINT t_key UNIQUE USING INDEX t_idx, ALTER COLUMN b SET NOT NULL, DROP CONSTRAINT old;",
      "DROP INDEX CONCURRENTLY IF EXISTS t_idx2;",
      "VACUUM FULL t;",
      "COMMIT;",
    ].join("\n");
    expect(details(sql)).toEqual([
      { type: "transaction", verb: "begin" },
      { type: "set", name: "lock_timeout", value: "'5s'" },
      expect.objectContaining({ type: "add_constraint", table: "t", name: "fk", kind: "foreign_key", notValid: true }),
      { type: "validate_constraint", table: "t", name: "fk" },
      expect.objectContaining({ type: "add_constraint", name: "t_key", kind: "unique", usingIndex: true }),
      { type: "set_not_null", table: "t", column: "b" },
      { type: "drop_constraint", table: "t", name: "old" },
      { type: "drop_index", table: "", name: "t_idx2", concurrently: true },
      { type: "maintenance", verb: "vacuum", table: "t", full: true, concurrently: false },
      { type: "transaction", verb: "commit" },
    ]);
  });

  it("falls back to the text for statements the parser rejects (MySQL CHANGE, MODIFY, DROP)", () => {
    const sql = "ALTER TABLE users CHANGE COLUMN `key` akey TEXT, MODIFY b BIGINT NOT NULL, DROP PRIMARY KEY, DROP c;";
    expect(operations(sql, "mysql").map((op) => (op.type === "other" ? op.kind : `${op.type}`))).toEqual([
      "rename_column",
      "alter_column_type",
      "alter_column_type",
      "drop_constraint",
      "drop_column",
    ]);
    expect(operations(sql, "mysql")[0]).toMatchObject({ table: "users", column: "key", to: "akey" });
    expect(operations(sql, "mysql")[2]).toMatchObject({ column: "b", dataType: "BIGINT", notNull: true });
  });

  it("reads MySQL indexes and ALGORITHM/LOCK options, and a quoted `key` column", () => {
    const sql =
      "ALTER TABLE t ADD INDEX t_a (a), ADD COLUMN `key` TEXT, ALGORITHM=INPLACE, LOCK=NONE;\nCREATE INDEX i ON t (b) ALGORITHM=INPLACE LOCK=NONE;";
    expect(details(sql, "mysql")).toEqual([
      {
        type: "create_index",
        table: "t",
        name: "t_a",
        concurrently: false,
        unique: false,
        online: false,
        keyColumns: ["a"],
      },
      expect.objectContaining({ type: "add_column", table: "t", column: "key", dataType: "TEXT" }),
      { type: "table_options", table: "t", algorithm: "INPLACE", lock: "NONE" },
      {
        type: "create_index",
        table: "t",
        name: "i",
        concurrently: false,
        unique: false,
        online: true,
        keyColumns: ["b"],
        dependsOn: ["b"],
      },
    ]);
  });
});

describe("buildMigration", () => {
  const build = (path: string, text: string, settings = {}) =>
    buildMigration({ path, text, source: parseSql(text, "postgresql") as SqlSource, settings });

  it("puts dbmate operations in their sections", () => {
    const text =
      "-- migrate:up\nALTER TABLE a ADD COLUMN plan text;\n\n-- migrate:down\nALTER TABLE a DROP COLUMN plan;\n";
    const migration = build("db/migrations/20260102120000_add_plan.sql", text);
    expect(migration?.up.map((op) => op.type)).toEqual(["add_column"]);
    expect(migration?.down?.map((op) => op.type)).toEqual(["drop_column"]);
    expect(migration?.transactional).toBe(true);
  });

  it("has no down for a golang-migrate up file and skips files outside migration paths", () => {
    expect(build("db/migrations/000001_x.up.sql", "SELECT 1;")?.down).toBeNull();
    expect(build("db/migrations/000001_x.up.sql", "SELECT 1;", { migrations: { paths: ["sql"] } })).toBeNull();
    expect(build("reports/q.sql", "SELECT 1;")).toBeNull();
  });

  it("takes the configured framework for files it cannot tell", () => {
    expect(build("db/migrations/x.sql", "", { migrations: { framework: "flyway" } })?.framework).toBe("flyway");
  });
});
