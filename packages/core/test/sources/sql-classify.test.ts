import { describe, expect, it } from "vitest";
import { classifyStatement } from "../../src/sources/sql/classify.js";

describe("classifyStatement", () => {
  it.each([
    ["CREATE TABLE t (a int)", "create_table"],
    ["create unlogged table t (a int)", "create_table"],
    ["CREATE TEMPORARY TABLE t (a int)", "create_table"],
    ["ALTER TABLE ONLY t ADD COLUMN a int", "alter_table"],
    ["DROP TABLE IF EXISTS t", "drop_table"],
    ["TRUNCATE t", "truncate"],
    ["CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)", "create_index"],
    ["DROP INDEX CONCURRENTLY i", "drop_index"],
    ["RENAME TABLE a TO b", "rename_table"],
    ["CREATE OR REPLACE VIEW v AS SELECT 1", "create_view"],
    ["CREATE ALGORITHM=MERGE DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW v AS SELECT 1", "create_view"],
    ["CREATE MATERIALIZED VIEW v AS SELECT 1", "create_view"],
    ["DROP MATERIALIZED VIEW v", "drop_view"],
    ["CREATE TYPE e AS ENUM ('a')", "create_type"],
    ["ALTER TYPE e ADD VALUE 'b'", "alter_type"],
    ["DROP TYPE e", "drop_type"],
    ["CREATE SCHEMA s", "create_schema"],
    ["DROP SCHEMA s CASCADE", "drop_schema"],
    ["DROP DATABASE d", "drop_database"],
    ["CREATE EXTENSION IF NOT EXISTS pgcrypto", "create_extension"],
    ["CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql", "create_function"],
    ["CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END", "create_trigger"],
    ["CREATE EVENT TRIGGER et ON ddl_command_start EXECUTE FUNCTION f()", "create_event_trigger"],
    ["DROP TRIGGER tr ON t", "drop_trigger"],
    ["INSERT INTO t VALUES (1)", "insert"],
    ["REPLACE INTO t VALUES (1)", "insert"],
    ["UPDATE t SET a = 1", "update"],
    ["DELETE FROM t", "delete"],
    ["MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE", "merge"],
    ["SELECT 1", "select"],
    ["(SELECT 1)", "select"],
    ["WITH x AS (SELECT 1) UPDATE t SET a = 1", "with"],
    ["BEGIN", "begin"],
    ["START TRANSACTION", "begin"],
    ["COMMIT", "commit"],
    ["END", "commit"],
    ["ROLLBACK", "rollback"],
    ["ROLLBACK TO SAVEPOINT s", "rollback_to_savepoint"],
    ["SAVEPOINT s", "savepoint"],
    ["SET lock_timeout = '5s'", "set"],
    ["LOCK TABLE t IN ACCESS EXCLUSIVE MODE", "lock_table"],
    ["LOCK TABLES t WRITE", "lock_table"],
    ["VACUUM FULL t", "vacuum"],
    ["ANALYZE t", "analyze"],
    ["CLUSTER t USING i", "cluster"],
    ["REINDEX INDEX CONCURRENTLY i", "reindex"],
    ["COPY t FROM stdin", "copy"],
    ["COMMENT ON TABLE t IS 'x'", "comment"],
    ["GRANT SELECT ON t TO r", "grant"],
    ["REVOKE SELECT ON t FROM r", "revoke"],
    ["DO $$ BEGIN END $$", "do"],
    ["CALL p()", "call"],
    ["REFRESH MATERIALIZED VIEW CONCURRENTLY v", "refresh_materialized_view"],
    ["ALTER SEQUENCE s RESTART WITH 1", "alter_sequence"],
    ["CREATE SEQUENCE s", "create_sequence"],
    ["PRAGMA foreign_keys = OFF", "pragma"],
    ["ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO r", "alter_default_privileges"],
    ["FROBNICATE the database", "unknown"],
    ["", "unknown"],
  ])("%s -> %s", (sql, kind) => {
    expect(classifyStatement(sql)).toBe(kind);
  });

  it("skips leading comments", () => {
    expect(classifyStatement("-- why\n/* note */ DROP TABLE t")).toBe("drop_table");
    expect(classifyStatement("# mysql note\nDROP TABLE t")).toBe("drop_table");
  });

  it("reads only as many words as the kind needs", () => {
    // A string that records the furthest character the lexer looked at (words are scanned by char code).
    const furthest = (sql: string) => {
      let seen = -1;
      const text = new (class extends String {
        override charCodeAt(index: number): number {
          seen = Math.max(seen, index);
          return super.charCodeAt(index);
        }
      })(sql);
      return { kind: classifyStatement(text as unknown as string), seen };
    };
    // Issue 17: the first twelve words were scanned for every statement of a history, most of them
    // deep in a column or value list no kind depends on.
    const insert = "INSERT INTO t (a, b, c, d, e, f, g, h, i, j, k, l) VALUES (1)";
    const inserted = furthest(insert);
    expect(inserted.kind).toBe("insert");
    expect(inserted.seen).toBeLessThan(insert.indexOf("("));
    const create = "CREATE TABLE users (id bigint, name text, email text, created timestamptz)";
    const created = furthest(create);
    expect(created.kind).toBe("create_table");
    expect(created.seen).toBeLessThan(create.indexOf("("));
    // CREATE EVENT is an event trigger when TRIGGER comes anywhere in the first twelve words.
    expect(furthest("CREATE EVENT TRIGGER t ON ddl_command_start EXECUTE FUNCTION f()").kind).toBe(
      "create_event_trigger",
    );
    expect(classifyStatement("CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO CALL trigger_it()")).toBe("create_event");
  });
});
