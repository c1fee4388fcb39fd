import { describe, expect, it } from "vitest";
import { splitSql } from "../../src/sources/sql/split.js";

const texts = (sql: string, dialect: Parameters<typeof splitSql>[1] = "postgresql") =>
  splitSql(sql, dialect).statements.map((statement) => statement.text);

describe("splitSql", () => {
  it("splits on top-level semicolons and skips empty statements", () => {
    expect(texts("SELECT 1;; ;\nSELECT 2;")).toEqual(["SELECT 1", "SELECT 2"]);
  });

  it("keeps a last statement without a semicolon", () => {
    expect(texts("SELECT 1;\nSELECT 2\n")).toEqual(["SELECT 1", "SELECT 2"]);
  });

  it("gives exact ranges: from the first token to the last, comments and the semicolon excluded", () => {
    const sql = "-- head\n  /* c */ ALTER TABLE t DROP COLUMN a ; -- tail\nSELECT 1";
    const { statements, comments } = splitSql(sql, "postgresql");
    expect(statements.map((s) => s.range)).toEqual([
      { start: 18, end: 45 },
      { start: 56, end: 64 },
    ]);
    expect(sql.slice(18, 45)).toBe("ALTER TABLE t DROP COLUMN a");
    expect(comments.map((c) => c.text)).toEqual(["-- head", "/* c */", "-- tail"]);
    expect(comments[1]?.range).toEqual({ start: 10, end: 17 });
  });

  it("keeps comments inside a statement in its text", () => {
    expect(texts("SELECT 1 -- one; two\n, 2;")).toEqual(["SELECT 1 -- one; two\n, 2"]);
  });

  it("does not split inside single-quoted strings, with '' escapes", () => {
    expect(texts("INSERT INTO t VALUES ('a;''b;');SELECT 2")).toEqual(["INSERT INTO t VALUES ('a;''b;')", "SELECT 2"]);
  });

  it("reads backslash escapes in PostgreSQL E'' strings only", () => {
    expect(texts("SELECT E'a\\';b';SELECT 2")).toEqual(["SELECT E'a\\';b'", "SELECT 2"]);
    // In a standard string the backslash is a character: the quote after it closes the string.
    expect(texts("SELECT 'a\\';SELECT 2")).toEqual(["SELECT 'a\\'", "SELECT 2"]);
  });

  it("reads backslash escapes in MySQL strings", () => {
    expect(texts("INSERT INTO t VALUES ('a\\';b', \"c\\\";d\");SELECT 2", "mysql")).toEqual([
      "INSERT INTO t VALUES ('a\\';b', \"c\\\";d\")",
      "SELECT 2",
    ]);
  });

  it("does not split inside double-quoted identifiers, MySQL backticks or SQLite brackets", () => {
    expect(texts('SELECT "a;""b" FROM t;SELECT 2')).toEqual(['SELECT "a;""b" FROM t', "SELECT 2"]);
    expect(texts("SELECT `a;b` FROM t;SELECT 2", "mysql")).toEqual(["SELECT `a;b` FROM t", "SELECT 2"]);
    expect(texts("SELECT [a;b] FROM t;SELECT 2", "sqlite")).toEqual(["SELECT [a;b] FROM t", "SELECT 2"]);
  });

  it("does not split inside PostgreSQL dollar quotes, tagged or not", () => {
    const fn = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql";
    const tagged = "DO $body$ BEGIN PERFORM 1; RAISE NOTICE '$$'; END $body$";
    expect(texts(`${fn};\n${tagged};\nSELECT $1`)).toEqual([fn, tagged, "SELECT $1"]);
  });

  it("treats -- and /* */ comments as comments, and # only in MySQL", () => {
    expect(texts("SELECT 1 /* ; */ + 2; -- ;\nSELECT 3")).toEqual(["SELECT 1 /* ; */ + 2", "SELECT 3"]);
    const mysql = splitSql("# note; here\nSELECT 1;", "mysql");
    expect(mysql.statements.map((s) => s.text)).toEqual(["SELECT 1"]);
    expect(mysql.comments.map((c) => c.text)).toEqual(["# note; here"]);
  });

  it("nests block comments in PostgreSQL but not in MySQL", () => {
    expect(texts("/* a /* b; */ c; */ SELECT 1;SELECT 2")).toEqual(["SELECT 1", "SELECT 2"]);
    expect(texts("/* a /* b */ SELECT 1;SELECT 2", "mysql")).toEqual(["SELECT 1", "SELECT 2"]);
  });

  it("keeps BEGIN … END bodies of SQLite triggers together, CASE … END included", () => {
    const trigger =
      "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE u SET a = CASE WHEN new.x THEN 1 ELSE 2 END;\n  INSERT INTO l VALUES (1);\nEND";
    expect(texts(`${trigger};\nSELECT 1;`, "sqlite")).toEqual([trigger, "SELECT 1"]);
  });

  it("keeps MySQL procedure bodies with nested blocks and END IF together", () => {
    const proc =
      "CREATE DEFINER=`root`@`localhost` PROCEDURE p() BEGIN IF 1 THEN SELECT 1; END IF; BEGIN SELECT 2; END; END";
    expect(texts(`${proc};SELECT 3`, "mysql")).toEqual([proc, "SELECT 3"]);
  });

  it("does not treat a PostgreSQL BEGIN transaction as a body", () => {
    expect(texts("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;")).toEqual(["BEGIN", "CREATE TABLE t (a int)", "COMMIT"]);
  });

  it("follows MySQL DELIMITER directives", () => {
    const sql = "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nDELIMITER ;\nSELECT 2;";
    const { statements } = splitSql(sql, "mysql");
    expect(statements.map((s) => s.text)).toEqual(["CREATE PROCEDURE p() BEGIN SELECT 1; END", "SELECT 2"]);
    expect(statements[0]?.range.start).toBe(sql.indexOf("CREATE"));
  });

  it("ends a word at a custom delimiter such as $$", () => {
    const sql =
      "DELIMITER $$\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END$$\nDELIMITER ;";
    expect(texts(sql, "mysql")).toEqual(["CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END"]);
  });

  it("ends a statement at a dbmate or goose section marker even without a semicolon", () => {
    expect(texts("-- migrate:up\nCREATE TABLE t (a int)\n-- migrate:down\nDROP TABLE t")).toEqual([
      "CREATE TABLE t (a int)",
      "DROP TABLE t",
    ]);
  });

  it("keeps a goose StatementBegin … StatementEnd block as one statement", () => {
    const sql =
      "-- +goose StatementBegin\nINSERT INTO a VALUES (1);\nINSERT INTO b VALUES (2);\n-- +goose StatementEnd\nSELECT 1;";
    expect(texts(sql)).toEqual(["INSERT INTO a VALUES (1);\nINSERT INTO b VALUES (2);", "SELECT 1"]);
  });

  it("runs an unterminated string or comment to the end of the file without throwing", () => {
    expect(texts("SELECT 'abc; SELECT 2")).toEqual(["SELECT 'abc; SELECT 2"]);
    expect(texts("SELECT 1; /* open")).toEqual(["SELECT 1"]);
  });
});
