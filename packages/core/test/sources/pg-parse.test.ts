// PostgreSQL is parsed by PostgreSQL's grammar (libpg-query): every form the server accepts parses,
// including those sql-parser-cst could not read, and a broken statement gets the server's message
// and the position of the token it stopped at.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { loadPostgresParser, parseSql } from "../../src/sources/sql/index.js";
import { parsePostgres } from "../../src/sources/sql/pg-parser.js";
import { loadPgModule } from "../../src/sources/sql/pg-wasm.js";
import { splitSql } from "../../src/sources/sql/split.js";

beforeAll(() => loadPostgresParser());

/** [kind, parseError] of each statement of a PostgreSQL text. */
function outcomes(sql: string): [string, string | null][] {
  return parseSql(sql, "postgresql").statements.map((s) => [s.kind, s.parseError]);
}

describe("PostgreSQL's grammar", () => {
  // Each of these was rejected by sql-parser-cst (found in the real corpora or named by issue 14).
  it.each([
    ["CREATE STATISTICS", "CREATE STATISTICS order_stats (dependencies) ON customer_id, region FROM orders;"],
    ["ANALYZE with a column list", "ANALYZE orders (customer_id);"],
    ["SQL-standard substring", "SELECT substring(code FROM 2 FOR 3) FROM coupons;"],
    ["trim(TRAILING …)", "UPDATE sites SET url = trim(TRAILING '/' FROM url) WHERE url LIKE '%/';"],
    ["PostgreSQL 18 named NOT NULL", "ALTER TABLE orders ADD CONSTRAINT orders_total_nn NOT NULL total;"],
    ["LOCK TABLE", 'LOCK TABLE "Quota" IN ACCESS EXCLUSIVE MODE;'],
    ["VACUUM", "VACUUM (FULL, ANALYZE) orders;"],
    ["COPY", "COPY orders (id) FROM stdin;"],
    ["range types", "CREATE TYPE idrange AS RANGE (SUBTYPE = uuid);"],
    [
      "a trigger with both transition tables",
      "CREATE TRIGGER audit AFTER UPDATE ON orders REFERENCING NEW TABLE AS fresh OLD TABLE AS stale FOR EACH STATEMENT EXECUTE FUNCTION audit();",
    ],
    ["DETACH PARTITION CONCURRENTLY", "ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;"],
    ["a composite field star", "SELECT (row_value).* FROM archived;"],
    ["count of a row", "SELECT count(o.*) FROM orders o;"],
    ["ALTER DEFAULT PRIVILEGES", "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO reader;"],
    ["CREATE EVENT TRIGGER", "CREATE EVENT TRIGGER no_drops ON sql_drop EXECUTE FUNCTION refuse();"],
  ])("parses %s", (_name, sql) => {
    const [statement] = parseSql(sql, "postgresql").statements;
    expect(statement?.parseError).toBeNull();
    expect(statement?.cst).not.toBeNull();
  });

  it("reports a broken statement with PostgreSQL's message, at the offending token", () => {
    const sql = "CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN b int,, DROP COLUMN c;\nDROP TABLE u;";
    const [first, bad, last] = parseSql(sql, "postgresql").statements;
    expect(first?.parseError).toBeNull();
    expect(last?.parseError).toBeNull();
    expect(bad?.cst).toBeNull();
    expect(bad?.kind).toBe("alter_table");
    expect(bad?.parseError).toBe('syntax error at or near ","');
    expect(bad?.parseErrorOffset).toBe(sql.indexOf(",,") + 1);
  });

  it("places the error by characters, not bytes, after non-ASCII text", () => {
    const sql = "INSERT INTO notes VALUES ('café ☕ 𝄞');\nSELECT 'ünïcode' FROMM notes;";
    const bad = parseSql(sql, "postgresql").statements[1];
    expect(bad?.parseError).toBe('syntax error at or near "notes"');
    expect(bad?.parseErrorOffset).toBe(sql.lastIndexOf("notes"));
  });

  it("reports an unterminated statement at its end", () => {
    expect(outcomes("CREATE TABLE t (id int")).toEqual([["create_table", "syntax error at end of input"]]);
  });

  it("says a statement nested deeper than PostgreSQL's parser stack is nested too deeply", () => {
    const deep = `SELECT ${"(".repeat(100_000)}1${")".repeat(100_000)};\nDROP TABLE users;`;
    expect(outcomes(deep)).toEqual([
      ["select", "nested too deeply: the parser ran out of stack"],
      ["drop_table", null],
    ]);
  });

  it("reads a SQL-standard function body (BEGIN ATOMIC) as one statement", () => {
    const sql =
      "CREATE FUNCTION total(o orders) RETURNS numeric LANGUAGE sql BEGIN ATOMIC SELECT o.net + o.tax; END;\nSELECT 1;";
    expect(outcomes(sql)).toEqual([
      ["create_function", null],
      ["select", null],
    ]);
  });

  it("keeps dollar-quoted bodies whole and cuts a goose block at PostgreSQL's boundaries", () => {
    const sql = [
      "-- +goose Up",
      "-- +goose StatementBegin",
      "CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN NEW.at := now(); RETURN NEW; END $body$ LANGUAGE plpgsql;",
      "-- a comment between",
      "DO $$ BEGIN PERFORM 1; END $$;",
      "-- +goose StatementEnd",
    ].join("\n");
    const statements = parseSql(sql, "postgresql").statements;
    expect(statements.map((s) => [s.kind, s.parseError])).toEqual([
      ["create_function", null],
      ["do", null],
    ]);
    expect(statements.map((s) => sql.slice(s.range.start, s.range.end))).toEqual([
      "CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN NEW.at := now(); RETURN NEW; END $body$ LANGUAGE plpgsql",
      "DO $$ BEGIN PERFORM 1; END $$",
    ]);
  });

  it("gives each statement of a goose block the tree a parse of it alone gives, from one parse of the block", async () => {
    const sql = [
      "-- +goose Up",
      "-- +goose StatementBegin",
      "CREATE TABLE \"café\" (id int, tags text[] DEFAULT ARRAY['é', 'b']);",
      "-- a comment between",
      "UPDATE \"café\" SET id = 0 WHERE id IN (1, 2, 3) AND tags = ARRAY['x'];",
      'ALTER TABLE "café" ADD COLUMN note text, ALTER COLUMN id SET NOT NULL;',
      "-- +goose StatementEnd",
    ].join("\n");
    const parses = vi.spyOn(await loadPgModule(), "_wasm_parse_query_raw");
    const statements = parseSql(sql, "postgresql").statements;
    expect(parses).toHaveBeenCalledTimes(1);
    parses.mockRestore();
    expect(statements.map((s) => s.kind)).toEqual(["create_table", "update", "alter_table"]);
    // The first starts where the block does: its tree is the block's own, stmt_len and all.
    for (const statement of statements.slice(1)) {
      const alone = parsePostgres(statement.text);
      expect(alone.ok && alone.statements).toEqual([statement.cst]);
    }
  });

  it("leaves psql meta-commands alone (psql runs them, not the server)", () => {
    const sql = "\\connect app\nCREATE TABLE t (id int);\n\\set ON_ERROR_STOP on\nSELECT 1;";
    expect(splitSql(sql, "postgresql").statements.map((s) => s.text)).toEqual([
      "\\connect app",
      "CREATE TABLE t (id int)",
      "\\set ON_ERROR_STOP on",
      "SELECT 1",
    ]);
    expect(outcomes(sql)).toEqual([
      ["psql_command", null],
      ["create_table", null],
      ["psql_command", null],
      ["select", null],
    ]);
  });

  it("loads sql-parser-cst only when a MySQL or SQLite statement is parsed", () => {
    const sources = fileURLToPath(new URL("../../dist/sources/sql/index.js", import.meta.url));
    const script = `
      import { createRequire } from "node:module";
      const cache = createRequire(import.meta.url).cache;
      const loaded = () => Object.keys(cache).some((path) => path.includes("sql-parser-cst"));
      const { loadPostgresParser, parseSql } = await import(${JSON.stringify(sources)});
      await loadPostgresParser();
      parseSql("CREATE TABLE t (id int);", "postgresql");
      const afterPostgres = loaded();
      parseSql("CREATE TABLE t (id int);", "mysql");
      console.log(JSON.stringify([afterPostgres, loaded()]));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual([false, true]);
  });

  it("keeps MySQL and SQLite on sql-parser-cst", () => {
    const [mysql] = parseSql("SELEKT 1;", "mysql").statements;
    expect(mysql?.parseError).toMatch(/^Syntax Error: Unexpected/);
    const [sqlite] = parseSql("CREATE TABLE t (a int);", "sqlite").statements;
    expect((sqlite?.cst as { type?: string } | null)?.type).toBe("create_table_stmt");
  });
});
