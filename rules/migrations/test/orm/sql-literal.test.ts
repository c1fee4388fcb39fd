// The SQL an ORM runs from a literal is the SQL parsed: escapes cooked, `${…}` as placeholders,
// and every range mapped back to the file.
import { beforeAll, describe, expect, it } from "vitest";
import { loadPostgresParser } from "../../../../packages/core/src/sources/sql/index.js";
import { ormMigration, summary } from "./model.js";

// PostgreSQL statements are parsed by libpg-query, which loads once before any parse.
beforeAll(() => loadPostgresParser());

describe("SQL in ORM string and template literals", () => {
  it("cooks escapes, so quoted names survive and ranges still point at the file", () => {
    const text = `export class Rename1700000000000 {
  async up(queryRunner) {
    await queryRunner.query("ALTER TABLE \\"Orders\\" RENAME COLUMN \\"Total\\" TO \\"total_cents\\"");
    await queryRunner.query(\`ALTER TABLE "Orders"\\n  DROP COLUMN "Legacy"\`);
  }
  async down(queryRunner) {}
}
`;
    for (const parser of ["postgresql", undefined] as const) {
      const migration = ormMigration("src/migrations/1700000000000-Rename.ts", text, {}, parser ? { parser } : {});
      expect(summary(text, migration?.up ?? null)).toEqual([
        expect.objectContaining({
          type: "rename_column",
          table: "Orders",
          column: "Total",
          to: "total_cents",
          at: 'ALTER TABLE \\"Orders\\" RENAME COLUMN \\"Total\\" TO \\"total_cents\\"',
        }),
        expect.objectContaining({
          type: "drop_column",
          table: "Orders",
          column: "Legacy",
          at: 'ALTER TABLE "Orders"\\n  DROP COLUMN "Legacy"',
        }),
      ]);
    }
  });

  it("reads an escaped backtick as a backtick (MySQL names in a template literal)", () => {
    const text =
      "exports.up = (knex) => knex.raw(`ALTER TABLE \\`users\\` DROP COLUMN \\`legacy\\``);\nexports.down = () => {};\n";
    const migration = ormMigration("db/migrations/20260101_drop.js", text, { dialect: "mysql" }, { parser: "mysql" });
    expect(summary(text, migration?.up ?? null)).toEqual([
      expect.objectContaining({ type: "drop_column", table: "users", column: "legacy" }),
    ]);
  });

  it("expands interpolations to placeholders that show what the script interpolates", () => {
    const text = `export class Index1700000000001 {
  async up(queryRunner) {
    await queryRunner.query(\`CREATE INDEX "\${this.prefix}_status_idx" ON \${table} (status) WHERE kind = '\${kind}'\`);
    await queryRunner.query(\`ALTER TABLE \${table} DROP COLUMN legacy\`);
  }
  async down(queryRunner) {
    await queryRunner.query(\`DROP INDEX "\${this.prefix}_status_idx"\`);
  }
}
`;
    const migration = ormMigration("src/migrations/1700000000001-Index.ts", text, {}, { parser: "postgresql" });
    expect(summary(text, migration?.up ?? null)).toEqual([
      expect.objectContaining({
        type: "create_index",
        table: "${table}",
        name: "${this.prefix}_status_idx",
        at: `CREATE INDEX "\${this.prefix}_status_idx" ON \${table} (status) WHERE kind = '\${kind}'`,
      }),
      expect.objectContaining({ type: "drop_column", table: "${table}", column: "legacy" }),
    ]);
    expect(summary(text, migration?.down ?? null)).toEqual([
      expect.objectContaining({ type: "drop_index", name: "${this.prefix}_status_idx" }),
    ]);
  });

  it("leaves SQL held in a variable dynamic", () => {
    const text = "exports.up = (knex) => knex.raw(statement);\nexports.down = (knex) => knex.raw('DROP TABLE t');\n";
    const migration = ormMigration("db/migrations/20260102_x.js", text);
    expect(migration?.up.map((op) => (op.type === "other" ? op.kind : op.type))).toEqual(["dynamic"]);
  });
});
