// Issue 17: reading a statement's text builds no regular expression. Each pattern of the text
// readers is compiled once at load; building them per statement or ALTER action cost more than the
// matching (hatchet's ~2,000 ALTER TABLE actions).

import type { SqlStatement } from "@deploylint/core/rule-api";
import { describe, expect, it } from "vitest";
import { regexpsBuiltBy } from "../../../../test/support/regexp-work.js";
import { alterActionOperations } from "../../src/model/alter-actions-text.js";
import { textOperations } from "../../src/model/operations-text.js";

const ACTIONS = [
  "ADD COLUMN IF NOT EXISTS note text",
  "ADD CONSTRAINT users_email_key UNIQUE (email)",
  "ADD UNIQUE INDEX idx_email (email)",
  "DROP CONSTRAINT IF EXISTS users_email_key",
  "DROP FOREIGN KEY fk_team",
  "DROP INDEX idx_email",
  "DROP COLUMN legacy",
  "ALTER COLUMN id TYPE bigint",
  "RENAME TO people",
  "RENAME COLUMN a TO b",
  "CHANGE COLUMN a b int NOT NULL",
  "MODIFY COLUMN a bigint",
  "VALIDATE CONSTRAINT users_email_key",
];

const STATEMENTS: [SqlStatement["kind"], string][] = [
  ["alter_table", "ALTER TABLE users ADD COLUMN note text, DROP COLUMN legacy"],
  ["create_table", "CREATE TABLE IF NOT EXISTS users (id bigint primary key)"],
  ["drop_table", "DROP TABLE IF EXISTS users, teams CASCADE"],
  ["create_index", "CREATE UNIQUE INDEX CONCURRENTLY idx ON users (email)"],
  ["drop_index", "DROP INDEX idx ON users"],
  ["rename_table", "RENAME TABLE a TO b, c TO d"],
  ["create_schema", "CREATE SCHEMA IF NOT EXISTS app"],
  ["drop_schema", "DROP SCHEMA app"],
  ["create_type", "CREATE TYPE mood AS ENUM ('a')"],
  ["drop_type", "DROP TYPE mood"],
  ["alter_type", "ALTER TYPE mood ADD VALUE 'b'"],
  ["alter_type", "ALTER TYPE mood RENAME TO feeling"],
  ["update", "UPDATE users SET a = 1 WHERE id < 10"],
  ["insert", "INSERT INTO users (id) VALUES (1)"],
  ["vacuum", "VACUUM FULL users"],
];

const statement = (kind: SqlStatement["kind"], text: string): SqlStatement => ({
  text,
  range: { start: 0, end: text.length },
  kind,
  cst: null,
  parseError: null,
});

describe("text readers", () => {
  it("read ALTER TABLE actions without building a regular expression", () => {
    const read = () => ACTIONS.map((action) => alterActionOperations("users", action));
    const first = read();
    expect(first.flat().filter((op) => op.type === "other")).toEqual([]);
    expect(regexpsBuiltBy(read)).toBe(0);
  });

  it("read statements without building a regular expression once each kind has been read", () => {
    const read = () => STATEMENTS.map(([kind, text]) => textOperations(statement(kind, text)));
    read();
    expect(regexpsBuiltBy(read)).toBe(0);
  });
});
