import { describe, expect, it } from "vitest";
import { ormMigration } from "./model.js";

describe("Sequelize migrations", () => {
  it("maps QueryInterface calls, including inside a sequelize transaction", () => {
    const text = `"use strict";
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.sequelize.transaction(async (transaction) => {
      await queryInterface.addColumn("users", "plan", { type: Sequelize.STRING(32), allowNull: false }, { transaction });
      await queryInterface.addIndex("users", ["plan"], { concurrently: true, transaction });
    });
    await queryInterface.bulkUpdate("users", { plan: "free" }, {});
  },
  async down(queryInterface) {
    await queryInterface.removeIndex("users", ["plan"]);
    await queryInterface.removeColumn("users", "plan");
  },
};`;
    const migration = ormMigration("migrations/20260101120000-add-plan.js", text);
    expect(migration).toMatchObject({
      framework: "sequelize",
      transactional: false,
      version: "20260101120000",
      name: "add-plan",
    });
    expect(migration?.up).toEqual([
      expect.objectContaining({
        type: "add_column",
        column: "plan",
        dataType: "varchar(32)",
        notNull: true,
        hasDefault: false,
      }),
      expect.objectContaining({ type: "create_index", table: "users", name: "users_plan", concurrently: true }),
      expect.objectContaining({ type: "dml", verb: "update", table: "users", hasWhere: false }),
    ]);
    expect(migration?.down?.map((op) => op.type)).toEqual(["drop_index", "drop_column"]);
  });
  it("reads changeColumn with references as the type change and the foreign key it adds again", () => {
    const text = `module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.changeColumn("orders", "user_id", {
      type: Sequelize.INTEGER,
      references: { model: "users", key: "id" },
      onDelete: "CASCADE",
    });
  },
  down: async (queryInterface, Sequelize) => {
    await queryInterface.changeColumn("orders", "user_id", { type: Sequelize.INTEGER });
  },
};`;
    const migration = ormMigration("migrations/20260102120000-fk.js", text);
    expect(migration?.up).toEqual([
      expect.objectContaining({ type: "alter_column_type", table: "orders", column: "user_id", dataType: "integer" }),
      expect.objectContaining({
        type: "add_constraint",
        table: "orders",
        kind: "foreign_key",
        name: "orders_user_id_fkey",
        body: "user_id",
      }),
    ]);
    expect(migration?.down?.map((op) => op.type)).toEqual(["alter_column_type"]);
  });

  it("takes defaultValue {} and [] as constant defaults", () => {
    const text = `module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.addColumn("users", "settings", { type: Sequelize.JSONB, allowNull: false, defaultValue: {} });
    await queryInterface.addColumn("users", "tags", { type: Sequelize.JSONB, allowNull: false, defaultValue: [] });
    await queryInterface.addColumn("users", "theme", { type: Sequelize.JSONB, defaultValue: { mode: "dark" } });
    await queryInterface.addColumn("users", "seed", { type: Sequelize.JSONB, allowNull: false });
  },
  down: async () => {},
};`;
    const migration = ormMigration("migrations/20260103120000-settings.js", text);
    expect(migration?.up.map((op) => (op.type === "add_column" ? [op.hasDefault, op.defaultExpr] : null))).toEqual([
      [true, "'{}'"],
      [true, "'[]'"],
      [true, `'{"mode":"dark"}'`],
      [false, null],
    ]);
  });
});
