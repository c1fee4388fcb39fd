import { beforeAll, describe, expect, it } from "vitest";
import { loadPostgresParser, parseSql, readSqlFile, resolveSqlDialect } from "../../src/sources/sql/index.js";

beforeAll(() => loadPostgresParser());

interface RangedNode {
  type: string;
  range: [number, number];
}

/** Every `range` of a CST, with the node it belongs to. */
function ranges(node: unknown, out: [number, number][] = []): [number, number][] {
  if (Array.isArray(node)) for (const item of node) ranges(item, out);
  else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "range") out.push(value as [number, number]);
      else ranges(value, out);
    }
  }
  return out;
}

describe("parseSql", () => {
  it("parses each statement and shifts every range to file offsets (sql-parser-cst)", () => {
    const sql = "-- one\nCREATE TABLE t (a int);\n\nALTER TABLE t DROP COLUMN a;\n";
    const source = parseSql(sql, "sqlite");
    expect(source.dialect).toBe("sqlite");
    expect(source.statements.map((s) => s.kind)).toEqual(["create_table", "alter_table"]);
    const alter = source.statements[1];
    const cst = alter?.cst as RangedNode & { actions: { items: { column: RangedNode }[] } };
    expect(cst.type).toBe("alter_table_stmt");
    expect(cst.range).toEqual([alter?.range.start, alter?.range.end]);
    const column = cst.actions.items[0]?.column;
    expect(sql.slice(column?.range[0], column?.range[1])).toBe("a");
    expect(column?.range[0]).toBe(sql.indexOf("a;", sql.indexOf("DROP COLUMN")));
    for (const [start, end] of ranges(cst)) {
      expect(start).toBeGreaterThanOrEqual(alter?.range.start ?? 0);
      expect(end).toBeLessThanOrEqual(alter?.range.end ?? 0);
    }
  });

  it("keeps the statements around one that does not parse", () => {
    const sql = "CREATE TABLE t (a int);\nALTER TABLE t FROB a;\nDROP TABLE t;";
    const [first, bad, last] = parseSql(sql, "sqlite").statements;
    expect(first?.cst).not.toBeNull();
    expect(bad?.cst).toBeNull();
    expect(bad?.kind).toBe("alter_table");
    expect(bad?.parseError).toBe('Syntax Error: Unexpected "a"');
    // The parser's position, as a file offset: the `a` after FROB.
    expect(bad?.parseErrorOffset).toBe(sql.indexOf("a;", sql.indexOf("FROB")));
    expect(last?.cst).not.toBeNull();
    expect(last?.kind).toBe("drop_table");
    // Parsed on its own, the statement's ranges are still file offsets.
    expect((last?.cst as RangedNode | undefined)?.range).toEqual([last?.range.start, last?.range.end]);
  });

  it("gives no parseError for forms the parser is known not to support", () => {
    const source = parseSql("LOCK TABLES t WRITE;\nOPTIMIZE TABLE t;", "mysql");
    expect(source.statements.map((s) => [s.kind, s.cst, s.parseError])).toEqual([
      ["lock_table", null, null],
      ["optimize_table", null, null],
    ]);
  });

  it("gives no parseError for MySQL ALTER TABLE forms the parser lacks", () => {
    const [change] = parseSql("ALTER TABLE t CHANGE COLUMN a b INT NOT NULL;", "mysql").statements;
    expect(change?.cst).toBeNull();
    expect(change?.parseError).toBeNull();
  });

  it("never throws on unknown statements and reports them", () => {
    const [statement] = parseSql("FROBNICATE everything", "sqlite").statements;
    expect(statement?.kind).toBe("unknown");
    expect(statement?.parseError).toMatch(/^Syntax Error/);
  });

  it("splits a goose StatementBegin block of several statements into its statements", () => {
    const sql =
      "-- +goose Up\n-- +goose StatementBegin\nCREATE TABLE a (id bigint);\nALTER TABLE b DROP COLUMN c;\n-- +goose StatementEnd\nSELECT 1;";
    const statements = parseSql(sql, "postgresql").statements;
    expect(statements.map((s) => [s.text, s.kind, s.parseError])).toEqual([
      ["CREATE TABLE a (id bigint)", "create_table", null],
      ["ALTER TABLE b DROP COLUMN c", "alter_table", null],
      ["SELECT 1", "select", null],
    ]);
    for (const statement of statements) {
      expect(statement.cst).not.toBeNull();
      expect(sql.slice(statement.range.start, statement.range.end)).toBe(statement.text);
    }
  });

  it("reads a goose block that does not parse as a whole statement by statement", () => {
    const sql = [
      "-- +goose Up",
      "-- +goose StatementBegin",
      "LOCK TABLE q IN ACCESS EXCLUSIVE MODE;",
      "DROP INDEX q_idx;",
      "ALTER TABLE q FROB COLUMN c;",
      "CREATE INDEX q_idx ON q (c);",
      "-- +goose StatementEnd",
      "SELECT 1;",
    ].join("\n");
    const statements = parseSql(sql, "postgresql").statements;
    // The broken statement is the one reported, with PostgreSQL's message; the block's others are read.
    expect(statements.map((s) => [s.text, s.kind, s.cst !== null, s.parseError])).toEqual([
      ["LOCK TABLE q IN ACCESS EXCLUSIVE MODE", "lock_table", true, null],
      ["DROP INDEX q_idx", "drop_index", true, null],
      ["ALTER TABLE q FROB COLUMN c", "alter_table", false, 'syntax error at or near "FROB"'],
      ["CREATE INDEX q_idx ON q (c)", "create_index", true, null],
      ["SELECT 1", "select", true, null],
    ]);
    for (const statement of statements)
      expect(sql.slice(statement.range.start, statement.range.end)).toBe(statement.text);
  });

  it("gives no parseError for PostgreSQL range types and triggers with both transition tables", () => {
    const sql = [
      "CREATE TYPE uuidrange AS RANGE (SUBTYPE = UUID);",
      "CREATE TRIGGER t AFTER UPDATE ON x REFERENCING NEW TABLE AS n OLD TABLE AS o FOR EACH STATEMENT EXECUTE FUNCTION f();",
      "CREATE TYPE mood AS RANGE OF nonsense;",
    ].join("\n");
    expect(parseSql(sql, "postgresql").statements.map((s) => [s.kind, s.parseError])).toEqual([
      ["create_type", null],
      ["create_trigger", null],
      ["create_type", 'syntax error at or near "OF"'],
    ]);
  });

  it("keeps a goose block whose function body holds semicolons as one statement", () => {
    const sql =
      "-- +goose StatementBegin\nCREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql;\n-- +goose StatementEnd\n";
    const statements = parseSql(sql, "postgresql").statements;
    expect(statements).toHaveLength(1);
    expect(statements[0]?.parseError).toBeNull();
  });

  it("collects the file's comments", () => {
    expect(parseSql("-- a\nSELECT 1; /* b */", "postgresql").comments.map((c) => c.text)).toEqual(["-- a", "/* b */"]);
  });
});

