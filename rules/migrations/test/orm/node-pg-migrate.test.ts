import { describe, expect, it } from "vitest";
import { ormMigration } from "./model.js";

describe("node-pg-migrate migrations", () => {
  it("maps MigrationBuilder calls, concurrently and noTransaction", () => {
    const text = `exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.addColumns("users", { tenant_id: { type: "bigint", notNull: true, default: 0 } });
  pgm.createIndex("users", "tenant_id", { concurrently: true });
  pgm.sql("UPDATE users SET tenant_id = 1");
};
exports.down = (pgm) => {
  pgm.dropIndex("users", "tenant_id", { concurrently: true });
  pgm.dropColumns("users", ["tenant_id"]);
};`;
    const migration = ormMigration("migrations/1700000000000_tenant.js", text);
    expect(migration).toMatchObject({ framework: "node-pg-migrate", transactional: false, dialect: "postgresql" });
    expect(migration?.up).toEqual([
      expect.objectContaining({
        type: "add_column",
        table: "users",
        column: "tenant_id",
        notNull: true,
        defaultExpr: "0",
        hasDefault: true,
      }),
      expect.objectContaining({
        type: "create_index",
        table: "users",
        name: "users_tenant_id_index",
        concurrently: true,
      }),
      expect.objectContaining({ type: "dml", verb: "update", table: "users", hasWhere: false }),
    ]);
    expect(migration?.down?.map((op) => op.type)).toEqual(["drop_index", "drop_column"]);
  });

  it("needs no down when every up call is one node-pg-migrate reverses itself, or down is false", () => {
    const reversible = ormMigration(
      "migrations/1_a.js",
      `exports.up = (pgm) => { pgm.createTable("a", { id: "id" }); };`,
    );
    expect(reversible).toMatchObject({ down: null, downNotRequired: true });
    const raw = ormMigration("migrations/2_b.js", `exports.up = (pgm) => { pgm.sql("DROP TABLE a"); };`);
    expect(raw?.downNotRequired).toBeUndefined();
    const irreversible = ormMigration(
      "migrations/3_c.js",
      `exports.up = (pgm) => { pgm.dropTable("a"); };\nexports.down = false;`,
    );
    expect(irreversible).toMatchObject({ down: null, downNotRequired: true });
  });
});
