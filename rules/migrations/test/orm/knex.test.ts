import { beforeAll, describe, expect, it } from "vitest";
import { loadPostgresParser } from "../../../../packages/core/src/sources/sql/index.js";
import { ormMigration, summary } from "./model.js";

// PostgreSQL statements are parsed by libpg-query, which loads once before any parse.
beforeAll(() => loadPostgresParser());

const CREATE = `exports.up = function (knex) {
  return knex.schema
    .createTable("coupons", (t) => {
      t.bigIncrements("id");
      t.string("code", 32).notNullable().unique();
      t.timestamp("created_at").notNullable().defaultTo(knex.fn.now());
    })
    .alterTable("orders", (t) => {
      t.bigInteger("coupon_id").references("id").inTable("coupons");
      t.dropColumn("legacy");
    });
};

exports.down = function (knex) {
  return knex.schema.alterTable("orders", (t) => t.dropColumn("coupon_id")).dropTable("coupons");
};
`;

describe("knex migrations", () => {
  it("maps builder chains and table callbacks into operations, in source order", () => {
    const migration = ormMigration("db/migrations/20260101120000_coupons.js", CREATE);
    expect(migration).toMatchObject({
      framework: "knex",
      version: "20260101120000",
      name: "coupons",
      transactional: true,
    });
    expect(
      summary(CREATE, migration?.up ?? null).map((op) => [op.type, op.table, op.column ?? op.name ?? null]),
    ).toEqual([
      ["create_table", "coupons", null],
      ["create_index", "coupons", "coupons_code_unique"],
      ["add_column", "orders", "coupon_id"],
      ["drop_column", "orders", "legacy"],
    ]);
    const created = migration?.up[0];
    expect(created?.type === "create_table" && created.columns).toEqual([
      expect.objectContaining({ column: "id", dataType: "bigserial", primaryKey: true }),
      expect.objectContaining({ column: "code", dataType: "varchar(32)", notNull: true }),
      expect.objectContaining({ column: "created_at", dataType: "timestamptz", defaultExpr: "now()" }),
    ]);
    expect(summary(CREATE, migration?.down ?? null).map((op) => op.type)).toEqual(["drop_column", "drop_table"]);
  });

  it("reads knex.raw SQL at its offsets in the script, and data changes on knex(table)", () => {
    const text = `export async function up(knex) {
  await knex.raw("ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL; CREATE INDEX users_tenant_idx ON users (tenant_id)");
  await knex("users").update({ tenant_id: 1 });
}
export async function down(knex) {}
`;
    const migration = ormMigration("migrations/20260102_tenant.ts", text);
    expect(summary(text, migration?.up ?? null)).toEqual([
      expect.objectContaining({
        type: "add_column",
        table: "users",
        column: "tenant_id",
        notNull: true,
        at: "ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL",
      }),
      expect.objectContaining({
        type: "create_index",
        concurrently: false,
        at: "CREATE INDEX users_tenant_idx ON users (tenant_id)",
      }),
      expect.objectContaining({ type: "dml", verb: "update", table: "users", hasWhere: false }),
    ]);
    expect(migration?.down).toEqual([]);
  });

  it("marks code it cannot follow as dynamic instead of guessing, and honours the transaction opt-out", () => {
    const text = `const { addAudit } = require("../lib");
exports.config = { transaction: false };
exports.up = (knex) => knex.raw(indexSql);
exports.down = (knex) => addAudit(knex, "orders");
`;
    const migration = ormMigration("migrations/20260103_x.js", text);
    expect(migration?.transactional).toBe(false);
    expect(migration?.up.map((op) => (op.type === "other" ? op.kind : op.type))).toEqual(["dynamic"]);
    expect(migration?.down?.map((op) => (op.type === "other" ? op.kind : op.type))).toEqual(["dynamic"]);
  });

  it("reads knex.raw SQL run inside knex.transaction on the transaction's builder", () => {
    const text = `exports.up = async (knex) => {
  await knex.transaction(async (trx) => {
    await trx.raw("ALTER TABLE users DROP COLUMN legacy");
    await trx("users").update({ plan: "free" });
  });
};
exports.down = async (knex) => knex.raw("ALTER TABLE users ADD COLUMN legacy text");
`;
    const migration = ormMigration("db/migrations/20260104_tx.js", text);
    expect(summary(text, migration?.up ?? null)).toEqual([
      expect.objectContaining({ type: "drop_column", table: "users", column: "legacy" }),
      expect.objectContaining({ type: "dml", verb: "update", table: "users" }),
    ]);
  });

  it("fills in knex.raw bindings: ?? as a name, ? as a value", () => {
    const text = `exports.up = (knex) =>
  knex.raw("ALTER TABLE ?? ADD COLUMN ?? text NOT NULL DEFAULT ?", ["public.users", "plan", "it's free"]);
exports.down = (knex) => knex.schema.raw("ALTER TABLE ?? DROP COLUMN plan", ["users"]);
`;
    for (const parser of ["postgresql", undefined] as const) {
      const migration = ormMigration("db/migrations/20260105_plan.js", text, {}, parser ? { parser } : {});
      expect(summary(text, migration?.up ?? null)).toEqual([
        expect.objectContaining({
          type: "add_column",
          table: "users",
          column: "plan",
          notNull: true,
          defaultExpr: "'it''s free'",
          at: '"ALTER TABLE ?? ADD COLUMN ?? text NOT NULL DEFAULT ?"'.slice(1, -1),
        }),
      ]);
      expect(summary(text, migration?.down ?? null)).toEqual([
        expect.objectContaining({ type: "drop_column", table: "users", column: "plan" }),
      ]);
    }
  });

  it("ignores scripts that are not migrations", () => {
    expect(ormMigration("migrations/helpers.js", "export const x = (knex) => knex.schema;")).toBeNull();
    expect(ormMigration("migrations/20260101_x.js", "export function up() { return 1; }")).toBeNull();
  });
});