describe("resolveSqlDialect", () => {
  it("prefers the configured dialect and accepts aliases", () => {
    expect(resolveSqlDialect("migrations/mysql/1.sql", "pg")).toBe("postgresql");
    expect(resolveSqlDialect("x.sql", "postgres")).toBe("postgresql");
    expect(resolveSqlDialect("x.sql", "sqlite3")).toBe("sqlite");
    expect(resolveSqlDialect("x.sql", "MariaDB")).toBe("mariadb");
  });

  it("rejects a configured dialect it does not know", () => {
    expect(() => resolveSqlDialect("x.sql", "oracle")).toThrow(/Unknown SQL dialect "oracle"/);
  });

  it("reads a dialect from a folder of the path, else falls back to PostgreSQL", () => {
    expect(resolveSqlDialect("migrations/mysql/2019_x/up.sql")).toBe("mysql");
    expect(resolveSqlDialect("migrations/sqlite/2019_x/up.sql")).toBe("sqlite");
    expect(resolveSqlDialect("db/postgresql/migrations/1.sql")).toBe("postgresql");
    expect(resolveSqlDialect("db/migrations/1_mysql.sql")).toBe("postgresql");
  });
});

describe("readSqlFile at an offset (SQL inside a script's literal)", () => {
  // What the engine did before issue 17: pad the literal with spaces to its offset, so that every
  // range came out as a file offset. Reading at the offset must give exactly that, without the lexer
  // reading the padding (1.5 MB of spaces over logto's alterations).
  const SAMPLES: [string, string][] = [
    ["alterations/1-x.ts", "-- why\nCREATE INDEX i ON t (a);\nALTER TABLE t ADD COLUMN b int, FROB c; DROP TABLE old"],
    ["alterations/2-x.ts", "alter table users add column note text;\nselect 1 from"],
    ["migrations/mysql/3_x.js", "ALTER TABLE t ADD COLUMN b int; /* note */ ALTER TABLE t CHANGE a b int; SELEKT 1"],
    ["migrations/sqlite/4_x.js", "CREATE TABLE t (id integer primary key); DROP TABLE u; FROBNICATE"],
  ];

  it.each(SAMPLES)("%s: the same source as the text padded to its offset", (path, sql) => {
    for (const offset of [0, 1, 57, 4096]) {
      const padded = readSqlFile({ text: " ".repeat(offset) + sql, path });
      const placed = readSqlFile({ text: sql, path, offset });
      expect(placed).toEqual(padded);
      expect(placed.statements.length).toBeGreaterThan(1);
    }
  });
});
