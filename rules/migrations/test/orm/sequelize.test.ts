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
});
