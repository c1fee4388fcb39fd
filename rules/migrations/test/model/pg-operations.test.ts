// The PostgreSQL front end of the operation model: names, statement types and ALTER TABLE action
// boundaries from PostgreSQL's own parse tree, clauses read by the shared text readers.
import type { SqlStatement } from "@deploylint/core/rule-api";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPostgresParser, parseSql } from "../../../../packages/core/src/sources/sql/index.js";
import { statementOperations } from "../../src/model/operations.js";
import { pgActionTexts } from "../../src/model/pg-actions.js";
import { isPgRawStmt } from "../../src/model/pg-operations.js";

beforeAll(() => loadPostgresParser());

type Detail = Record<string, unknown>;

function statements(sql: string): SqlStatement[] {
  return parseSql(sql, "postgresql").statements;
}

/** Each operation's detail (type and fields), without where it sits. */
function details(sql: string): Detail[] {
  return statements(sql).flatMap((statement, index) =>
    statementOperations(statement, { index, section: "up" }).map(
      ({ node: _n, section: _s, range: _r, statementIndex: _i, statementKind: _k, ...detail }) => detail,
    ),
  );
}

describe("the PostgreSQL front end", () => {
  it("is the one that reads a PostgreSQL statement, with PostgreSQL's tree on each operation", () => {
    const [statement] = statements("ALTER TABLE t DROP COLUMN a;");
    expect(isPgRawStmt(statement?.cst)).toBe(true);
    const [operation] = statement === undefined ? [] : statementOperations(statement, { index: 0, section: "up" });
    expect(operation?.node).toMatchObject({ AlterTableCmd: { subtype: "AT_DropColumn", name: "a" } });
  });

  it("cuts ALTER TABLE actions exactly, whatever commas strings, dollar quotes, comments or parentheses hold", () => {
    const sql = [
      `ALTER TABLE "Billing"."Invoice"`,
      `  ADD COLUMN note text DEFAULT 'a, b' NOT NULL, -- a comment, with a comma`,
      "  ADD COLUMN body text DEFAULT $$x, y$$,",
      "  ADD CONSTRAINT amount_positive CHECK (amount > 0 AND round(amount, 2) = amount),",
      `  DROP CONSTRAINT "Invoice_old_fkey";`,
    ].join("\n");
    const [statement] = statements(sql);
    const tree = statement?.cst as { stmt: { AlterTableStmt: { relation: { location: number } } } };
    expect(pgActionTexts(statement?.text ?? "", tree.stmt.AlterTableStmt.relation.location, 4)).toEqual([
      "ADD COLUMN note text DEFAULT 'a, b' NOT NULL",
      "ADD COLUMN body text DEFAULT $$x, y$$",
      "ADD CONSTRAINT amount_positive CHECK (amount > 0 AND round(amount, 2) = amount)",
      `DROP CONSTRAINT "Invoice_old_fkey"`,
    ]);
    expect(details(sql).map((d) => [d.type, d.table, d.column ?? d.name])).toEqual([
      ["add_column", "Invoice", "note"],
      ["add_column", "Invoice", "body"],
      ["add_constraint", "Invoice", "amount_positive"],
      ["drop_constraint", "Invoice", "Invoice_old_fkey"],
    ]);
    expect(details(sql)[0]).toMatchObject({ defaultExpr: "'a, b'", notNull: true });
  });

  it("gives no cut when the text does not hold as many actions as the tree (the caller reads the text)", () => {
    expect(pgActionTexts("ALTER TABLE t DROP COLUMN a, DROP COLUMN b", 12, 3)).toBeNull();
  });

  it("finds the table after a multi-byte name (libpg-query's locations are bytes)", () => {
    const sql = `ALTER TABLE "Straße" ADD COLUMN "größe" int, DROP COLUMN b;`;
    expect(details(sql).map((d) => [d.type, d.table, d.column])).toEqual([
      ["add_column", "Straße", "größe"],
      ["drop_column", "Straße", "b"],
    ]);
  });

  it("reads RENAME and SET SCHEMA of a table as its one action", () => {
    expect(details("ALTER TABLE ONLY app.users RENAME COLUMN email TO mail;")).toEqual([
      { type: "rename_column", table: "users", column: "email", to: "mail" },
    ]);
    expect(details('ALTER TABLE IF EXISTS "Users" RENAME TO members;')).toEqual([
      { type: "rename_table", table: "Users", to: "members" },
    ]);
  });

  it("names an index, its table and CONCURRENTLY from the tree", () => {
    expect(details('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "User_email_key" ON app."User" (email);')).toEqual([
      {
        type: "create_index",
        table: "User",
        name: "User_email_key",
        concurrently: true,
        unique: true,
        online: false,
        keyColumns: ["email"],
        dependsOn: ["email"],
      },
    ]);
    expect(details("CREATE INDEX ON orders (total);")).toMatchObject([{ table: "orders", name: null }]);
  });

  it("gives one operation per object a DROP or TRUNCATE names, schema-qualified or quoted", () => {
    expect(details('DROP TABLE IF EXISTS a, app."B" CASCADE;')).toEqual([
      { type: "drop_table", table: "a" },
      { type: "drop_table", table: "B" },
    ]);
    expect(details('DROP INDEX CONCURRENTLY IF EXISTS app.i1, "I2";')).toEqual([
      { type: "drop_index", table: "", name: "i1", concurrently: true },
      { type: "drop_index", table: "", name: "I2", concurrently: true },
    ]);
    expect(details("DROP TYPE mood, app.color;")).toEqual([
      { type: "drop_type", name: "mood" },
      { type: "drop_type", name: "color" },
    ]);
    expect(details("TRUNCATE ONLY a, app.b RESTART IDENTITY;")).toEqual([
      { type: "truncate", table: "a" },
      { type: "truncate", table: "b" },
    ]);
  });

  it("takes a DML statement's own WHERE, not one in a subquery", () => {
    const sql = `UPDATE "Link" SET owner = (SELECT id FROM "Collection" c WHERE c.id = "Link".cid);`;
    expect(details(sql)).toEqual([{ type: "dml", verb: "update", table: "Link", hasWhere: false, batched: false }]);
    expect(
      details("WITH gone AS (SELECT id FROM u) DELETE FROM app.sessions WHERE user_id IN (SELECT id FROM gone);"),
    ).toEqual([{ type: "dml", verb: "delete", table: "sessions", hasWhere: true, batched: false }]);
  });

  it("names a goose block's statements without its final `;`", () => {
    const sql = "-- +goose Down\n-- +goose StatementBegin\nDROP INDEX IF EXISTS idx_active;\n-- +goose StatementEnd\n";
    expect(details(sql)).toEqual([{ type: "drop_index", table: "", name: "idx_active", concurrently: false }]);
  });

  it("reads a goose block of several statements with each one's own tree", () => {
    const sql =
      "-- +goose StatementBegin\nCREATE TABLE a (id int);\nALTER TABLE a ADD COLUMN b int, DROP COLUMN c;\n-- +goose StatementEnd\n";
    expect(details(sql).map((d) => [d.type, d.table])).toEqual([
      ["create_table", "a"],
      ["add_column", "a"],
      ["drop_column", "a"],
    ]);
  });

  it("leaves what the tree does not name to the text readers (DO blocks, SET, transactions)", () => {
    expect(details("BEGIN;\nSET lock_timeout = '5s';\nDO $$ BEGIN PERFORM 1; END $$;\nCOMMIT;")).toEqual([
      { type: "transaction", verb: "begin" },
      { type: "set", name: "lock_timeout", value: "'5s'" },
      { type: "other", kind: "do" },
      { type: "transaction", verb: "commit" },
    ]);
  });
});
