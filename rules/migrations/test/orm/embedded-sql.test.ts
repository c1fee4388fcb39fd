// SQL inside ORM literals goes through the real SQL parser when the context offers it (rules do,
// through ctx.parseEmbedded), and through the text readers otherwise.
import { loadPostgresParser, parseScript, parseSql } from "@deploylint/core/sources";
import { beforeAll, describe, expect, it } from "vitest";
import { buildScriptMigration } from "../../src/model/orm/index.js";

beforeAll(() => loadPostgresParser());

const KNEX = `exports.up = async function (knex) {
  await knex.raw("CREATE INDEX orders_status_idx ON orders (status) WHERE status <> 'done'; ALTER TABLE orders DROP COLUMN legacy");
};
exports.down = async function (knex) {
  await knex.raw("DROP INDEX orders_status_idx");
};
`;

function model(withParser: boolean) {
  return buildScriptMigration({
    path: "db/migrations/20260101120000_status.js",
    text: KNEX,
    settings: {},
    program: () => {
      const parsed = parseScript(KNEX, "a.js");
      if (!parsed.ok) throw new Error(parsed.error.message);
      return parsed.source.program;
    },
    ...(withParser
      ? { parseSql: (text: string, offset: number) => parseSql(" ".repeat(offset) + text, "postgresql") }
      : {}),
  });
}

describe("embedded SQL in ORM migrations", () => {
  it("uses the parser's syntax tree, at file offsets, when a parser is given", () => {
    const up = model(true)?.up ?? [];
    expect(up.map((op) => [op.type, KNEX.slice(op.range.start, op.range.end).slice(0, 30), op.node !== null])).toEqual([
      ["create_index", "CREATE INDEX orders_status_idx", true],
      ["drop_column", "ALTER TABLE orders DROP COLUMN", true],
    ]);
  });

  it("falls back to the text readers without one, with the same operations", () => {
    const up = model(false)?.up ?? [];
    expect(up.map((op) => [op.type, op.node])).toEqual([
      ["create_index", null],
      ["drop_column", null],
    ]);
  });
});
