import { describe, expect, it } from "vitest";
import { ormMigration, summary } from "./model.js";

const TEXT = `import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from "typeorm";

export class AddStatus1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn("orders", new TableColumn({ name: "status", type: "varchar", length: 20, default: "'new'" }));
    await queryRunner.createIndex("orders", new TableIndex({ name: "orders_status_idx", columnNames: ["status"] }));
    await queryRunner.query(\`ALTER TABLE "orders" RENAME COLUMN "total" TO "total_cents"\`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`ALTER TABLE "orders" RENAME COLUMN "total_cents" TO "total"\`);
    await queryRunner.dropIndex("orders", "orders_status_idx");
    await queryRunner.dropColumn("orders", "status");
  }
}
`;

describe("TypeORM migrations", () => {
  it("maps QueryRunner calls and queryRunner.query SQL", () => {
    const migration = ormMigration("src/migrations/1700000000000-AddStatus.ts", TEXT);
    expect(migration).toMatchObject({
      framework: "typeorm",
      version: "1700000000000",
      name: "AddStatus",
      transactional: true,
    });
    expect(summary(TEXT, migration?.up ?? null)).toEqual([
      expect.objectContaining({
        type: "add_column",
        table: "orders",
        column: "status",
        dataType: "varchar(20)",
        notNull: true,
        defaultExpr: "'new'",
      }),
      expect.objectContaining({
        type: "create_index",
        table: "orders",
        name: "orders_status_idx",
        concurrently: false,
      }),
      expect.objectContaining({
        type: "rename_column",
        table: "orders",
        column: "total",
        to: "total_cents",
        at: 'ALTER TABLE "orders" RENAME COLUMN "total" TO "total_cents"',
      }),
    ]);
    expect(migration?.down?.map((op) => op.type)).toEqual(["rename_column", "drop_index", "drop_column"]);
  });

  it("reads `transaction = false` and a missing down", () => {
    const text = `export class X1 implements MigrationInterface {
  transaction = false;
  async up(queryRunner: QueryRunner) { await queryRunner.query("CREATE INDEX CONCURRENTLY a ON b (c)"); }
}`;
    const migration = ormMigration("migrations/1-X.ts", text);
    expect(migration).toMatchObject({ transactional: false, down: null, direction: "up" });
  });
});
