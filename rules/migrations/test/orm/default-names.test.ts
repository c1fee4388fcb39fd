// The names ORM helpers give what they create without a name are the names model/default-names.ts
// computes, so a down that drops by the default name (or by the same columns) matches the up.
import { describe, expect, it } from "vitest";
import { ormMigration } from "./model.js";

const names = (ops: { type: string; name?: string | null }[] | null | undefined) =>
  (ops ?? []).filter((op) => "name" in op).map((op) => `${op.type} ${op.name}`);

describe("ORM default names", () => {
  it("knex: index and unique in the up, dropIndex/dropUnique by columns in the down, as knex names them", () => {
    const text = `exports.up = (knex) => knex.schema.alterTable("Orders", (t) => {
  t.index(["status", "created.at"]);
  t.unique(["ref"]);
  t.string("code").unique();
});
exports.down = (knex) => knex.schema.alterTable("Orders", (t) => {
  t.dropUnique(["code"]);
  t.dropUnique(["ref"]);
  t.dropIndex(["status", "created.at"]);
});`;
    const migration = ormMigration("migrations/20260101000000_idx.js", text);
    expect(names(migration?.up)).toEqual([
      "create_index orders_status_created_at_index",
      "create_index orders_ref_unique",
      "create_index orders_code_unique",
    ]);
    expect(names(migration?.down)).toEqual([
      "drop_index orders_code_unique",
      "drop_index orders_ref_unique",
      "drop_index orders_status_created_at_index",
    ]);
  });

  it("Sequelize: addIndex/removeIndex underscore the name; addConstraint names _uk/_pk/_ck", () => {
    const text = `module.exports = {
  up: async (queryInterface) => {
    await queryInterface.addIndex("Users", ["firstName"]);
    await queryInterface.addConstraint("Users", { fields: ["email"], type: "unique" });
  },
  down: async (queryInterface) => {
    await queryInterface.removeConstraint("Users", "Users_email_uk");
    await queryInterface.removeIndex("Users", ["firstName"]);
  },
};`;
    const migration = ormMigration("migrations/20260101000001-idx.js", text);
    expect(names(migration?.up)).toEqual(["create_index users_first_name", "add_constraint Users_email_uk"]);
    expect(names(migration?.down)).toEqual(["drop_constraint Users_email_uk", "drop_index users_first_name"]);
  });

  it("Sequelize: the foreign key a column's references adds is named by the migration's database", () => {
    const text = `module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.changeColumn("orders", "user_id", { type: Sequelize.INTEGER, references: { model: "users", key: "id" } });
  },
  down: async () => {},
};`;
    const postgres = ormMigration("migrations/20260101000002-fk.js", text);
    expect(names(postgres?.up)).toEqual(["add_constraint orders_user_id_fkey"]);
    // MySQL numbers an unnamed foreign key per table (orders_ibfk_1): unknowable from one migration.
    const mysql = ormMigration("migrations/20260101000002-fk.js", text, { dialect: "mysql" });
    expect(names(mysql?.up)).toEqual(["add_constraint null"]);
  });

  it("TypeORM: an index created without a name gets the naming strategy's IDX_ hash", () => {
    const text = `export class AddIdx1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex("post", new TableIndex({ columnNames: ["title", "author"] }));
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex("post", "IDX_0b2ab3a0b1e8e1b3f3c44a7ad4");
  }
}`;
    const migration = ormMigration("migrations/1700000000000-AddIdx.ts", text);
    const created = names(migration?.up)[0] ?? "";
    expect(created).toMatch(/^create_index IDX_[0-9a-f]{26}$/);
  });
});
